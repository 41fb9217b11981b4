import { plainText } from '../../plain-text.js';
import { creditPerCriterion, decoded, delimiters, digit, isIndex, letter, type QuestionBase, type QuestionKind, type ScormVersion } from './kind.js';

/**
 * A call or chat simulation: at each step the learner chooses what to say or do next and sees
 * the consequence; the conversation then carries on along the right path.
 * Response: the choice made at each step.
 */
export interface ScenarioQuestion extends QuestionBase {
  type: 'scenario';
  steps: {
    /** What the customer says, or what happens (sanitised HTML). */
    prompt: string;
    /** Exactly one is correct. `reply` is the customer's reaction to a choice, when given. */
    choices: { text: string; correct: boolean; feedback: string; reply?: string }[];
  }[];
}

/** A choice's text, safe inside a performance pattern (no [,] or [.] delimiters). */
const answerText = (html: string) => plainText(html).replace(/\[[.,]\]/g, ' ').trim();

const pattern = (q: ScenarioQuestion, path: number[], v: ScormVersion) => {
  const { list, pair } = delimiters(v);
  return path.map((c, k) => `${digit(k)}${pair}${v === 'xapi' ? answerText(q.steps[k]!.choices[c]!.text) : letter(c)}`).join(list);
};
const bestPath = (q: ScenarioQuestion) => q.steps.map((s) => s.choices.findIndex((c) => c.correct));

export const scenario: QuestionKind<ScenarioQuestion, number[]> = {
  interactionType: 'performance',
  isResponse: (q, r): r is number[] => Array.isArray(r) && r.length === q.steps.length && r.every((x, k) => isIndex(x, q.steps[k]!.choices.length)),
  isCorrect: (q, r) => q.steps.every((step, k) => step.choices[r[k]!]?.correct === true),
  credit: (q, r) => creditPerCriterion(q.criteria, scenario.isCorrect(q, r)),
  // Performance: step[.]choice for each step, in order (for xAPI, the choice's words).
  correctPatterns: (q, v) => [pattern(q, bestPath(q), v)],
  formatResponse: (q, r, v) => pattern(q, r, v),
  // Each step is what the customer said; the response names the learner's choice at each.
  components: (q) => ({ steps: q.steps.map((s, i) => ({ id: digit(i), text: plainText(s.prompt) })) }),
  answerInWords: (q, r) => r.map((c, k) => `${plainText(q.steps[k]!.prompt)} → ${answerText(q.steps[k]?.choices[c]?.text ?? '')}`).join(' | '),
  correctAnswerInWords: (q) => scenario.answerInWords(q, bestPath(q)),
  optionsInWords: () => [],
  longestResponse: (q) => q.steps.map((s) => s.choices.length - 1),
  encode: (r) => r,
  decode: (q, raw) => decoded(scenario, q, raw),
  exampleResponse: (q, right) => q.steps.map((s, k) => s.choices.findIndex((c) => c.correct === (right || k > 0))),
};
