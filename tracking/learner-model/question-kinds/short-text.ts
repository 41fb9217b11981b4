import { creditPerCriterion, decoded, type QuestionBase, type QuestionKind } from './kind.js';

/** Longest short-text answer a learner can type; keeps suspend_data bounded. */
export const SHORT_TEXT_MAX = 40;

/** A word or short phrase to type. Response: the text typed, cleaned (see cleanShortText). */
export interface ShortTextQuestion extends QuestionBase {
  type: 'short-text';
  /** Accepted answers, as the author wrote them (the first is shown as the answer; [words] may be left out). */
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

/**
 * An answer as the matcher compares it: case, curly and straight quotes, a leading "a", "an" or
 * "the", hyphens, dashes and spaces (so "hand-off", "hand off" and "handoff" are one answer) and
 * punctuation at the ends make no difference.
 */
export function foldAnswer(text: string): string {
  return cleanShortText(text)
    .toLowerCase()
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/^["'(]+|["')]+$/g, '')
    .replace(/[.!?,;:]+$/, '')
    .replace(/^(a|an|the)\s+/, '')
    .replace(/[\s\-‐-―]+/g, '');
}

/**
 * The spellings an accepted answer stands for: words in square brackets may be left out
 * ("[Financial] Ombudsman [Service]" also accepts "Ombudsman" and "Financial Ombudsman").
 */
export function answerVariants(answer: string): string[] {
  const optional = [...answer.matchAll(/\[([^\]]*)\]/g)];
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << Math.min(optional.length, 4); mask++) {
    let k = 0;
    variants.push(answer.replace(/\[([^\]]*)\]/g, (_, words: string) => (mask & (1 << k++) ? '' : words)).replace(/\s+/g, ' ').trim());
  }
  return variants;
}

/** An accepted answer written out in full (optional words kept, brackets dropped). */
export const answerInFull = (answer: string): string => answerVariants(answer)[0]!;

export const shortText: QuestionKind<ShortTextQuestion, string> = {
  interactionType: 'fill-in',
  isResponse: (_q, r): r is string => typeof r === 'string' && r.length > 0 && r === cleanShortText(r),
  isCorrect: (q, r) => q.answers.some((a) => answerVariants(a).some((v) => foldAnswer(v) === foldAnswer(r))),
  credit: (q, r) => creditPerCriterion(q.criteria, shortText.isCorrect(q, r)),
  correctPatterns: (q, v) => q.answers.map((a) => (v === '1.2' ? answerInFull(a) : `{case_matters=false}${answerInFull(a)}`)),
  formatResponse: (_q, r) => r,
  components: () => ({}),
  answerInWords: (_q, r) => r,
  correctAnswerInWords: (q) => answerInFull(q.answers[0]!),
  optionsInWords: () => [],
  longestResponse: () => '"'.repeat(SHORT_TEXT_MAX),
  encode: (r) => r,
  decode: (q, raw) => decoded(shortText, q, raw),
  exampleResponse: (q, right) => (right ? cleanShortText(answerInFull(q.answers[0]!)) : 'not the answer'),
};
