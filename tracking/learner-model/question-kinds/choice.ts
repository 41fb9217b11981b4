import { plainText } from '../../plain-text.js';
import { creditPerCriterion, decoded, delimiters, isIndex, letter, type QuestionBase, type QuestionKind } from './kind.js';

/** An option of a single- or multiple-choice question (HTML, sanitised at build time). */
export interface ChoiceOption {
  text: string;
  correct: boolean;
  feedback: string;
}

/** Single choice: one correct option. Response: the index of the option chosen. */
export interface SingleQuestion extends QuestionBase {
  type: 'single';
  options: ChoiceOption[];
}

/** Multiple response: two or more correct options, the stem says how many. Response: the sorted indices chosen. */
export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  options: ChoiceOption[];
}

const optionIds = (q: SingleQuestion | MultipleQuestion) => q.options.flatMap((o, i) => (o.correct ? [letter(i)] : []));
const components = (q: SingleQuestion | MultipleQuestion) => ({ choices: q.options.map((o, i) => ({ id: letter(i), text: plainText(o.text) })) });
const correctInWords = (q: SingleQuestion | MultipleQuestion) =>
  q.options
    .filter((o) => o.correct)
    .map((o) => plainText(o.text))
    .join('; ');

export const single: QuestionKind<SingleQuestion, number> = {
  interactionType: 'choice',
  isResponse: (q, r): r is number => isIndex(r, q.options.length),
  isCorrect: (q, r) => q.options[r]?.correct === true,
  credit: (q, r) => creditPerCriterion(q.criteria, single.isCorrect(q, r)),
  correctPatterns: (q) => [optionIds(q).join('')],
  formatResponse: (_q, r) => letter(r),
  components,
  answerInWords: (q, r) => plainText(q.options[r]?.text ?? ''),
  correctAnswerInWords: correctInWords,
  optionsInWords: (q) => q.options.map((o) => plainText(o.text)),
  longestResponse: (q) => q.options.length - 1,
  encode: (r) => r,
  decode: (q, raw) => decoded(single, q, raw),
  exampleResponse: (q, right) => q.options.findIndex((o) => o.correct === right),
};

export const multiple: QuestionKind<MultipleQuestion, number[]> = {
  interactionType: 'choice',
  isResponse: (q, r): r is number[] =>
    Array.isArray(r) && r.length > 0 && r.every((x, i) => isIndex(x, q.options.length) && (i === 0 || x > (r[i - 1] as number))),
  isCorrect: (q, r) => {
    const chosen = new Set(r);
    return q.options.every((o, i) => o.correct === chosen.has(i));
  },
  credit: (q, r) => creditPerCriterion(q.criteria, multiple.isCorrect(q, r)),
  correctPatterns: (q, v) => [optionIds(q).join(delimiters(v).list)],
  formatResponse: (_q, r, v) => r.map(letter).join(delimiters(v).list),
  components,
  answerInWords: (q, r) => r.map((i) => plainText(q.options[i]?.text ?? '')).join('; '),
  correctAnswerInWords: correctInWords,
  optionsInWords: (q) => q.options.map((o) => plainText(o.text)),
  longestResponse: (q) => q.options.map((_, i) => i),
  encode: (r) => r,
  decode: (q, raw) => decoded(multiple, q, raw),
  exampleResponse: (q, right) => (right ? q.options.flatMap((o, i) => (o.correct ? [i] : [])) : [q.options.findIndex((o) => !o.correct)]),
};
