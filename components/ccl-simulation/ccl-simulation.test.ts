// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioQuestion } from '../../tracking/learner-model/question-kinds/index.js';
import type { AnswerEvent } from '../ccl-question/answer-event.js';
import type { CclSimulation } from './ccl-simulation.js';
import './ccl-simulation.js';

const call: ScenarioQuestion = {
  id: 'q1-40',
  type: 'scenario',
  criteria: ['1.1'],
  stem: '<p>Phone, bank.</p>',
  stemText: 'Phone, bank.',
  steps: [
    {
      prompt: 'Caller: I need to change my address.',
      choices: [
        { text: 'Check who she is first', correct: true, feedback: 'Right: ID first.' },
        { text: 'Change it now', correct: false, feedback: 'Not quite: no ID check.', reply: 'Caller: Great, thanks!' },
      ],
    },
    {
      prompt: 'Caller: It is Sara Khan.',
      choices: [
        { text: 'Ask the security questions', correct: true, feedback: 'Right: the procedure.' },
        { text: 'Read her address out to confirm', correct: false, feedback: 'Not quite: that discloses data.' },
      ],
    },
  ],
};

async function mount(): Promise<{ el: CclSimulation; answers: unknown[] }> {
  const el = document.createElement('ccl-simulation');
  el.question = call;
  el.seed = 'test';
  const answers: unknown[] = [];
  el.addEventListener('answer', (e) => answers.push((e as AnswerEvent).response));
  document.body.append(el);
  await el.updateComplete;
  return { el, answers };
}
const root = (el: CclSimulation) => el.shadowRoot!;
async function choose(el: CclSimulation, index: number) {
  const input = root(el).querySelector<HTMLInputElement>(`fieldset input[data-index="${index}"]`)!;
  input.checked = true;
  input.dispatchEvent(new Event('change'));
  [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Choose this response'))!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
}

afterEach(() => document.body.replaceChildren());

describe('ccl-simulation', () => {
  it('plays the call step by step: feedback and the reply after each choice, then the next prompt', async () => {
    const { el, answers } = await mount();
    expect(root(el).querySelectorAll('.prompt')).toHaveLength(1); // only the first step so far
    await choose(el, 1); // the wrong choice
    const feedback = root(el).querySelector<HTMLElement>('.step-feedback')!;
    expect(feedback.textContent).toContain('Not the best choice.');
    expect(feedback.textContent).toContain('Caller: Great, thanks!');
    expect(feedback.textContent).toContain('The better response: Check who she is first');
    expect(root(el).activeElement).toBe(feedback);
    expect(root(el).querySelectorAll('.prompt')[1]!.textContent).toContain('It is Sara Khan');
    expect(answers).toEqual([]);
    await choose(el, 0);
    expect(answers).toEqual([[1, 0]]);
  });

  it('asks for a choice before moving on', async () => {
    const { el, answers } = await mount();
    [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Choose this response'))!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')!.textContent).toContain('Choose a response first.');
    expect(answers).toEqual([]);
  });

  it('shows a finished conversation in full when answered', async () => {
    const { el } = await mount();
    el.answered = [0, 1];
    await el.updateComplete;
    expect(root(el).querySelectorAll('.step-feedback')).toHaveLength(2);
    expect(root(el).querySelector('fieldset')).toBeNull();
  });
});
