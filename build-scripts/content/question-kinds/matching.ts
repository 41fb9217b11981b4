import { z } from 'zod';
import type { MatchingQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { common, option, rightWrongFeedback } from './common.js';
import { reportRepeats, type ContentKind } from './content-kind.js';

const schema = z.strictObject({
  ...common,
  type: z.literal('matching'),
  pairs: z
    .array(z.strictObject({ source: option, target: option }))
    .min(3, 'give at least 3 pairs')
    .max(6, 'give at most 6 pairs'),
  feedback: rightWrongFeedback,
});

export const matchingContent: ContentKind<typeof schema, MatchingQuestion> = {
  schema,
  check(q, report) {
    reportRepeats(q.pairs.map((p) => p.source), 'source', report, 'pairs');
    reportRepeats(q.pairs.map((p) => p.target), 'target', report, 'pairs');
  },
  render: (q, render, base) => ({
    ...base,
    type: 'matching',
    pairs: q.pairs.map((p) => ({ source: render.inline(p.source), target: render.inline(p.target) })),
    feedback: { correct: render.inline(q.feedback.correct), incorrect: render.inline(q.feedback.incorrect) },
  }),
};
