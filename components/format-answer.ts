import type { QuestionData } from '../tracking/learner-model/course-data.js';
import { plainText } from '../tracking/plain-text.js';
import type { Response } from '../tracking/learner-model/responses.js';
import { strings } from './strings.js';

const text = plainText;

/** A learner's response written out in words, for review and evidence records. */
export function formatAnswer(q: QuestionData, r: Response): string {
  switch (q.type) {
    case 'single':
      return text(q.options[r as number]?.text ?? '');
    case 'multiple':
      return (r as number[]).map((i) => text(q.options[i]?.text ?? '')).join('; ');
    case 'true-false':
      return r ? strings.trueLabel : strings.falseLabel;
    case 'matching':
      return (r as number[]).map((t, s) => `${text(q.pairs[s]!.source)} → ${text(q.pairs[t]?.target ?? '')}`).join('; ');
    case 'ordering':
      return (r as number[]).map((s, i) => `${i + 1}. ${text(q.steps[s] ?? '')}`).join(' ');
    case 'short-text':
      return r as string;
    case 'scenario':
      return (r as number[]).map((c, k) => `${k + 1}. ${text(q.steps[k]?.choices[c]?.text ?? '')}`).join(' ');
  }
}
