import { z } from 'zod';
import type { ShortTextQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { common, rightWrongFeedback, text } from './common.js';
import { reportRepeats, type ContentKind } from './content-kind.js';

const schema = z.strictObject({
  ...common,
  type: z.literal('short-text'),
  answers: z.array(text(40)).min(1).max(10, 'list at most 10 accepted answers (what every SCORM LMS must hold)'),
  feedback: rightWrongFeedback,
});

export const shortTextContent: ContentKind<typeof schema, ShortTextQuestion> = {
  schema,
  check(q, report) {
    reportRepeats(q.answers, 'answer', report, 'answers');
    q.answers.forEach((a, k) => {
      if (!/^[^[\]]*(\[[^[\]]+\][^[\]]*)*$/.test(a)) report(`answer "${a}": square brackets mark words that may be left out, in pairs, not nested`, 'answers', k);
      else if ((a.match(/\[/g) ?? []).length > 4) report(`answer "${a}": at most 4 optional parts`, 'answers', k);
    });
  },
  render: (q, render, base) => ({
    ...base,
    type: 'short-text',
    answers: q.answers.map((a) => a.trim()),
    feedback: { correct: render.inline(q.feedback.correct), incorrect: render.inline(q.feedback.incorrect) },
  }),
};
