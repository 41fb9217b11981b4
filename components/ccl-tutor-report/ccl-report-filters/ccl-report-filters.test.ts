// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { sampleStore } from '../report-test-fixtures.js';
import type { CclReportFilters, FilterValues } from './ccl-report-filters.js';
import './ccl-report-filters.js';

async function mount(values?: FilterValues) {
  const el = document.createElement('ccl-report-filters');
  el.learners = sampleStore().learners();
  if (values) el.values = values;
  const changes: FilterValues[] = [];
  el.addEventListener('filters-change', (e) => changes.push(e.values));
  document.body.append(el);
  await el.updateComplete;
  return { el, changes };
}
const set = async (el: CclReportFilters, name: string, value: string) => {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
};

afterEach(() => document.body.replaceChildren());

describe('ccl-report-filters', () => {
  it('fires nothing when its values are set by the page, only when the tutor changes them', async () => {
    const { el, changes } = await mount();
    el.values = { from: '2026-03-01', to: '', learner: '' };
    await el.updateComplete;
    expect(changes).toEqual([]);
  });

  it('shows the learner the page gives it, and all learners again once the page clears it', async () => {
    const { el, changes } = await mount({ from: '', to: '', learner: 'account https://lms.example.org ben' });
    const learner = el.shadowRoot!.querySelector<HTMLSelectElement>('[name="learner"]')!;
    expect(learner.value).toBe('account https://lms.example.org ben');
    el.values = { from: '', to: '', learner: '' };
    await el.updateComplete;
    expect(learner.value).toBe('');
    expect(changes).toEqual([]);
  });

  it('applies a date range and a learner as they change', async () => {
    const { el, changes } = await mount();
    expect([...el.shadowRoot!.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['All learners', 'Ada Brown (ada)', 'Ben Carter (ben)']);
    await set(el, 'from', '2026-03-01');
    await set(el, 'learner', 'account https://lms.example.org ben');
    expect(changes).toEqual([
      { from: '2026-03-01', to: '', learner: '' },
      { from: '2026-03-01', to: '', learner: 'account https://lms.example.org ben' },
    ]);
  });

  it('points out a backwards range and does not apply it', async () => {
    const { el, changes } = await mount();
    await set(el, 'from', '2026-03-10');
    await set(el, 'to', '2026-03-01');
    expect(changes).toHaveLength(1);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain('after the “to” date');
    expect(el.shadowRoot!.querySelector('[name="to"]')!.getAttribute('aria-describedby')).toBe('backwards');
  });

  it('clears every filter at once', async () => {
    const { el, changes } = await mount();
    await set(el, 'from', '2026-03-10');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    expect(changes.at(-1)).toEqual({ from: '', to: '', learner: '' });
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name="from"]')!.value).toBe('');
  });
});
