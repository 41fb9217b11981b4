import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { CourseData, QuestionData } from '../../tracking/learner-model/course-data.js';
import { answerInFull, creditOf, exampleResponse, type CriterionCredit, type QuestionType, type QuestionTypes, type Response } from '../../tracking/learner-model/question-kinds/index.js';

type Driver<Q> = (root: Locator, q: Q, right: boolean) => Promise<void>;
const checkAnswer = (root: Locator) => root.locator('button', { hasText: 'Check answer' }).click();

/** How a learner answers each kind in the browser (a kind without a driver is a type error). */
const DRIVERS: { [T in QuestionType]: Driver<QuestionTypes[T]> } = {
  async single(root, q, right) {
    await root.locator(`input[data-index="${q.options.findIndex((o) => o.correct === right)}"]`).check();
    await checkAnswer(root);
  },
  async multiple(root, q, right) {
    const picks = right ? q.options.flatMap((o, i) => (o.correct ? [i] : [])) : [q.options.findIndex((o) => !o.correct)];
    for (const i of picks) await root.locator(`input[data-index="${i}"]`).check();
    await checkAnswer(root);
  },
  async 'true-false'(root, q, right) {
    await root.locator(`input[data-index="${String(right ? q.correct : !q.correct)}"]`).check();
    await checkAnswer(root);
  },
  async matching(root, q, right) {
    for (let s = 0; s < q.pairs.length; s++) await root.locator(`select#q-${q.id}-${s}`).selectOption(String(right ? s : (s + 1) % q.pairs.length));
    await checkAnswer(root);
  },
  async ordering(root, q, right) {
    if (right) {
      // Bubble each step up to its place with the Move up buttons, as a keyboard user would.
      for (let want = 0; want < q.steps.length; want++) {
        const order = await root.locator('ol.order li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-step'))));
        for (let pos = order.indexOf(want); pos > want; pos--) await root.locator('ol.order li').nth(pos).locator('button').first().click();
      }
    }
    await checkAnswer(root);
  },
  async 'short-text'(root, q, right) {
    await root.locator('input[type="text"]').fill(right ? answerInFull(q.answers[0]!) : 'not the answer');
    await checkAnswer(root);
  },
  async simulation(root, q, right) {
    // Work the contact turn by turn: the best choice at every turn (if asked, a poor one at the first
    // turn that has one, as exampleResponse(q, false) does).
    const desk = root.locator('ccl-agent-desktop');
    let poorTaken = right;
    for (let k = 0; k < 40; k++) {
      if (await desk.locator('.debrief').isVisible()) return;
      const next = desk.locator('.turn-feedback button', { hasText: 'Continue' });
      if (await next.isVisible()) {
        await next.click();
        continue;
      }
      const id = await desk.locator('.your-turn').getAttribute('data-turn');
      const turn = q.turns.find((t) => t.id === id)!;
      if (turn.kind === 'write') {
        await desk.locator('textarea').fill('Customer called about the account; checked identity; did what was asked; next step agreed.');
        await desk.locator('.your-turn button.primary').click();
        continue;
      }
      const poor = turn.choices.findIndex((c) => c.quality === 'poor');
      const takePoor = !poorTaken && poor >= 0;
      poorTaken ||= takePoor;
      const i = takePoor ? poor : turn.choices.findIndex((c) => c.quality === 'best');
      await desk.locator(`.your-turn input[data-index="${i}"]`).check();
      await desk.locator('.your-turn button.primary').click();
    }
  },
};

/**
 * The response `Learner.answer` gives to a question, rightly or wrongly; null where the player's
 * shuffle decides it (a wrong ordering leaves the steps in the order shown).
 */
export function responseGiven(q: QuestionData, right: boolean): Response | null {
  return q.type === 'ordering' && !right ? null : exampleResponse(q, right);
}

/** The credit on each criterion the player gives the answer a learner gives (a practice contact's is partial). */
export function creditGiven(q: QuestionData, right: boolean): CriterionCredit[] {
  const response = responseGiven(q, right);
  return response === null ? q.criteria.map((code) => ({ code, earned: 0, possible: 1 })) : creditOf(q, response);
}

/**
 * A simulated learner working through a package: by default one launched in the harness page's
 * frame `#sco`; give `root` for the SCO frame an LMS shows it in (Moodle's `#scorm_object`), or
 * the page itself for a package opened as a top-level page, as CATAPULT launches it.
 */
export class Learner {
  readonly sco: FrameLocator | Page;
  constructor(
    readonly page: Page,
    root?: FrameLocator | Page,
  ) {
    this.sco = root ?? page.frameLocator('#sco');
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
    await (DRIVERS[q.type] as Driver<QuestionData>)(root, q, right);
    await root.locator('.feedback').waitFor();
  }

  /** Takes the outcome's whole knowledge check: every answer right except at the positions in `wrong` (or the questions it picks). */
  async takeCheck(
    course: CourseData,
    outcomeNumber: number,
    wrong: Set<number> | ((q: QuestionData, position: number) => boolean) = new Set(),
  ): Promise<{ id: string; right: boolean }[]> {
    const answersWrongly = typeof wrong === 'function' ? wrong : (_: QuestionData, k: number) => wrong.has(k);
    const outcome = course.outcomes.find((o) => o.number === outcomeNumber)!;
    await this.openCheck(outcomeNumber);
    await this.sco.locator('main button', { hasText: /^(Start the knowledge check|Take the whole check again)$/ }).click();
    const answered: { id: string; right: boolean }[] = [];
    for (let k = 0; ; k++) {
      const id = await this.questionId();
      const q = outcome.questions.find((x) => x.id === id)!;
      const right = !answersWrongly(q, k);
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
