import { plainText } from '../../plain-text.js';
import { creditPerCriterion, decoded, delimiters, isPermutation, letter, type QuestionBase, type QuestionKind } from './kind.js';

/** Steps to put in order. Response: the step indices in the learner's order. */
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In the correct order (HTML). */
  steps: string[];
  feedback: { correct: string; incorrect: string };
}

const desc = (n: number) => Array.from({ length: n }, (_, i) => n - 1 - i);

export const ordering: QuestionKind<OrderingQuestion, number[]> = {
  interactionType: 'sequencing',
  isResponse: (q, r): r is number[] => isPermutation(r, q.steps.length),
  isCorrect: (_q, r) => r.every((x, i) => x === i),
  credit: (q, r) => creditPerCriterion(q.criteria, ordering.isCorrect(q, r)),
  correctPatterns: (q, v) => [q.steps.map((_, i) => letter(i)).join(delimiters(v).list)],
  formatResponse: (_q, r, v) => r.map(letter).join(delimiters(v).list),
  components: (q) => ({ choices: q.steps.map((s, i) => ({ id: letter(i), text: plainText(s) })) }),
  answerInWords: (q, r) => r.map((s, i) => `${i + 1}. ${plainText(q.steps[s] ?? '')}`).join(' '),
  correctAnswerInWords: (q) => q.steps.map((s, i) => `${i + 1}. ${plainText(s)}`).join(' '),
  optionsInWords: () => [],
  longestResponse: (q) => desc(q.steps.length),
  encode: (r) => r,
  decode: (q, raw) => decoded(ordering, q, raw),
  exampleResponse: (q, right) => (right ? q.steps.map((_, i) => i) : desc(q.steps.length)),
};
