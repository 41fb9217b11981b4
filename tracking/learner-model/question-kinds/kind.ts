/**
 * What every question kind provides, in one interface: a kind is one module implementing it,
 * and one entry in the table (`index.ts`), which TypeScript checks covers every kind.
 * The content side (schema, cross-checks, rendering at build time) and the view (the Lit
 * renderer) follow the same pattern in their own tables, so the player ships no build code and
 * the build no UI.
 */

/** SCORM 1.2, SCORM 2004, or xAPI (2004's formats, with words where an id would say nothing). */
export type ScormVersion = '1.2' | '2004' | 'xapi';

/** The SCORM / xAPI interaction types the kinds use. */
export type InteractionType = 'choice' | 'true-false' | 'matching' | 'sequencing' | 'fill-in' | 'long-fill-in' | 'performance';

/** What every question shares. */
export interface QuestionBase {
  id: string;
  type: string;
  /** The criteria the question evidences (one or two). */
  criteria: string[];
  /** Sanitised HTML of the stem. */
  stem: string;
  /** Plain text of the stem, for LMS interaction descriptions and evidence records. */
  stemText: string;
}

/** One component of an xAPI interaction definition, in plain text. */
export interface Component {
  id: string;
  text: string;
}

/** The lists of an xAPI interaction definition a kind fills (choices, source and target, steps). */
export interface InteractionComponents {
  choices?: Component[];
  source?: Component[];
  target?: Component[];
  steps?: Component[];
}

/** A JSON value as the state codec stores a response. */
export type Encoded = number | string | (number | string)[];

/** Credit a response earns towards one criterion: `earned` of `possible` (answers count 1 each). */
export interface CriterionCredit {
  code: string;
  earned: number;
  possible: number;
}

export interface QuestionKind<Q extends QuestionBase, R> {
  readonly interactionType: InteractionType;
  /** True when `r` is a response of this kind to `q`: the right shape, indices in range, no repeats. */
  isResponse(q: Q, r: unknown): r is R;
  isCorrect(q: Q, r: R): boolean;
  /** What the response earns towards each of the question's criteria. */
  credit(q: Q, r: R): CriterionCredit[];
  /** The correct-response patterns, in a version's format. */
  correctPatterns(q: Q, v: ScormVersion): string[];
  /** The learner's response, in a version's format. */
  formatResponse(q: Q, r: R, v: ScormVersion): string;
  /** The lists the xAPI interaction definition carries. */
  components(q: Q): InteractionComponents;
  /** The learner's response in words (My evidence, the tutor report). */
  answerInWords(q: Q, r: R): string;
  /** The correct answer in words. */
  correctAnswerInWords(q: Q): string;
  /** The options the learner chose from, in words, where the answer alone does not show them (choice); else none. */
  optionsInWords(q: Q): string[];
  /** The response that takes the most room in the saved state (the build's worst case). */
  longestResponse(q: Q): R;
  /** The response as the state codec stores it, and back (throws on anything that is not one). */
  encode(r: R): Encoded;
  decode(q: Q, raw: unknown): R;
  /** A right or a wrong response, for tests, the bench and examples. */
  exampleResponse(q: Q, right: boolean): R;
}

/** Option, step and target identifiers: a, b, c …; matching sources and steps: 1, 2, 3 … */
export const letter = (i: number): string => String.fromCharCode(97 + i);
export const digit = (i: number): string => String(i + 1);

/** The list and pair delimiters of a version's patterns. */
export const delimiters = (v: ScormVersion) => (v === '1.2' ? { list: ',', pair: '.' } : { list: '[,]', pair: '[.]' });

/** `n` distinct whole numbers from 0 to n − 1, in any order. */
export const isPermutation = (a: unknown, n: number): a is number[] =>
  Array.isArray(a) && a.length === n && a.every((x) => Number.isInteger(x) && x >= 0 && x < n) && new Set(a).size === n;

export const isIndex = (x: unknown, n: number): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < n;

/** One credit per criterion of the question: 1 of 1 when right, 0 of 1 when not. */
export const creditPerCriterion = (criteria: string[], right: boolean): CriterionCredit[] =>
  criteria.map((code) => ({ code, earned: right ? 1 : 0, possible: 1 }));

/** Decodes with a kind's guard, or throws. */
export function decoded<Q extends QuestionBase, R>(kind: Pick<QuestionKind<Q, R>, 'isResponse'>, q: Q, r: unknown): R {
  if (!kind.isResponse(q, r)) throw new Error(`bad answer for ${q.id}`);
  return r;
}
