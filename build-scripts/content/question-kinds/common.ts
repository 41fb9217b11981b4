import { z } from 'zod';

export const code = z.string().regex(/^\d+\.(\d+|[a-z])$/, 'a criterion code looks like "1.1" or "1.a"');
export const id = (max: number) =>
  z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use only a-z, 0-9 and "-"').max(max, `at most ${max} characters`);
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const option = text(250);
export const feedback = text(600);
/** The fields every question has. */
export const common = {
  id: id(24),
  criteria: z.array(code).min(1, 'map the question to a criterion').max(2, 'map a question to two criteria at most'),
  stem: text(1500),
};
export const rightWrongFeedback = z.strictObject({ correct: feedback, incorrect: feedback });
