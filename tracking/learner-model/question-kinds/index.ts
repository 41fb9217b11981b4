import { multiple, single, type MultipleQuestion, type SingleQuestion } from './choice.js';
import type { CriterionCredit, Encoded, InteractionComponents, InteractionType, QuestionKind, ScormVersion } from './kind.js';
import { matching, type MatchingQuestion } from './matching.js';
import { ordering, type OrderingQuestion } from './ordering.js';
import { shortText, type ShortTextQuestion } from './short-text.js';
import { simulation, type SimulationQuestion } from './simulation.js';
import { trueFalse, type TrueFalseQuestion } from './true-false.js';

/** Every kind's question data, by kind. Adding a kind: its module, then one line here and in KINDS. */
export interface QuestionTypes {
  single: SingleQuestion;
  multiple: MultipleQuestion;
  'true-false': TrueFalseQuestion;
  matching: MatchingQuestion;
  ordering: OrderingQuestion;
  'short-text': ShortTextQuestion;
  simulation: SimulationQuestion;
}
export type QuestionType = keyof QuestionTypes;
export type QuestionData = QuestionTypes[QuestionType];

/** Every kind's response type, read off its module. */
export type ResponseOf<T extends QuestionType> = (typeof KINDS)[T] extends QuestionKind<QuestionTypes[T], infer R> ? R : never;
/** A learner's answer to any question. */
export type Response = ResponseOf<QuestionType>;

/** The kinds: a missing kind, or a kind whose module does not fit its question type, is a type error. */
export const KINDS = {
  single,
  multiple,
  'true-false': trueFalse,
  matching,
  ordering,
  'short-text': shortText,
  simulation,
} satisfies { [T in QuestionType]: QuestionKind<QuestionTypes[T], unknown> };

/**
 * A question's kind, looked up by its own type. The one place the table is read: the lookup is
 * sound (a question always goes to its own kind), which TypeScript cannot follow through a union.
 */
const kindOf = (q: QuestionData) => KINDS[q.type] as unknown as QuestionKind<QuestionData, Response>;

/** True when a response is of the right shape for the question (indices in range, no repeats). */
export const isValidResponse = (q: QuestionData, r: unknown): r is Response => kindOf(q).isResponse(q, r);
export const isCorrect = (q: QuestionData, r: Response): boolean => kindOf(q).isCorrect(q, r);
export const creditOf = (q: QuestionData, r: Response): CriterionCredit[] => kindOf(q).credit(q, r);
export const interactionType = (q: QuestionData): InteractionType => kindOf(q).interactionType;
export const correctPatterns = (q: QuestionData, v: ScormVersion): string[] => kindOf(q).correctPatterns(q, v);
export const formatResponse = (q: QuestionData, r: Response, v: ScormVersion): string => kindOf(q).formatResponse(q, r, v);
export const interactionComponents = (q: QuestionData): InteractionComponents => kindOf(q).components(q);
/** A learner's response written out in words, for review and evidence records. */
export const answerInWords = (q: QuestionData, r: Response): string => kindOf(q).answerInWords(q, r);
export const correctAnswerInWords = (q: QuestionData): string => kindOf(q).correctAnswerInWords(q);
export const optionsInWords = (q: QuestionData): string[] => kindOf(q).optionsInWords(q);
export const longestResponse = (q: QuestionData): Response => kindOf(q).longestResponse(q);
export const encodeResponse = (q: QuestionData, r: Response): Encoded => kindOf(q).encode(r);
/** Reads a stored response back; throws when it is not a response to this question. */
export const decodeResponse = (q: QuestionData, raw: unknown): Response => kindOf(q).decode(q, raw);
export const exampleResponse = (q: QuestionData, right: boolean): Response => kindOf(q).exampleResponse(q, right);

export type { CriterionCredit, InteractionType, ScormVersion } from './kind.js';
export type { ChoiceOption, MultipleQuestion, SingleQuestion } from './choice.js';
export type { MatchingQuestion } from './matching.js';
export type { OrderingQuestion } from './ordering.js';
export { bestPath, displayOrder, pathScore, turnInWords, walk, QUALITY_CREDIT } from './simulation.js';
export type { DesktopPanel, Quality, SimulationChoice, SimulationEnd, SimulationPath, SimulationQuestion, SimulationTurn, TurnKind } from './simulation.js';
export type { TrueFalseQuestion } from './true-false.js';
export { SHORT_TEXT_MAX, answerInFull, answerVariants, cleanShortText, foldAnswer, type ShortTextQuestion } from './short-text.js';
export { TRUE_FALSE_WORDS } from './true-false.js';
