import { z } from 'zod';
import type { OrderingQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { common, option, rightWrongFeedback } from './common.js';
import { reportRepeats, type ContentKind } from './content-kind.js';

const schema = z.strictObject({
  ...common,
  type: z.literal('ordering'),
  steps: z.array(option).min(3, 'give at least 3 steps').max(8, 'give at most 8 steps'),
  feedback: rightWrongFeedback,
});

export const orderingContent: ContentKind<typeof schema, OrderingQuestion> = {
  schema,
  check: (q, report) => reportRepeats(q.steps, 'step', report, 'steps'),
  render: (q, render, base) => ({
    ...base,
    type: 'ordering',
    steps: q.steps.map((s) => render.inline(s)),
    feedback: { correct: render.inline(q.feedback.correct), incorrect: render.inline(q.feedback.incorrect) },
  }),
};
