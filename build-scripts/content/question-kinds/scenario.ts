import { z } from 'zod';
import type { ScenarioQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { common, feedback, option, text } from './common.js';
import { reportRepeats, type ContentKind } from './content-kind.js';

const schema = z.strictObject({
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
});

export const scenarioContent: ContentKind<typeof schema, ScenarioQuestion> = {
  schema,
  check(q, report) {
    q.steps.forEach((step, k) => {
      const correct = step.choices.filter((c) => c.correct).length;
      if (correct !== 1) report(`step ${k + 1} needs exactly 1 correct choice; it has ${correct}`, 'steps', k, 'choices');
      reportRepeats(step.choices.map((c) => c.text), `step ${k + 1} choice`, report, 'steps');
    });
  },
  render: (q, render, base) => ({
    ...base,
    type: 'scenario',
    steps: q.steps.map((step) => ({
      prompt: render.inline(step.prompt),
      choices: step.choices.map((c) => ({
        text: render.inline(c.text),
        correct: c.correct === true,
        feedback: render.inline(c.feedback),
        ...(c.reply ? { reply: render.inline(c.reply) } : {}),
      })),
    })),
  }),
};
