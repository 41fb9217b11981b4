// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../../tracking/xapi/vocabulary.js';
import { catalogue, sampleStatements } from '../report-test-fixtures.js';
import type { CclTutorReport } from './ccl-tutor-report.js';
import './ccl-tutor-report.js';

const ENDPOINT = 'https://lrs.example.org/xapi/';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A fake LRS holding the sample statements, answering the statements resource by verb. */
function lrsHolding(statements: { verb: { id: string } }[]) {
  const urls: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    urls.push(url.href);
    const verb = url.searchParams.get('verb');
    return new Response(JSON.stringify({ statements: statements.filter((s) => s.verb.id === verb), more: '' }), { status: 200 });
  }) as typeof fetch;
  return { fetchFn, urls };
}

async function mount(fetchFn: typeof fetch, launch = { endpoint: ENDPOINT, auth: 'reader:secret', unit: 'a-500-7158' }) {
  const el = document.createElement('ccl-tutor-report');
  el.catalogue = catalogue;
  el.launch = launch;
  el.readOptions = { fetch: fetchFn, timeoutMs: 2000 };
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const settled = async (el: CclTutorReport) => {
  for (let i = 0; i < 50 && el.dataset.state === 'loading'; i++) await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
};
const inner = (el: CclTutorReport, tag: string) => el.shadowRoot!.querySelector(tag) as HTMLElement & { shadowRoot: ShadowRoot; updateComplete: Promise<boolean> };

afterEach(() => document.body.replaceChildren());

describe('ccl-tutor-report', () => {
  it('loads at once when opened with endpoint, key and unit, and shows the grid', async () => {
    const { fetchFn, urls } = lrsHolding(sampleStatements());
    const el = await mount(fetchFn);
    await settled(el);
    expect(el.dataset.state).toBe('loaded');
    expect(urls.map((u) => new URL(u).searchParams.get('verb'))).toEqual([VERBS.passed, VERBS.failed, VERBS.answered]);
    expect(text(el.shadowRoot!.querySelector('#unit-heading'))).toBe('Customer care in ICT (OCR A/500/7158)');
    const status = inner(el, 'ccl-load-status');
    expect(text(status.shadowRoot.querySelector('[role="status"]'))).toBe('Loaded: 2 learners, 6 statements of evidence.');
    const grid = inner(el, 'ccl-criteria-grid');
    await grid.updateComplete;
    expect([...grid.shadowRoot.querySelectorAll('tbody th')].map(text)).toEqual(['Ada Brown ada', 'Ben Carter ben']);
  });

  it('shows a refused key as a plain message in an alert, and no grid', async () => {
    const el = await mount((async () => new Response('Unauthorised', { status: 401 })) as typeof fetch);
    await settled(el);
    expect(el.dataset.state).toBe('failed');
    const status = inner(el, 'ccl-load-status');
    await status.updateComplete;
    expect(text(status.shadowRoot.querySelector('[role="alert"] p'))).toMatch(/^The LRS did not accept this key \(HTTP 401\)\./);
    expect(el.shadowRoot!.querySelector('ccl-criteria-grid')).toBeNull();
  });

  it('stops loading when the tutor cancels', async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const el = await mount(hanging);
    await new Promise((r) => setTimeout(r, 20));
    expect(el.dataset.state).toBe('loading');
    const status = inner(el, 'ccl-load-status');
    await status.updateComplete;
    status.shadowRoot.querySelector<HTMLButtonElement>('button.cancel')!.click();
    await settled(el);
    expect(el.dataset.state).toBe('failed');
    await status.updateComplete;
    expect(text(status.shadowRoot.querySelector('[role="alert"] p'))).toBe('Loading cancelled. Nothing was loaded.');
  });

  it('waits for the form when the launch parameters are incomplete', async () => {
    const { fetchFn, urls } = lrsHolding([]);
    const el = await mount(fetchFn, { endpoint: ENDPOINT, auth: '', unit: '' });
    await new Promise((r) => setTimeout(r, 20));
    expect(el.dataset.state).toBe('idle');
    expect(urls).toEqual([]);
    const form = inner(el, 'ccl-lrs-connection');
    await form.updateComplete;
    expect(form.shadowRoot.querySelector<HTMLInputElement>('[name="endpoint"]')!.value).toBe(ENDPOINT);
    expect(form.shadowRoot.querySelector<HTMLSelectElement>('[name="unit"]')!.value).toBe('a-500-7158'); // the only unit
  });

  it('opens the evidence behind a cell, then the learner’s record in place of the report', async () => {
    const { fetchFn } = lrsHolding(sampleStatements());
    const el = await mount(fetchFn);
    await settled(el);
    const grid = inner(el, 'ccl-criteria-grid');
    await grid.updateComplete;
    grid.shadowRoot.querySelector<HTMLButtonElement>('td[data-code="1.1"] button')!.click();
    await el.updateComplete;
    const evidence = inner(el, 'ccl-criterion-evidence');
    await evidence.updateComplete;
    expect(text(evidence.shadowRoot.querySelector('h2'))).toBe('Ada Brown: 1.1');
    evidence.shadowRoot.querySelector<HTMLButtonElement>('button.open-record')!.click();
    await el.updateComplete;
    const record = inner(el, 'ccl-evidence-record');
    await record.updateComplete;
    expect(text(record.shadowRoot.querySelector('dd.learner'))).toBe('Ada Brown (ada)');
    expect(el.shadowRoot!.querySelector('.page-header')).toBeNull();
    expect(document.title).toBe('Knowledge evidence record: Ada Brown, A/500/7158');
    record.shadowRoot.querySelector<HTMLButtonElement>('.toolbar button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('ccl-criteria-grid')).not.toBeNull();
  });
});
