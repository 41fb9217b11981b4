import { creditPerCriterion, decoded, type QuestionBase, type QuestionKind } from './kind.js';

/** Longest short-text answer a learner can type; keeps suspend_data bounded. */
export const SHORT_TEXT_MAX = 40;

/** A word or short phrase to type. Response: the text typed, cleaned (see cleanShortText). */
export interface ShortTextQuestion extends QuestionBase {
  type: 'short-text';
  /** Accepted answers, as the author wrote them (the first is shown as the answer). */
  answers: string[];
  feedback: { correct: string; incorrect: string };
}

/** Short text as stored: no control characters, spaces collapsed, at most SHORT_TEXT_MAX characters. */
export function cleanShortText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SHORT_TEXT_MAX);
}

const fold = (s: string) => cleanShortText(s).toLowerCase().replace(/[.!]+$/, '');

export const shortText: QuestionKind<ShortTextQuestion, string> = {
  interactionType: 'fill-in',
  isResponse: (_q, r): r is string => typeof r === 'string' && r.length > 0 && r === cleanShortText(r),
  isCorrect: (q, r) => q.answers.some((a) => fold(a) === fold(r)),
  credit: (q, r) => creditPerCriterion(q.criteria, shortText.isCorrect(q, r)),
  correctPatterns: (q, v) => q.answers.map((a) => (v === '1.2' ? a : `{case_matters=false}${a}`)),
  formatResponse: (_q, r) => r,
  components: () => ({}),
  answerInWords: (_q, r) => r,
  correctAnswerInWords: (q) => q.answers[0]!,
  optionsInWords: () => [],
  longestResponse: () => '"'.repeat(SHORT_TEXT_MAX),
  encode: (r) => r,
  decode: (q, raw) => decoded(shortText, q, raw),
  exampleResponse: (q, right) => (right ? q.answers[0]! : 'not the answer'),
};
