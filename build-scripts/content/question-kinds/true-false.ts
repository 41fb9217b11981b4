import { z } from 'zod';
import type { TrueFalseQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { common, feedback } from './common.js';
import type { ContentKind } from './content-kind.js';

const schema = z.strictObject({ ...common, type: z.literal('true-false'), correct: z.boolean(), feedback: z.strictObject({ true: feedback, false: feedback }) });

export const trueFalseContent: ContentKind<typeof schema, TrueFalseQuestion> = {
  schema,
  check: () => {},
  render: (q, render, base) => ({ ...base, type: 'true-false', correct: q.correct, feedback: { true: render.inline(q.feedback.true), false: render.inline(q.feedback.false) } }),
};
