import { plainText } from '../../plain-text.js';
import { creditPerCriterion, decoded, delimiters, digit, isPermutation, letter, type QuestionBase, type QuestionKind } from './kind.js';

/** Sources matched to targets. Response: for each source, in source order, the index of the target chosen. */
export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** In the correct pairing (HTML). */
  pairs: { source: string; target: string }[];
  feedback: { correct: string; incorrect: string };
}

const desc = (n: number) => Array.from({ length: n }, (_, i) => n - 1 - i);

export const matching: QuestionKind<MatchingQuestion, number[]> = {
  interactionType: 'matching',
  isResponse: (q, r): r is number[] => isPermutation(r, q.pairs.length),
  isCorrect: (_q, r) => r.every((x, i) => x === i),
  credit: (q, r) => creditPerCriterion(q.criteria, matching.isCorrect(q, r)),
  correctPatterns: (q, v) => {
    const { list, pair } = delimiters(v);
    return [q.pairs.map((_, i) => `${digit(i)}${pair}${letter(i)}`).join(list)];
  },
  formatResponse: (_q, r, v) => {
    const { list, pair } = delimiters(v);
    return r.map((t, s) => `${digit(s)}${pair}${letter(t)}`).join(list);
  },
  components: (q) => ({
    source: q.pairs.map((p, i) => ({ id: digit(i), text: plainText(p.source) })),
    target: q.pairs.map((p, i) => ({ id: letter(i), text: plainText(p.target) })),
  }),
  answerInWords: (q, r) => r.map((t, s) => `${plainText(q.pairs[s]!.source)} → ${plainText(q.pairs[t]?.target ?? '')}`).join('; '),
  correctAnswerInWords: (q) => q.pairs.map((p) => `${plainText(p.source)} → ${plainText(p.target)}`).join('; '),
  optionsInWords: () => [],
  longestResponse: (q) => desc(q.pairs.length),
  encode: (r) => r,
  decode: (q, raw) => decoded(matching, q, raw),
  exampleResponse: (q, right) => q.pairs.map((_, s) => (right ? s : (s + 1) % q.pairs.length)),
};
