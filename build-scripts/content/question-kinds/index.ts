import { z } from 'zod';
import type { QuestionData, QuestionType, QuestionTypes } from '../../../tracking/learner-model/question-kinds/index.js';
import { multipleContent, singleContent } from './choice.js';
import type { ContentKind, Renderer, Report } from './content-kind.js';
import { matchingContent } from './matching.js';
import { orderingContent } from './ordering.js';
import { shortTextContent } from './short-text.js';
import { simulationContent } from './simulation.js';
import { trueFalseContent } from './true-false.js';

/** Every kind's content side: a kind without one, or with one for another kind's data, is a type error. */
export const CONTENT_KINDS = {
  single: singleContent,
  multiple: multipleContent,
  'true-false': trueFalseContent,
  matching: matchingContent,
  ordering: orderingContent,
  'short-text': shortTextContent,
  simulation: simulationContent,
} satisfies { [T in QuestionType]: ContentKind<z.ZodType<{ type: T }>, QuestionTypes[T]> };

const schemas = Object.values(CONTENT_KINDS).map((k) => k.schema);
/** A question of any kind, as written in a bank. */
export const questionSchema = z.discriminatedUnion('type', schemas as unknown as [(typeof schemas)[number], ...(typeof schemas)[number][]]);
export type QuestionSource = z.infer<typeof questionSchema>;

/** The kind's content side, looked up by the question's own type (the one place the table is read). */
const contentOf = (q: QuestionSource) => CONTENT_KINDS[q.type] as unknown as ContentKind<z.ZodType<QuestionSource>, QuestionData>;

export const checkQuestion = (q: QuestionSource, report: Report): void => contentOf(q).check(q, report);
export const renderQuestionKind = (q: QuestionSource, render: Renderer, base: { id: string; criteria: string[]; stem: string; stemText: string }): QuestionData =>
  contentOf(q).render(q, render, base);
