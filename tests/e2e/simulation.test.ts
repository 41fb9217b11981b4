import { describe, expect, it } from 'vitest';
import { initialState } from '../../tracking/learner-model/learner-state.js';
import { encodeState } from '../../tracking/learner-model/state-codec.js';
import AxeBuilder from '@axe-core/playwright';
import { usePreview } from '../support/preview-env.js';
import { loadAllCourses } from '../support/units.js';

const env = usePreview();
const course = loadAllCourses().find((c) => c.unit.id === 'a-500-7158')!;

describe('a call simulation in the knowledge check', () => {
  it('is played step by step with the keyboard, scored, and written out in My evidence', async () => {
    const oi = course.outcomes.findIndex((o) => o.questions.some((q) => q.type === 'scenario'));
    const outcome = course.outcomes[oi]!;
    const qi = outcome.questions.findIndex((q) => q.type === 'scenario');
    const q = outcome.questions[qi]!;
    if (q.type !== 'scenario') throw new Error('no simulation in the unit');
    // A learner part-way through a check whose next question is the simulation.
    const state = initialState(course);
    state.location = `check:${outcome.number}`;
    state.outcomes[oi] = { ...state.outcomes[oi]!, seen: [qi], attempt: { questions: [qi], answers: [null], day: 20416, criteria: [0] } };
    const context = await env.browser.newContext();
    await context.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`contact-centre-learning:${course.unit.id}`, encodeState(course, state)],
    );
    const page = await context.newPage();
    await page.goto(`${env.server.url}/pkg/a-500-7158-scorm2004.zip/index.html`);
    await page.locator('ccl-simulation').waitFor();
    expect(await page.locator('ccl-question [data-question]').first().getAttribute('data-question')).toBe(q.id);

    // Step 1 wrongly, by keyboard: focus a radio, arrow to another choice, Enter on the button.
    const wrong = q.steps[0]!.choices.findIndex((c) => !c.correct);
    await page.locator(`ccl-simulation fieldset input[data-index="${wrong}"]`).focus();
    await page.keyboard.press('Space');
    await page.locator('ccl-simulation button', { hasText: 'Choose this response' }).press('Enter');
    const feedback = page.locator('ccl-simulation .step-feedback').first();
    await expect.poll(() => feedback.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await feedback.textContent()).toContain('Not the best choice.');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // The rest rightly.
    for (let k = 1; k < q.steps.length; k++) {
      const right = q.steps[k]!.choices.findIndex((c) => c.correct);
      await page.locator(`ccl-simulation fieldset input[data-index="${right}"]`).check();
      await page.locator('ccl-simulation button', { hasText: 'Choose this response' }).click();
    }
    await page.locator('ccl-question .feedback').waitFor();
    expect(await page.locator('ccl-question .feedback').textContent()).toContain(`best response at ${q.steps.length - 1} of ${q.steps.length} steps`);

    await page.locator('nav a[href="#evidence"]').click();
    const record = (await page.locator('ccl-evidence').evaluate((el) => el.shadowRoot!.textContent ?? '')).replace(/\s+/g, ' ');
    expect(record).toContain(q.stemText);
    expect(record).toContain('Result Incorrect');
    await context.close();
  });
});
