// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { twoUnits } from '../centre-test-fixtures.js';
import { unit } from '../report-test-fixtures.js';
import { ALL_UNITS, type CclLrsConnection } from './ccl-lrs-connection.js';
import type { LoadOverviewEvent, LoadReportEvent } from './ccl-lrs-connection-events.js';
import './ccl-lrs-connection.js';

async function mount(values: Partial<Pick<CclLrsConnection, 'endpoint' | 'key' | 'unitId'>> = {}) {
  const el = document.createElement('ccl-lrs-connection');
  el.units = [unit];
  Object.assign(el, values);
  const requests: LoadReportEvent[] = [];
  el.addEventListener('load-report', (e) => requests.push(e));
  document.body.append(el);
  await el.updateComplete;
  return { el, requests };
}
const field = (el: CclLrsConnection, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const submit = async (el: CclLrsConnection) => {
  el.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  await el.updateComplete;
  await el.updateComplete;
};

afterEach(() => document.body.replaceChildren());

describe('ccl-lrs-connection', () => {
  it('labels every field and keeps the key in a password field', async () => {
    const { el } = await mount();
    for (const name of ['endpoint', 'key', 'unit']) expect(el.shadowRoot!.querySelector(`label[for="${name}"]`)).not.toBeNull();
    expect(field(el, 'key').type).toBe('password');
    expect([...el.shadowRoot!.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Choose a unit', 'Customer care in ICT (OCR A/500/7158)']);
  });

  it('says what to fix, marks the fields and moves focus to the first', async () => {
    const { el, requests } = await mount();
    field(el, 'endpoint').value = 'lrs.example.org';
    await submit(el);
    expect(requests).toEqual([]);
    const problems = [...el.shadowRoot!.querySelectorAll('.problem')].map((p) => p.textContent);
    expect(problems).toEqual([expect.stringContaining('full address starting https://'), 'Error: Enter a read-only key.', 'Error: Choose a unit.']);
    expect(field(el, 'endpoint').getAttribute('aria-invalid')).toBe('true');
    expect(field(el, 'endpoint').getAttribute('aria-describedby')).toBe('endpoint-hint endpoint-problem');
    expect(el.shadowRoot!.activeElement).toBe(field(el, 'endpoint'));
  });

  it('sends the endpoint, Basic credentials from key:secret, and the unit', async () => {
    const { el, requests } = await mount({ endpoint: 'https://lrs.example.org/xapi', key: 'reader:secret', unitId: unit.id });
    await submit(el);
    expect(requests.map((r) => ({ connection: r.connection, unitId: r.unitId, fields: r.fields }))).toEqual([
      { connection: { endpoint: 'https://lrs.example.org/xapi/', auth: `Basic ${btoa('reader:secret')}` }, unitId: unit.id, fields: { endpoint: 'https://lrs.example.org/xapi', key: 'reader:secret' } },
    ]);
  });

  it('offers all units, the centre overview, where there is more than one, and sends that choice as its own request', async () => {
    const { el, requests } = await mount({ endpoint: 'https://lrs.example.org/xapi/', key: 'reader:secret' });
    const overviews: LoadOverviewEvent[] = [];
    el.addEventListener('load-overview', (e) => overviews.push(e));
    el.units = twoUnits.units;
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Choose a unit',
      'All units (centre overview)',
      'Customer care in ICT (OCR A/500/7158)',
      'Develop customer service procedures for use in a contact centre (OCR A/503/0391)',
    ]);
    field(el, 'unit').value = ALL_UNITS;
    await submit(el);
    expect(requests).toEqual([]);
    expect(overviews.map((r) => ({ connection: r.connection, fields: r.fields }))).toEqual([
      { connection: { endpoint: 'https://lrs.example.org/xapi/', auth: `Basic ${btoa('reader:secret')}` }, fields: { endpoint: 'https://lrs.example.org/xapi/', key: 'reader:secret' } },
    ]);
  });

  it('does nothing while a load is under way', async () => {
    const { el, requests } = await mount({ endpoint: 'https://lrs.example.org/xapi/', key: 'reader:secret', unitId: unit.id });
    el.busy = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    await submit(el);
    expect(requests).toEqual([]);
  });
});
