import { z } from 'zod';
import { code, id, text } from './question-kinds/common.js';
import { questionSchema, type QuestionSource } from './question-kinds/index.js';

export const criterionSchema = z.strictObject({
  code: code,
  text: text(400),
  range: z.array(text(300)).min(1).optional(),
});

export const outcomeSchema = z.strictObject({
  number: z.number().int().min(1).max(9),
  title: text(300),
  criteria: z.array(criterionSchema).min(1).max(12),
  teachingContent: z.array(text(400)).min(1),
});

export const unitSchema = z.strictObject({
  id: id(20),
  awardingBody: text(40),
  title: text(200),
  reference: text(20),
  level: text(20),
  credit: text(80),
  guidedLearningHours: z.number().int().positive().optional(),
  unitNumber: text(10).optional(),
  sectorUnit: text(20).optional(),
  terms: z.strictObject({ outcome: text(40), criterion: text(40) }).optional(),
  purpose: text(1000),
  knowledgeCheck: z.strictObject({ questionsPerCriterion: z.number().int().min(1).max(5) }).optional(),
  outcomes: z.array(outcomeSchema).min(1).max(9),
});

export const glossarySchema = z
  .array(z.strictObject({ term: text(80), definition: text(600) }))
  .min(1, 'the glossary needs at least one term');

export const lessonFrontMatterSchema = z.strictObject({
  id: id(40),
  outcome: z.number().int().min(1),
  title: text(120),
  criteria: z.array(code).min(1),
});

export const pageFrontMatterSchema = z.strictObject({ title: text(120) });

export const questionBankSchema = z.strictObject({
  outcome: z.number().int().min(1),
  questions: z.array(questionSchema).min(1),
});

export type UnitSource = z.infer<typeof unitSchema>;
export type GlossarySource = z.infer<typeof glossarySchema>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type { QuestionSource };
export type QuestionBankSource = z.infer<typeof questionBankSchema>;
