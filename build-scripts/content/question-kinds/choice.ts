import { z } from 'zod';
import type { MultipleQuestion, SingleQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { common, feedback, option } from './common.js';
import { reportRepeats, type ContentKind, type Renderer, type Report } from './content-kind.js';

const options = z
  .array(z.strictObject({ text: option, correct: z.boolean().optional(), feedback }))
  .min(3, 'give at least 3 options')
  .max(6, 'give at most 6 options');
const singleSchema = z.strictObject({ ...common, type: z.literal('single'), options });
const multipleSchema = z.strictObject({ ...common, type: z.literal('multiple'), options });
type ChoiceSource = z.infer<typeof singleSchema> | z.infer<typeof multipleSchema>;

function checkOptions(q: ChoiceSource, report: Report): void {
  q.options.forEach((o, k) => {
    if (/\b(all|none) of the above\b/i.test(o.text)) report('"all/none of the above" is not allowed', 'options', k, 'text');
  });
  reportRepeats(q.options.map((o) => o.text), 'option', report, 'options');
}

const renderOptions = (q: ChoiceSource, render: Renderer) =>
  q.options.map((o) => ({ text: render.inline(o.text), correct: o.correct === true, feedback: render.inline(o.feedback) }));

export const singleContent: ContentKind<typeof singleSchema, SingleQuestion> = {
  schema: singleSchema,
  check(q, report) {
    const correct = q.options.filter((o) => o.correct).length;
    if (correct !== 1) report(`a single-choice question needs exactly 1 correct option; it has ${correct}`, 'options');
    checkOptions(q, report);
  },
  render: (q, render, base) => ({ ...base, type: 'single', options: renderOptions(q, render) }),
};

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

export const multipleContent: ContentKind<typeof multipleSchema, MultipleQuestion> = {
  schema: multipleSchema,
  check(q, report) {
    const correct = q.options.filter((o) => o.correct).length;
    if (correct < 2) report(`a multiple-response question needs at least 2 correct options; it has ${correct}`, 'options');
    else if (correct === q.options.length) report('every option is correct: leave at least one wrong option', 'options');
    const asked = /\b(?:choose|select|pick)\s+(\d+|two|three|four|five)\b/i.exec(q.stem);
    const n = asked ? (NUMBER_WORDS[asked[1]!.toLowerCase()] ?? Number(asked[1])) : undefined;
    if (n !== correct) report(`the stem must say how many to choose ("Choose ${correct}.")`, 'stem');
    checkOptions(q, report);
  },
  render: (q, render, base) => ({ ...base, type: 'multiple', options: renderOptions(q, render) }),
};
