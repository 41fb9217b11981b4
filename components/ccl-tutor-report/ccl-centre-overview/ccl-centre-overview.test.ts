// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildOverview } from '../../../tracking/report/centre-overview.js';
import { centreStores } from '../centre-test-fixtures.js';
import { formatDate, formatLongDate } from '../report-strings.js';
import type { CclCentreOverview } from './ccl-centre-overview.js';
import type { OpenUnitEvent } from './ccl-centre-overview-events.js';
import './ccl-centre-overview.js';

const ADA = 'account https://lms.example.org ada';
const CARA = 'account https://lms.example.org cara';

async function mount(): Promise<{ el: CclCentreOverview; events: OpenUnitEvent[] }> {
  const el = document.createElement('ccl-centre-overview');
  const events: OpenUnitEvent[] = [];
  el.addEventListener('open-unit', (e) => events.push(e));
  el.overview = buildOverview(centreStores());
  document.body.append(el);
  await el.updateComplete;
  return { el, events };
}
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cellOf = (el: CclCentreOverview, learner: number, unit: string) => el.shadowRoot!.querySelectorAll('tbody tr')[learner]!.querySelector(`td[data-unit="${unit}"]`)!;
const day = (iso: string) => Date.parse(iso);

afterEach(() => document.body.replaceChildren());

describe('ccl-centre-overview', () => {
  it('is a data table of learners by unit, in a labelled region that scrolls', async () => {
    const { el } = await mount();
    const root = el.shadowRoot!;
    const region = root.querySelector('[role="region"]')!;
    expect([region.getAttribute('tabindex'), region.getAttribute('aria-labelledby')]).toEqual(['0', 'overview-caption']);
    expect(text(root.querySelector('caption#overview-caption'))).toBe('Knowledge checks met by learner and unit');
    expect([...root.querySelectorAll('thead th')].map((th) => [text(th), th.getAttribute('scope')])).toEqual([
      ['Learner', 'col'],
      ['Customer care in ICT OCR A/500/7158', 'col'],
      ['Develop customer service procedures for use in a contact centre OCR A/503/0391', 'col'],
    ]);
    expect([...root.querySelectorAll('tbody th[scope="row"]')].map(text)).toEqual(['Ada Brown ada', 'Ben Carter ben', 'Cara Diaz cara']);
    expect([...root.querySelectorAll('tfoot th[scope="row"]')].map(text)).toEqual(['Learners with evidence', 'Mean knowledge checks met']);
    expect([...root.querySelectorAll('tfoot tr.learners td')].map(text)).toEqual(['2 learners', '2 learners']);
    expect([...root.querySelectorAll('tfoot tr.mean td')].map(text)).toEqual(['1 of 10', '1 of 12']);
  });

  it('says in words what each cell holds, and that a learner has no evidence on a unit', async () => {
    const { el } = await mount();
    const ada = cellOf(el, 0, 'a-500-7158').querySelector('button')!;
    expect(text(ada.querySelector('.visually-hidden'))).toBe(
      `Ada Brown, Customer care in ICT: 1 of 10 knowledge checks met, last activity ${formatLongDate(day('2026-03-08T10:05:00Z'))}`,
    );
    expect([...ada.querySelectorAll('[aria-hidden="true"]')].map(text)).toEqual(['1 of 10', formatDate(day('2026-03-08T10:05:00Z'))]);
    const ben = cellOf(el, 1, 'a-503-0391');
    expect(ben.querySelector('button')).toBeNull();
    expect(text(ben)).toBe('– No evidence');
    expect(text(cellOf(el, 2, 'a-503-0391').querySelector('.visually-hidden'))).toContain('Cara Diaz, Develop customer service procedures for use in a contact centre: 1 of 12');
  });

  it('has one tab stop and moves between headings and cells with evidence by the arrow keys, Home and End', async () => {
    const { el } = await mount();
    const root = el.shadowRoot!;
    const tabbable = () => [...root.querySelectorAll('button[tabindex="0"]')];
    expect(tabbable()).toEqual([cellOf(el, 0, 'a-500-7158').querySelector('button')]);
    (tabbable()[0] as HTMLButtonElement).focus();
    const press = async (key: string, ctrlKey = false) => {
      (root.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, composed: true }));
      await el.updateComplete;
      const at = root.activeElement as HTMLElement;
      return [at.closest('tr')!.dataset.learner ?? 'headings', at.closest('[data-unit]')!.getAttribute('data-unit')];
    };
    expect(await press('ArrowRight')).toEqual([ADA, 'a-503-0391']);
    expect(await press('ArrowDown')).toEqual([CARA, 'a-503-0391']); // past Ben, who has nothing on it
    expect(await press('ArrowLeft')).toEqual([CARA, 'a-503-0391']); // nor has Cara on the first unit
    expect(await press('ArrowUp')).toEqual([ADA, 'a-503-0391']);
    expect(await press('ArrowUp')).toEqual(['headings', 'a-503-0391']);
    expect(await press('Home')).toEqual(['headings', 'a-500-7158']);
    expect(await press('End', true)).toEqual([CARA, 'a-503-0391']);
    expect(await press('Home', true)).toEqual(['headings', 'a-500-7158']);
    expect(tabbable()).toHaveLength(1);
  });

  it('asks for a unit’s grid for the learner of a cell, or for every learner from its heading', async () => {
    const { el, events } = await mount();
    expect(events).toEqual([]); // setting the overview fires nothing
    cellOf(el, 2, 'a-503-0391').querySelector('button')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('th[data-unit="a-500-7158"] button')!.click();
    expect(events.map((e) => [e.unitId, e.learner])).toEqual([
      ['a-503-0391', CARA],
      ['a-500-7158', null],
    ]);
  });

  it('puts focus back on a cell or a heading, which then holds the tab stop', async () => {
    const { el } = await mount();
    const root = el.shadowRoot!;
    await el.focusCell('a-503-0391', CARA);
    expect(root.activeElement).toBe(cellOf(el, 2, 'a-503-0391').querySelector('button'));
    expect(root.activeElement!.getAttribute('tabindex')).toBe('0');
    await el.focusCell('a-500-7158', null);
    expect(root.activeElement).toBe(root.querySelector('th[data-unit="a-500-7158"] button'));
    expect([...root.querySelectorAll('button[tabindex="0"]')]).toHaveLength(1);
  });
});
