import type { AskedQuestion, QuestionComponent } from './report-statements.js';

/**
 * Responses and correct-response patterns written out in words, from the question's own
 * components: "a[,]c" → the two choices' texts; "1[.]b[,]2[.]a" → "source → target" pairs;
 * "c[,]a[,]b" → the steps in that order; "true" → True; fill-in → the text typed.
 */

const LIST = '[,]';
const PAIR = '[.]';
/** Leading {case_matters=…} {order_matters=…} {lang=…} parameters of a pattern. */
const PARAMETERS = /^(\{(case_matters|order_matters|lang)=[^}]*\})+/;

export const NO_RESPONSE = '(no response)';

const textOf = (list: QuestionComponent[], id: string): string => list.find((c) => c.id === id)?.text ?? id;

/** One response or pattern in words. */
export function responseInWords(q: AskedQuestion, pattern: string): string {
  const value = pattern.replace(PARAMETERS, '');
  if (value === '') return NO_RESPONSE;
  switch (q.interactionType) {
    case 'choice':
      return value
        .split(LIST)
        .map((id) => textOf(q.choices, id))
        .join('; ');
    case 'true-false':
      return value === 'true' ? 'True' : value === 'false' ? 'False' : value;
    case 'matching':
      return value
        .split(LIST)
        .map((pair) => {
          const [s = '', t = ''] = pair.split(PAIR);
          return `${textOf(q.source, s)} → ${textOf(q.target, t)}`;
        })
        .join('; ');
    case 'sequencing':
      return value
        .split(LIST)
        .map((id, i) => `${i + 1}. ${textOf(q.choices, id)}`)
        .join(' ');
    case 'performance':
      // step[.]what the learner chose at that step: "what the customer said → what the learner did"
      return value
        .split(LIST)
        .map((pair) => {
          const [step = '', answer = ''] = pair.split(PAIR);
          return `${textOf(q.steps, step)} → ${answer}`;
        })
        .join(' | ');
    default:
      // fill-in, long-fill-in, numeric, likert, other: the value itself.
      return value;
  }
}

/** Every correct response the question accepts, in words (fill-in questions may accept several). */
export function correctResponsesInWords(q: AskedQuestion): string[] {
  return q.correctResponsesPattern.map((p) => responseInWords(q, p));
}

/** What the learner was given to answer with, by kind of question. */
export type QuestionOptions =
  | { kind: 'choices'; items: string[] }
  | { kind: 'steps'; items: string[] }
  | { kind: 'conversation'; items: string[] }
  | { kind: 'matching'; sources: string[]; targets: string[] }
  | { kind: 'true-false' }
  | { kind: 'typed' };

export function questionOptions(q: AskedQuestion): QuestionOptions {
  switch (q.interactionType) {
    case 'choice':
      return { kind: 'choices', items: q.choices.map((c) => c.text) };
    case 'sequencing':
      return { kind: 'steps', items: q.choices.map((c) => c.text) };
    case 'performance':
      return { kind: 'conversation', items: q.steps.map((c) => c.text) };
    case 'matching':
      return { kind: 'matching', sources: q.source.map((c) => c.text), targets: q.target.map((c) => c.text) };
    case 'true-false':
      return { kind: 'true-false' };
    default:
      return { kind: 'typed' };
  }
}
