// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildGrid } from '../../../tracking/report/evidence-model.js';
import { formatDate } from '../report-strings.js';
import { sampleStore } from '../report-test-fixtures.js';
import { ROWS_PER_PAGE, type CclCriteriaGrid } from './ccl-criteria-grid.js';
import './ccl-criteria-grid.js';

async function mount(): Promise<CclCriteriaGrid> {
  const el = document.createElement('ccl-criteria-grid');
  el.grid = buildGrid(sampleStore());
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cell = (el: CclCriteriaGrid, learner: number, code: string) => el.shadowRoot!.querySelectorAll('tbody tr')[learner]!.querySelector(`td[data-code="${code}"] button`)!;

afterEach(() => document.body.replaceChildren());

describe('ccl-criteria-grid', () => {
  it('is a data table with outcome and criterion column headers and a learner row header', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('caption'))).toBe('Knowledge checks by learner and assessment criterion: Customer care in ICT');
    const top = [...root.querySelectorAll('thead tr:first-child th')].map((th) => [text(th), th.getAttribute('scope'), th.getAttribute('colspan')]);
    expect(top).toEqual([
      ['Learner', 'col', null],
      ['Learning outcome 1', 'colgroup', '5'],
      ['Learning outcome 2', 'colgroup', '7'],
      ['All criteria met', 'col', null],
      ['Evidence record', 'col', null],
    ]);
    expect([...root.querySelectorAll('thead tr:nth-child(2) th')].map(text)).toEqual(['1.1', '1.2', '1.3', '1.4', 'Met', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', 'Met']);
    expect([...root.querySelectorAll('tbody th[scope="row"]')].map(text)).toEqual(['Ada Brown ada', 'Ben Carter ben']);
  });

  it('shows status in words and a mark, attempts and the latest date in each cell, and the totals', async () => {
    const el = await mount();
    const status = (b: Element) => [text(b.querySelector('.status')), text(b.querySelector('.attempts')), text(b.querySelector('.date'))];
    expect(status(cell(el, 0, '1.1'))).toEqual(['✓ Met', '2 attempts', `last activity ${formatDate(Date.parse('2026-03-08T10:05:00Z'))}`]);
    expect(status(cell(el, 0, '1.2'))).toEqual(['✗ Not yet met', '1 attempt', `last activity ${formatDate(Date.parse('2026-03-01T09:05:00Z'))}`]);
    expect(status(cell(el, 0, '2.1'))).toEqual(['– Not attempted', '', '']);
    expect(status(cell(el, 1, '2.1'))[0]).toBe('✓ Met');
    // Screen readers hear the full wording.
    expect(text(cell(el, 0, '1.2'))).toContain('Not yet met,');
    const row = el.shadowRoot!.querySelectorAll('tbody tr')[0]!;
    expect([...row.querySelectorAll('td.outcome-total')].map(text)).toEqual(['1 of 4', '0 of 6']);
    expect(text(row.querySelector('td.unit-total'))).toBe('1 of 10');
    const foot = el.shadowRoot!.querySelector('tfoot tr')!;
    expect(text(foot.querySelector('td[data-code="1.1"]'))).toBe('1 of 2');
    expect(text(foot.querySelector('td[data-code="2.1"]'))).toBe('1 of 2');
    expect([...foot.querySelectorAll('td.outcome-total')].map(text)).toEqual(['1 of 8', '1 of 12']);
    expect(text(foot.querySelector('td.unit-total'))).toBe('2 of 20');
  });

  it('has one tab stop and moves between cells with the arrow keys, Home and End', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    const tabbable = () => [...root.querySelectorAll('button[tabindex="0"]')];
    expect(tabbable()).toHaveLength(1);
    const first = cell(el, 0, '1.1') as HTMLButtonElement;
    expect(first.getAttribute('tabindex')).toBe('0');
    first.focus();
    const press = async (key: string, ctrlKey = false) => {
      (root.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, composed: true }));
      await el.updateComplete;
      return root.activeElement as HTMLElement;
    };
    expect((await press('ArrowRight')).closest('td')!.dataset.code).toBe('1.2');
    expect((await press('ArrowDown')).closest('tr')!.dataset.learner).toContain('ben');
    expect((await press('End')).classList.contains('record')).toBe(true);
    expect((await press('Home')).closest('td')!.dataset.code).toBe('1.1');
    expect((await press('ArrowUp')).closest('tr')!.dataset.learner).toContain('ada');
    expect((await press('End', true)).closest('tr')!.dataset.learner).toContain('ben');
    expect(tabbable()).toHaveLength(1);
  });

  it('asks for the evidence of a cell and for a learner’s record', async () => {
    const el = await mount();
    const events: unknown[] = [];
    el.addEventListener('show-evidence', (e) => events.push({ learner: e.learner, code: e.code }));
    el.addEventListener('open-record', (e) => events.push({ learner: e.learner }));
    (cell(el, 0, '1.2') as HTMLButtonElement).click();
    (el.shadowRoot!.querySelectorAll('button.record')[1] as HTMLButtonElement).click();
    expect(events).toEqual([
      { learner: 'account https://lms.example.org ada', code: '1.2' },
      { learner: 'account https://lms.example.org ben' },
    ]);
  });
});

describe('ccl-criteria-grid with many learners', () => {
  /** The sample grid with its two learners copied into `n` learners. */
  function manyLearners(n: number) {
    const grid = buildGrid(sampleStore());
    const rows = Array.from({ length: n }, (_, i) => {
      const row = grid.rows[i % 2]!;
      const name = `Learner ${String(i + 1).padStart(3, '0')}`;
      return { ...row, learner: { key: `key-${i}`, name, id: `id-${i}`, agent: { mbox: `mailto:id-${i}@example.org` } } };
    });
    return { ...grid, rows };
  }

  it('shows a page of learners at a time, each row saying its place among all, with the keys going on to the next page', async () => {
    const el = document.createElement('ccl-criteria-grid');
    el.grid = manyLearners(ROWS_PER_PAGE * 2 + 7);
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const rows = () => [...root.querySelectorAll('tbody tr')];
    expect(rows()).toHaveLength(ROWS_PER_PAGE);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).toBe(String(ROWS_PER_PAGE * 2 + 7 + 3));
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('3');
    expect(text(root.querySelector('#page-status'))).toBe(`Learners 1 to ${ROWS_PER_PAGE} of ${ROWS_PER_PAGE * 2 + 7}`);
    expect((root.querySelector('button.previous') as HTMLButtonElement).disabled).toBe(true);

    // ArrowDown from the page's last row turns the page and keeps the column.
    const last = rows().at(-1)!.querySelector('td[data-code="1.2"] button') as HTMLButtonElement;
    last.focus();
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    await el.updateComplete;
    const focused = root.activeElement as HTMLElement;
    expect(focused.closest('tr')!.getAttribute('aria-rowindex')).toBe(String(ROWS_PER_PAGE + 3));
    expect(focused.closest('td')!.dataset.code).toBe('1.2');
    expect(text(root.querySelector('#page-status'))).toBe(`Learners ${ROWS_PER_PAGE + 1} to ${ROWS_PER_PAGE * 2} of ${ROWS_PER_PAGE * 2 + 7}`);

    (root.querySelector('button.next') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(rows()).toHaveLength(7);
    expect(root.activeElement?.id).toBe('page-status');
    expect((root.querySelector('button.next') as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);

    // A cell on another page can still be focused by learner (as when the evidence panel closes).
    await el.focusCell('key-3', '2.1');
    expect((root.activeElement as HTMLElement).closest('tr')!.dataset.learner).toBe('key-3');
  });
});
