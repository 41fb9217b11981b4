// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadAllCourses } from '../../tests/support/units.js';
import type { SimulationQuestion } from '../../tracking/learner-model/question-kinds/index.js';
import type { AnswerEvent } from '../ccl-question/answer-event.js';
import type { CclAgentDesktop } from './ccl-agent-desktop.js';
import './ccl-agent-desktop.js';

const unit = loadAllCourses().find((c) => c.unit.id === 'j-503-0426')!;
const sims = unit.outcomes.flatMap((o) => o.questions).filter((q): q is SimulationQuestion => q.type === 'simulation');
const idCheck = sims.find((q) => q.id === 'q1-sim-id-check')!;
const complaint = sims.find((q) => q.id === 'q1-sim-complaint')!;

async function mount(question: SimulationQuestion, props: Partial<CclAgentDesktop> = {}) {
  const el = document.createElement('ccl-agent-desktop');
  Object.assign(el, { question, seed: 'test', noteKey: `t:${question.id}:${Math.random()}` }, props);
  const turns: number[][] = [];
  const answers: AnswerEvent[] = [];
  el.addEventListener('simulation-turn', (e) => turns.push(e.path));
  el.addEventListener('answer', (e) => answers.push(e));
  document.body.append(el);
  await el.updateComplete;
  return { el, turns, answers };
}
const root = (el: CclAgentDesktop) => el.shadowRoot!;
const turnId = (el: CclAgentDesktop) => root(el).querySelector<HTMLElement>('.your-turn')?.dataset.turn;
const log = (el: CclAgentDesktop) => [...root(el).querySelectorAll('.log li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

/** Chooses the choice of the given quality at the turn on screen (write turns: writes a note). */
async function choose(el: CclAgentDesktop, quality: 'best' | 'acceptable' | 'poor' = 'best'): Promise<void> {
  const q = el.question;
  const turn = q.turns.find((t) => t.id === turnId(el))!;
  if (turn.kind === 'write') {
    const area = root(el).querySelector('textarea')!;
    area.value = 'Complaint C-58213 logged: missed visit 1 Dec; rebooked Thursday; £30 credit; next step told.';
    area.dispatchEvent(new Event('input'));
  } else {
    const i = turn.choices.findIndex((c) => c.quality === quality);
    const input = root(el).querySelector<HTMLInputElement>(`.your-turn input[data-index="${i}"]`)!;
    input.checked = true;
    input.dispatchEvent(new Event('change'));
  }
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('.your-turn button.primary')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

async function continueAfterFeedback(el: CclAgentDesktop): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('.turn-feedback button')?.click();
  await el.updateComplete;
}

afterEach(() => document.body.replaceChildren());

describe('ccl-agent-desktop', () => {
  it('branches: a poor first reply changes what the customer says and where the contact goes', async () => {
    const good = await mount(idCheck);
    await choose(good.el, 'best');
    await continueAfterFeedback(good.el);
    const poor = await mount(idCheck);
    await choose(poor.el, 'poor');
    await continueAfterFeedback(poor.el);
    expect(turnId(good.el)).toBe('details');
    expect(turnId(poor.el)).toBe('disclosed');
    expect(log(poor.el).join(' ')).toContain("That's the old one");
    expect(log(good.el).join(' ')).not.toContain("That's the old one");
  });

  it('shows why after each turn when the author says so, then carries on', async () => {
    const { el } = await mount(idCheck);
    await choose(el, 'poor');
    const feedback = root(el).querySelector('.turn-feedback')!;
    expect(feedback.textContent).toContain('Poor response');
    expect(root(el).querySelector('.your-turn')).toBeNull();
    await continueAfterFeedback(el);
    expect(root(el).querySelector('.your-turn')).not.toBeNull();
  });

  it('shows the customer’s mood in words and says in the conversation when it changes', async () => {
    const { el } = await mount(idCheck);
    expect(root(el).querySelector('.mood')!.textContent).toContain('calm');
    await choose(el, 'poor'); // reading his address out before checking who he is
    expect(root(el).querySelector('.mood')!.textContent).toContain('frustrated');
    expect(log(el).some((l) => l.includes('Dan Okafor now sounds frustrated.'))).toBe(true);
    expect(root(el).querySelector('.log')!.getAttribute('role')).toBe('log');
  });

  it('reports every choice, and the whole path with the note when the contact ends; then the debrief', async () => {
    const { el, turns, answers } = await mount(complaint);
    while (!root(el).querySelector('.debrief')) await choose(el, 'best');
    // The complaint is debriefed at the end: no feedback after each turn, each choice reported as made.
    expect(turns.length).toBeGreaterThan(2);
    expect(turns.map((p) => p.length)).toEqual(turns.map((_, k) => k + 2));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.response).toEqual([...turns.at(-1)!, 0]);
    expect(Object.values(answers[0]!.notes)[0]).toContain('Complaint C-58213 logged');
    const debrief = root(el).querySelector('.debrief')!.textContent!.replace(/\s+/g, ' ');
    expect(debrief).toContain('Best response');
    expect(debrief).toContain('Evidences: 1.6');
    expect(debrief).toContain('A model note');
  });

  it('resumes at the same turn with the conversation so far, and a finished turn cannot be chosen again', async () => {
    const first = await mount(idCheck);
    await choose(first.el, 'poor');
    const path = first.turns.at(-1)!;
    const { el, turns } = await mount(idCheck, { draft: path });
    expect(turnId(el)).toBe('disclosed');
    expect(log(el).join(' ')).toContain('14 Canal Street');
    // The first turn's choices are not on screen any more.
    expect(root(el).querySelectorAll('.your-turn').length).toBe(1);
    await choose(el, 'best');
    expect(turns.at(-1)!.slice(0, path.length)).toEqual(path);
  });

  it('keeps the desktop in tabs the arrow keys move between, and only shows what the contact has brought up', async () => {
    const { el } = await mount(idCheck);
    const tabs = () => [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')].map((t) => t.textContent!.trim());
    expect(tabs()).toEqual(['Customer record', 'Contact history']);
    const first = root(el).querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!;
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(root(el).querySelector('[role="tab"][aria-selected="true"]')!.textContent!.trim()).toBe('Contact history');
    expect(root(el).querySelector('[role="tabpanel"]')!.textContent).toContain('roaming add-on');
  });

  it('keeps the feedback on screen when the page hands back the path it just reported', async () => {
    const { el, turns } = await mount(idCheck);
    await choose(el, 'poor');
    el.draft = turns.at(-1)!;
    await el.updateComplete;
    expect(root(el).querySelector('.turn-feedback')).not.toBeNull();
  });

  it('fires nothing when the page sets its properties', async () => {
    const { el, turns, answers } = await mount(idCheck);
    el.draft = [0, 0];
    el.answered = null;
    await el.updateComplete;
    expect([turns, answers]).toEqual([[], []]);
  });
});
