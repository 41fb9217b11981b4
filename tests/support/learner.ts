import type { FrameLocator, Page } from 'playwright-core';
import type { CourseData, QuestionData } from '../../tracking/course-data.js';
import type { Response } from '../../tracking/responses.js';

/**
 * The response `Learner.answer` gives to a question, rightly or wrongly; null where the player's
 * shuffle decides it (a wrong ordering leaves the steps in the order shown).
 */
export function responseGiven(q: QuestionData, right: boolean): Response | null {
  switch (q.type) {
    case 'single':
      return q.options.findIndex((o) => o.correct === right);
    case 'multiple':
      return right ? q.options.flatMap((o, i) => (o.correct ? [i] : [])) : [q.options.findIndex((o) => !o.correct)];
    case 'true-false':
      return right ? q.correct : !q.correct;
    case 'matching':
      return q.pairs.map((_, s) => (right ? s : (s + 1) % q.pairs.length));
    case 'ordering':
      return right ? q.steps.map((_, i) => i) : null;
    case 'short-text':
      return right ? q.answers[0]! : 'not the answer';
    case 'scenario':
      return q.steps.map((step, k) => step.choices.findIndex((c) => c.correct === (right || k > 0)));
  }
}

/**
 * A simulated learner working through a package: by default the one launched in the harness
 * page's frame `#sco`; or the SCO frame an LMS shows it in (Moodle's `#scorm_object`, say).
 */
export class Learner {
  readonly sco: FrameLocator;
  constructor(
    readonly page: Page,
    sco?: FrameLocator,
  ) {
    this.sco = sco ?? page.frameLocator('#sco');
  }

  /** The course data the launch page carries. */
  async course(): Promise<CourseData> {
    const text = await this.sco.locator('#course-data').textContent();
    return JSON.parse(text ?? '') as CourseData;
  }

  heading() {
    return this.sco.locator('main h1');
  }

  async goTo(label: string): Promise<void> {
    const toggle = this.sco.locator('button.contents-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await this.sco.locator('nav a', { hasText: label }).first().click();
  }

  async openCheck(outcomeNumber: number): Promise<void> {
    const toggle = this.sco.locator('button.contents-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await this.sco.locator(`nav a[href="#check:${outcomeNumber}"]`).click();
  }

  /** The id of the question on screen. */
  async questionId(): Promise<string> {
    return (await this.sco.locator('ccl-question [data-question]').first().getAttribute('data-question')) ?? '';
  }

  /** Answers the question on screen through the UI, rightly or wrongly, and checks it. */
  async answer(q: QuestionData, right: boolean): Promise<void> {
    const root = this.sco.locator('ccl-question');
    if (q.type === 'scenario') {
      // Talk the call through: the best response at every step (a wrong one at the first, if asked).
      const sim = root.locator('ccl-simulation');
      for (let k = 0; k < q.steps.length; k++) {
        const i = q.steps[k]!.choices.findIndex((c) => c.correct === (right || k > 0));
        await sim.locator(`fieldset input[data-index="${i}"]`).check();
        await sim.locator('button', { hasText: 'Choose this response' }).click();
      }
      await root.locator('.feedback').waitFor();
      return;
    }
    switch (q.type) {
      case 'single': {
        const i = q.options.findIndex((o) => o.correct === right);
        await root.locator(`input[data-index="${i}"]`).check();
        break;
      }
      case 'multiple': {
        const picks = right ? q.options.flatMap((o, i) => (o.correct ? [i] : [])) : [q.options.findIndex((o) => !o.correct)];
        for (const i of picks) await root.locator(`input[data-index="${i}"]`).check();
        break;
      }
      case 'true-false':
        await root.locator(`input[data-index="${String(right ? q.correct : !q.correct)}"]`).check();
        break;
      case 'matching':
        for (let s = 0; s < q.pairs.length; s++) {
          const target = right ? s : (s + 1) % q.pairs.length;
          await root.locator(`select#q-${q.id}-${s}`).selectOption(String(target));
        }
        break;
      case 'ordering': {
        if (right) {
          // Bubble each step up to its place with the Move up buttons, as a keyboard user would.
          for (let want = 0; want < q.steps.length; want++) {
            const order = await root.locator('ol.order li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-step'))));
            for (let pos = order.indexOf(want); pos > want; pos--) await root.locator('ol.order li').nth(pos).locator('button').first().click();
          }
        }
        break;
      }
      case 'short-text':
        await root.locator('input[type="text"]').fill(right ? q.answers[0]! : 'not the answer');
        break;
    }
    await root.locator('button', { hasText: 'Check answer' }).click();
    await root.locator('.feedback').waitFor();
  }

  /** Takes the outcome's whole knowledge check: every answer right except the positions in `wrong`. */
  async takeCheck(course: CourseData, outcomeNumber: number, wrong: Set<number> = new Set()): Promise<{ id: string; right: boolean }[]> {
    const outcome = course.outcomes.find((o) => o.number === outcomeNumber)!;
    await this.openCheck(outcomeNumber);
    await this.sco.locator('main button', { hasText: /^(Start the knowledge check|Take the knowledge check again)$/ }).click();
    const answered: { id: string; right: boolean }[] = [];
    for (let k = 0; ; k++) {
      const id = await this.questionId();
      const q = outcome.questions.find((x) => x.id === id)!;
      const right = !wrong.has(k);
      await this.answer(q, right);
      answered.push({ id, right });
      const next = this.sco.locator('main .pager button.primary');
      const label = await next.textContent();
      await next.click();
      if (label?.includes('See my results')) break;
    }
    await this.sco.locator('ccl-results').waitFor();
    return answered;
  }
}
