// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadAllCourses } from '../../tests/support/units.js';
import type { PrintLessonsEvent } from './ccl-lesson-events.js';
import type { CclLesson } from './ccl-lesson.js';
import './ccl-lesson.js';

/** A lesson written in blocks, as the build renders it. */
const lesson = loadAllCourses()
  .flatMap((c) => c.outcomes.flatMap((o) => o.lessons))
  .find((l) => l.id === 'o2-identity')!;

async function mount(props: Partial<CclLesson> = {}) {
  const el = document.createElement('ccl-lesson');
  Object.assign(el, { html: lesson.html, lessonId: lesson.id, minutes: lesson.minutes, outcomeLabel: 'Learning outcome 2' }, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const root = (el: CclLesson) => el.shadowRoot!;
const firstTryIt = (el: CclLesson) => root(el).querySelector<HTMLElement>('[data-try-it]')!;
const shownWhys = (block: HTMLElement) => [...block.querySelectorAll<HTMLElement>('.try-why')].filter((w) => !w.hidden);

afterEach(() => document.body.replaceChildren());

describe('ccl-lesson', () => {
  it('shows the reading time and asks the player to print the lesson or its whole outcome', async () => {
    const el = await mount();
    expect(root(el).querySelector('.lesson-meta p')!.textContent).toBe(`About ${lesson.minutes} minutes`);
    const asked: string[] = [];
    el.addEventListener('print-lessons', (e: PrintLessonsEvent) => asked.push(e.scope));
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.lesson-meta button')];
    expect(buttons.map((b) => b.textContent!.trim())).toEqual(['Print this lesson', 'Print every lesson of Learning outcome 2']);
    buttons.forEach((b) => b.click());
    expect(asked).toEqual(['lesson', 'outcome']);
  });

  it('a try-it shows the feedback on the option chosen, and asks for a choice when none is made', async () => {
    const el = await mount();
    const block = firstTryIt(el);
    block.querySelector<HTMLButtonElement>('button.try-check')!.click();
    expect(block.querySelector<HTMLElement>('.try-choose')!.hidden).toBe(false);
    expect(shownWhys(block)).toHaveLength(0);

    const wrong = [...block.querySelectorAll<HTMLInputElement>('input')].find((i) => !i.closest('li')!.classList.contains('right'))!;
    wrong.checked = true;
    block.querySelector<HTMLButtonElement>('button.try-check')!.click();
    expect(block.querySelector<HTMLElement>('.try-choose')!.hidden).toBe(true);
    expect(shownWhys(block).map((w) => w.dataset.option)).toEqual([wrong.value]);
    expect(shownWhys(block)[0]!.textContent).toMatch(/^Not quite\./);
    // The feedback sits in a live region, so a screen reader announces it as it appears.
    expect(shownWhys(block)[0]!.closest('[aria-live="polite"]')).not.toBeNull();

    const right = block.querySelector<HTMLInputElement>('li.right input')!;
    right.checked = true;
    block.querySelector<HTMLButtonElement>('button.try-check')!.click();
    expect(shownWhys(block).map((w) => w.textContent!.slice(0, 6))).toEqual(['Right.']);
  });

  it('keeps try-it answers while the package is open: the lesson shown again shows them again', async () => {
    const el = await mount();
    const block = firstTryIt(el);
    const right = block.querySelector<HTMLInputElement>('li.right input')!;
    right.checked = true;
    block.querySelector<HTMLButtonElement>('button.try-check')!.click();
    el.remove();

    const again = await mount();
    const restored = firstTryIt(again);
    expect(restored.querySelector<HTMLInputElement>('li.right input')!.checked).toBe(true);
    expect(shownWhys(restored)).toHaveLength(1);
    // Another lesson's try-its are its own.
    const other = await mount({ lessonId: 'another-lesson' });
    expect(shownWhys(firstTryIt(other))).toHaveLength(0);
  });

  it('opens every closed block for printing and closes them again after', async () => {
    const el = await mount();
    const details = [...root(el).querySelectorAll('details')];
    expect(details.length).toBeGreaterThan(2);
    expect(details.every((d) => !d.open)).toBe(true);
    dispatchEvent(new Event('beforeprint'));
    expect(details.every((d) => d.open)).toBe(true);
    dispatchEvent(new Event('afterprint'));
    expect(details.every((d) => !d.open)).toBe(true);
  });

  it('a page that is not a lesson shows no reading time or print buttons', async () => {
    const el = await mount({ minutes: 0, lessonId: '' });
    expect(root(el).querySelector('.lesson-meta')).toBeNull();
  });
});
