// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionData } from '../../tracking/learner-model/course-data.js';
import type { AnswerEvent, CclQuestion } from './ccl-question.js';
import './ccl-question.js';

const single: QuestionData = {
  id: 'q1-01',
  type: 'single',
  criteria: ['1.1'],
  stem: '<p>Which is best?</p>',
  stemText: 'Which is best?',
  options: [
    { text: 'Right', correct: true, feedback: 'Yes, because.' },
    { text: 'Wrong', correct: false, feedback: 'No, because.' },
    { text: 'Also wrong', correct: false, feedback: 'No, see the lesson.' },
  ],
};
const ordering: QuestionData = {
  id: 'q1-02',
  type: 'ordering',
  criteria: ['1.1'],
  stem: '<p>Put in order.</p>',
  stemText: 'Put in order.',
  steps: ['First', 'Second', 'Third'],
  feedback: { correct: 'Well done.', incorrect: 'Not in order.' },
};

async function mount(question: QuestionData): Promise<{ el: CclQuestion; answers: unknown[] }> {
  const el = document.createElement('ccl-question');
  el.question = question;
  el.seed = 'test';
  const answers: unknown[] = [];
  el.addEventListener('answer', (e) => answers.push((e as AnswerEvent).response));
  document.body.append(el);
  await el.updateComplete;
  return { el, answers };
}
const q = (el: CclQuestion, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const checkButton = (el: CclQuestion) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Check answer'))!;

afterEach(() => document.body.replaceChildren());

describe('ccl-question', () => {
  it('fires no answer when the page sets the question or its answer', async () => {
    const { el, answers } = await mount(single);
    el.answered = 0;
    await el.updateComplete;
    el.question = ordering;
    el.answered = null;
    await el.updateComplete;
    expect(answers).toEqual([]);
  });

  it('asks for an answer before checking, then reports the chosen option', async () => {
    const { el, answers } = await mount(single);
    checkButton(el).click();
    await el.updateComplete;
    expect(q(el, '[role="alert"]').textContent).toContain('Answer the question before checking.');
    expect(answers).toEqual([]);
    const input = q(el, 'input[data-index="1"]') as HTMLInputElement;
    input.checked = true;
    input.dispatchEvent(new Event('change'));
    checkButton(el).click();
    expect(answers).toEqual([1]);
  });

  it('shows the feedback for the chosen option, locks the inputs and moves focus to the feedback', async () => {
    const { el } = await mount(single);
    el.answered = 1;
    await el.updateComplete;
    const feedback = q(el, '.feedback');
    expect(feedback.textContent).toContain('Incorrect');
    expect(feedback.textContent).toContain('No, because.');
    expect(el.shadowRoot!.activeElement).toBe(feedback);
    expect((q(el, 'fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect(checkButton(el)).toBeUndefined();
  });

  it('lets a keyboard user reorder steps with Move up / Move down and announces each move', async () => {
    const { el, answers } = await mount(ordering);
    const order = () => [...el.shadowRoot!.querySelectorAll('ol.order li')].map((li) => Number(li.getAttribute('data-step')));
    const start = order();
    expect(start).not.toEqual([0, 1, 2]); // never starts in the right order
    // Move step 0 to the top.
    for (let pos = order().indexOf(0); pos > 0; pos--) {
      q(el, `ol.order li:nth-child(${pos + 1}) button`).click();
      await el.updateComplete;
    }
    expect(order()[0]).toBe(0);
    expect(q(el, '[aria-live="polite"]').textContent).toMatch(/First moved to position 1\./);
    checkButton(el).click();
    expect(answers).toEqual([order()]);
  });
});
