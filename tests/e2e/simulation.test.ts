import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../tracking/learner-model/learner-state.js';
import type { SimulationQuestion } from '../../tracking/learner-model/question-kinds/index.js';
import { encodeState } from '../../tracking/learner-model/state-codec.js';
import { activityIris } from '../../tracking/xapi/vocabulary.js';
import { verbOf, waitForVerb } from '../support/lrs-query.js';
import { usePreview } from '../support/preview-env.js';
import { loadAllCourses } from '../support/units.js';

const env = usePreview({ lrs: true });
const course = loadAllCourses().find((c) => c.unit.id === 'j-503-0426')!;
const oi = course.outcomes.findIndex((o) => o.questions.some((q) => q.id === 'q1-sim-id-check'));
const outcome = course.outcomes[oi]!;
const qi = outcome.questions.findIndex((q) => q.id === 'q1-sim-id-check');
const sim = outcome.questions[qi] as SimulationQuestion;
const noteQi = outcome.questions.findIndex((q) => q.id === 'q1-sim-complaint');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** A learner part-way through outcome 1's check, whose next question is the contact at `question`. */
function stateAt(question: number): string {
  const state = initialState(course);
  state.location = `check:${outcome.number}`;
  const criteria = outcome.criteria.flatMap((c, j) => (outcome.questions[question]!.criteria.includes(c.code) ? [j] : []));
  state.outcomes[oi] = { ...state.outcomes[oi]!, seen: [question], attempt: { questions: [question], answers: [null], day: 20790, criteria } };
  return encodeState(course, state);
}

const desk = (page: Page) => page.frameLocator('#sco').locator('ccl-agent-desktop');
const turnOnScreen = (page: Page) => desk(page).locator('.your-turn').getAttribute('data-turn');

/** Chooses the choice of a quality at the turn on screen, then Continue past its feedback. */
async function choose(page: Page, quality: 'best' | 'poor'): Promise<void> {
  const id = await turnOnScreen(page);
  const t = sim.turns.find((x) => x.id === id)!;
  await desk(page).locator(`.your-turn input[data-index="${t.choices.findIndex((c) => c.quality === quality)}"]`).check();
  await desk(page).locator('.your-turn button.primary').click();
  await desk(page).locator('.turn-feedback button', { hasText: 'Continue' }).click();
}

async function launch(context: BrowserContext, standard: string, registration?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${env.server.url}/launch.html?pkg=j-503-0426-${standard}.zip&standard=${standard}${registration ? `&registration=${registration}` : ''}`);
  await desk(page).locator('.your-turn').waitFor();
  return page;
}

describe.each(['scorm12', 'scorm2004', 'cmi5'])('a practice contact in %s', (standard) => {
  it('resumes at the same turn with the path kept, cannot be replayed for a better score, and is recorded as a branching path', async () => {
    const context = await env.browser.newContext();
    const suspendData = stateAt(qi);
    const registration = crypto.randomUUID();
    if (standard === 'cmi5') {
      const iris = activityIris(course);
      env.server.cmi5.documents.put({ resource: 'activities/state', activityId: iris.au, agent: env.server.cmi5.learner, registration, id: iris.stateId }, JSON.stringify({ suspendData }));
    } else {
      const cmi = standard === 'scorm12' ? { core: { student_id: 'learner-1', student_name: 'Test Learner', exit: 'suspend' }, suspend_data: suspendData } : { learner_id: 'learner-1', learner_name: 'Test Learner', exit: 'suspend', suspend_data: suspendData };
      await context.addInitScript(([key, value]) => localStorage.getItem(key!) ?? localStorage.setItem(key!, value!), [`harness:j-503-0426-${standard}.zip:learner-1`, JSON.stringify(cmi)]);
    }
    let page = await launch(context, standard, registration);
    expect(await turnOnScreen(page)).toBe('open');
    await choose(page, 'poor'); // reads his address out before checking who he is
    expect(await turnOnScreen(page)).toBe('disclosed');
    await page.close(); // the learner leaves mid-contact

    page = await launch(context, standard, registration);
    // Back at the same turn, with what was said so far; the first turn cannot be chosen again.
    expect(await turnOnScreen(page)).toBe('disclosed');
    expect(await desk(page).locator('.log').textContent()).toContain('14 Canal Street');
    expect(await desk(page).locator('.your-turn').count()).toBe(1);
    while ((await desk(page).locator('.debrief').count()) === 0) {
      const id = await turnOnScreen(page);
      if (!id) break;
      await choose(page, 'best');
    }
    await desk(page).locator('.debrief').waitFor();
    const feedback = page.frameLocator('#sco').locator('ccl-question .feedback h2');
    expect(await feedback.textContent()).toBe('Incorrect'); // a poor choice on the path

    if (standard === 'cmi5') {
      const statements = await waitForVerb(env.lrs, env.server.cmi5.learner, 'answered');
      const answered = statements.filter((s) => verbOf(s) === 'answered' && (s.object as { id: string }).id.endsWith('/q1-sim-id-check'));
      expect(answered).toHaveLength(1);
      const response = answered[0]!.result!.response!;
      expect(response.startsWith('open[.]')).toBe(true);
      expect(response).toContain('[,]disclosed[.]');
      expect((answered[0]!.object as { definition: { interactionType: string } }).definition.interactionType).toBe('performance');
      expect(answered[0]!.result!.success).toBe(false);
    } else {
      const cmi = await page.evaluate(() => (window as any).harness.data().cmi);
      const interactions = Object.values(cmi.interactions) as any[];
      expect(interactions).toHaveLength(1);
      const i = interactions[0];
      expect(i.type).toBe('performance');
      const response = standard === 'scorm12' ? i.student_response : i.learner_response;
      expect(response).toMatch(standard === 'scorm12' ? /^open\.[a-d],disclosed\.[a-d]/ : /^open\[\.\][a-d]\[,\]disclosed\[\.\][a-d]/);
      expect(i.result).toBe(standard === 'scorm12' ? 'wrong' : 'incorrect');
    }
    await context.close();
  });
});

describe('a practice contact, keyboard only', () => {
  it('is worked with the keyboard alone, every kind of turn passes axe, and the case note is kept as evidence', async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 800 }, reducedMotion: 'reduce' });
    await context.addInitScript(([key, value]) => localStorage.getItem(key!) ?? localStorage.setItem(key!, value!), [`contact-centre-learning:${course.unit.id}`, stateAt(noteQi)]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/pkg/j-503-0426-scorm12.zip/index.html`);
    const d = page.locator('ccl-agent-desktop');
    await d.locator('.your-turn').waitFor();
    const complaint = outcome.questions[noteQi] as SimulationQuestion;
    const kinds = new Set<string>();
    const axe = async (what: string) => {
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(result.violations.map((v) => `${what}: ${v.id}: ${v.help}`)).toEqual([]);
    };
    await axe('start');
    for (let k = 0; k < 20 && (await d.locator('.debrief').count()) === 0; k++) {
      const id = await d.locator('.your-turn').getAttribute('data-turn');
      const t = complaint.turns.find((x) => x.id === id)!;
      kinds.add(t.kind);
      if (t.kind === 'write') {
        await d.locator('textarea').focus();
        await page.keyboard.type('C-58213: missed visit 1 Dec; rebooked Thu; £30 credit; told her the review and ombudsman route.');
        await d.locator('select').focus();
        await page.keyboard.press('ArrowDown');
        await axe(`turn ${t.id}`);
        await d.locator('.your-turn button.primary').focus();
        await page.keyboard.press('Enter');
        continue;
      }
      // Tab to the first choice, arrow to the best one (radio group), Tab to the button, Enter.
      const best = t.choices.findIndex((c) => c.quality === 'best');
      const shown = await d.locator('.your-turn input').evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).dataset.index)));
      await d.locator('.your-turn input').first().focus();
      await page.keyboard.press('Space');
      for (let n = 0; n < shown.indexOf(best); n++) await page.keyboard.press('ArrowDown');
      expect(await d.locator(`.your-turn input[data-index="${best}"]`).isChecked()).toBe(true);
      await axe(`turn ${t.id}`);
      await d.locator('.your-turn button.primary').focus();
      await page.keyboard.press('Enter');
    }
    await d.locator('.debrief h2').waitFor();
    expect(await d.locator('.debrief h2').evaluate((h) => h.matches(':focus'))).toBe(true);
    expect(kinds.has('write')).toBe(true);
    await axe('debrief');
    // The desktop's tabs work from the keyboard.
    await d.locator('[role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await d.locator('[role="tab"][aria-selected="true"]').evaluate((t) => t.matches(':focus'))).toBe(true);
    // No sideways scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // The note is in My evidence.
    await page.locator('button.contents-toggle').click();
    await page.locator('nav a[href="#evidence"]').click();
    const record = (await page.locator('ccl-evidence').evaluate((el) => el.shadowRoot!.textContent ?? '')).replace(/\s+/g, ' ');
    expect(record).toContain('Your case note');
    expect(record).toContain('C-58213: missed visit 1 Dec');
    await context.close();
  });
});

