import { SHORT_TEXT_MAX, type QuestionData } from './course-data.js';

/**
 * A learner's answer to one question:
 * single → option index; multiple → sorted option indices; true-false → boolean;
 * matching → for each source (in source order) the chosen target's index;
 * ordering → step indices in the learner's order; short-text → the typed text;
 * scenario → the choice made at each step.
 */
export type Response = number | number[] | boolean | string;

/** Short text as stored: no control characters, spaces collapsed, at most SHORT_TEXT_MAX characters. */
export function cleanShortText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SHORT_TEXT_MAX);
}

const fold = (s: string) => cleanShortText(s).toLowerCase().replace(/[.!]+$/, '');

/** True when a response is of the right shape for the question (indices in range, no repeats). */
export function isValidResponse(q: QuestionData, r: unknown): r is Response {
  const isPermutation = (a: unknown, n: number) =>
    Array.isArray(a) && a.length === n && a.every((x) => Number.isInteger(x) && x >= 0 && x < n) && new Set(a).size === n;
  switch (q.type) {
    case 'single':
      return Number.isInteger(r) && (r as number) >= 0 && (r as number) < q.options.length;
    case 'multiple':
      return (
        Array.isArray(r) &&
        r.length > 0 &&
        r.every((x) => Number.isInteger(x) && x >= 0 && x < q.options.length) &&
        new Set(r).size === r.length &&
        r.every((x, i) => i === 0 || x > (r[i - 1] as number))
      );
    case 'true-false':
      return typeof r === 'boolean';
    case 'matching':
      return isPermutation(r, q.pairs.length);
    case 'ordering':
      return isPermutation(r, q.steps.length);
    case 'short-text':
      return typeof r === 'string' && r.length > 0 && r === cleanShortText(r);
    case 'scenario':
      return Array.isArray(r) && r.length === q.steps.length && r.every((x, k) => Number.isInteger(x) && x >= 0 && x < q.steps[k]!.choices.length);
  }
}

export function isCorrect(q: QuestionData, r: Response): boolean {
  switch (q.type) {
    case 'single':
      return q.options[r as number]?.correct === true;
    case 'multiple': {
      const chosen = new Set(r as number[]);
      return q.options.every((o, i) => o.correct === chosen.has(i));
    }
    case 'true-false':
      return r === q.correct;
    case 'matching':
    case 'ordering':
      return (r as number[]).every((x, i) => x === i);
    case 'short-text':
      return q.answers.some((a) => fold(a) === fold(r as string));
    case 'scenario':
      return q.steps.every((step, k) => step.choices[(r as number[])[k]!]?.correct === true);
  }
}
