import type { QuestionData } from './course-data.js';
import { plainText } from '../plain-text.js';
import type { Response } from './responses.js';

/** SCORM interaction types for our question types. */
export const INTERACTION_TYPE: Record<QuestionData['type'], string> = {
  single: 'choice',
  multiple: 'choice',
  'true-false': 'true-false',
  matching: 'matching',
  ordering: 'sequencing',
  'short-text': 'fill-in',
  scenario: 'performance',
};

/** Option, step and target identifiers: a, b, c …; matching sources: 1, 2, 3 … */
export const letter = (i: number): string => String.fromCharCode(97 + i);
export const digit = (i: number): string => String(i + 1);

/** SCORM 1.2, SCORM 2004, or xAPI (2004's formats, with a simulation's choices as text). */
export type ScormVersion = '1.2' | '2004' | 'xapi';

/** A choice's text, safe inside a performance pattern (no [,] or [.] delimiters). */
const answerText = (html: string) => plainText(html).replace(/\[[.,]\]/g, ' ').trim();

function choiceIds(q: QuestionData): string[] {
  return q.type === 'single' || q.type === 'multiple' ? q.options.flatMap((o, i) => (o.correct ? [letter(i)] : [])) : [];
}

/** The correct-response patterns of a question, in the given SCORM version's format. */
export function correctPatterns(q: QuestionData, v: ScormVersion): string[] {
  const list = v === '1.2' ? ',' : '[,]';
  const dot = v === '1.2' ? '.' : '[.]';
  switch (q.type) {
    case 'single':
    case 'multiple':
      return [choiceIds(q).join(list)];
    case 'true-false':
      return [v === '1.2' ? (q.correct ? 't' : 'f') : String(q.correct)];
    case 'matching':
      return [q.pairs.map((_, i) => `${digit(i)}${dot}${letter(i)}`).join(list)];
    case 'ordering':
      return [q.steps.map((_, i) => letter(i)).join(list)];
    case 'short-text':
      return q.answers.map((a) => (v === '1.2' ? a : `{case_matters=false}${a}`));
    case 'scenario':
      // Performance: step[.]choice for each step, in order (for xAPI, the choice's words).
      return [
        q.steps
          .map((s, k) => {
            const c = s.choices.findIndex((x) => x.correct);
            return `${digit(k)}${dot}${v === 'xapi' ? answerText(s.choices[c]!.text) : letter(c)}`;
          })
          .join(list),
      ];
  }
}

/** The learner's response in the given SCORM version's format. */
export function formatResponse(q: QuestionData, r: Response, v: ScormVersion): string {
  const list = v === '1.2' ? ',' : '[,]';
  const dot = v === '1.2' ? '.' : '[.]';
  switch (q.type) {
    case 'single':
      return letter(r as number);
    case 'multiple':
      return (r as number[]).map(letter).join(list);
    case 'true-false':
      return v === '1.2' ? (r ? 't' : 'f') : String(r);
    case 'matching':
      return (r as number[]).map((t, s) => `${digit(s)}${dot}${letter(t)}`).join(list);
    case 'ordering':
      return (r as number[]).map(letter).join(list);
    case 'short-text':
      return r as string;
    case 'scenario':
      return (r as number[]).map((c, k) => `${digit(k)}${dot}${v === 'xapi' ? answerText(q.steps[k]!.choices[c]!.text) : letter(c)}`).join(list);
  }
}
