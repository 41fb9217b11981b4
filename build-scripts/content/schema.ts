import { z } from 'zod';

const code = z.string().regex(/^\d+\.(\d+|[a-z])$/, 'a criterion code looks like "1.1" or "1.a"');
const id = (max: number) =>
  z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use only a-z, 0-9 and "-"').max(max, `at most ${max} characters`);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

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
  knowledgeCheck: z.strictObject({ questionsPerCriterion: z.number().int().min(1).max(4) }).optional(),
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

const option = text(250);
const feedback = text(600);
const common = {
  id: id(24),
  criteria: z.array(code).min(1, 'map the question to a criterion').max(2, 'map a question to two criteria at most'),
  stem: text(1500),
};
const rightWrongFeedback = z.strictObject({ correct: feedback, incorrect: feedback });

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...common,
    type: z.enum(['single', 'multiple']),
    options: z
      .array(z.strictObject({ text: option, correct: z.boolean().optional(), feedback }))
      .min(3, 'give at least 3 options')
      .max(6, 'give at most 6 options'),
  }),
  z.strictObject({
    ...common,
    type: z.literal('true-false'),
    correct: z.boolean(),
    feedback: z.strictObject({ true: feedback, false: feedback }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('matching'),
    pairs: z
      .array(z.strictObject({ source: option, target: option }))
      .min(3, 'give at least 3 pairs')
      .max(6, 'give at most 6 pairs'),
    feedback: rightWrongFeedback,
  }),
  z.strictObject({
    ...common,
    type: z.literal('ordering'),
    steps: z.array(option).min(3, 'give at least 3 steps').max(8, 'give at most 8 steps'),
    feedback: rightWrongFeedback,
  }),
  z.strictObject({
    ...common,
    type: z.literal('scenario'),
    steps: z
      .array(
        z.strictObject({
          prompt: text(600),
          choices: z
            .array(z.strictObject({ text: option, correct: z.boolean().optional(), feedback, reply: text(400).optional() }))
            .min(2, 'give at least 2 choices')
            .max(4, 'give at most 4 choices'),
        }),
      )
      .min(2, 'give at least 2 steps')
      .max(6, 'give at most 6 steps'),
  }),
  z.strictObject({
    ...common,
    type: z.literal('short-text'),
    answers: z.array(text(40)).min(1).max(10, 'list at most 10 accepted answers (what every SCORM LMS must hold)'),
    feedback: rightWrongFeedback,
  }),
]);

export const questionBankSchema = z.strictObject({
  outcome: z.number().int().min(1),
  questions: z.array(questionSchema).min(1),
});

export type UnitSource = z.infer<typeof unitSchema>;
export type GlossarySource = z.infer<typeof glossarySchema>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type QuestionSource = z.infer<typeof questionSchema>;
export type QuestionBankSource = z.infer<typeof questionBankSchema>;
