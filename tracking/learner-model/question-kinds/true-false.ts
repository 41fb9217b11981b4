import { creditPerCriterion, decoded, type QuestionBase, type QuestionKind } from './kind.js';

/** Words the learner sees for the two answers (also used in evidence records). */
export const TRUE_FALSE_WORDS = { true: 'True', false: 'False' } as const;

/** A statement that is true or false. Response: the learner's true or false. */
export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  correct: boolean;
  /** Feedback shown for each answer (HTML). */
  feedback: { true: string; false: string };
}

export const trueFalse: QuestionKind<TrueFalseQuestion, boolean> = {
  interactionType: 'true-false',
  isResponse: (_q, r): r is boolean => typeof r === 'boolean',
  isCorrect: (q, r) => r === q.correct,
  credit: (q, r) => creditPerCriterion(q.criteria, trueFalse.isCorrect(q, r)),
  correctPatterns: (q, v) => [v === '1.2' ? (q.correct ? 't' : 'f') : String(q.correct)],
  formatResponse: (_q, r, v) => (v === '1.2' ? (r ? 't' : 'f') : String(r)),
  components: () => ({}),
  answerInWords: (_q, r) => (r ? TRUE_FALSE_WORDS.true : TRUE_FALSE_WORDS.false),
  correctAnswerInWords: (q) => (q.correct ? TRUE_FALSE_WORDS.true : TRUE_FALSE_WORDS.false),
  optionsInWords: () => [],
  longestResponse: () => false,
  encode: (r) => (r ? 1 : 0),
  decode: (q, raw) => decoded(trueFalse, q, raw === 1 ? true : raw === 0 ? false : raw),
  exampleResponse: (q, right) => (right ? q.correct : !q.correct),
};
