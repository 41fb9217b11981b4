// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CachedEvidence, EvidenceCache } from '../../../tracking/report/evidence-cache.js';
import { isoDate } from '../../../tracking/report/grid-csv.js';
import type { UnitCatalogue } from '../../../tracking/report/unit-catalogue.js';
import { VERBS } from '../../../tracking/xapi/vocabulary.js';
import { statementByIds } from '../../../tests/support/xapi-ids-format.js';
import { centreStatements, twoUnits } from '../centre-test-fixtures.js';
import { catalogue, question, sampleStatements } from '../report-test-fixtures.js';
import type { CclTutorReport } from './ccl-tutor-report.js';
import './ccl-tutor-report.js';

const ENDPOINT = 'https://lrs.example.org/xapi/';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * A fake LRS holding the sample statements, answering the statements resource by verb, activity
 * (anywhere in a statement) and agent, in the "ids" format when asked.
 */
function lrsHolding(statements: { verb: { id: string } }[]) {
  const urls: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    urls.push(url.href);
    const verb = url.searchParams.get('verb');
    const activity = url.searchParams.get('activity');
    const agent = url.searchParams.get('agent');
    const ifi = agent ? JSON.stringify((JSON.parse(agent) as { account?: unknown }).account) : null;
    const page = statements
      .filter((s) => s.verb.id === verb && (!activity || JSON.stringify(s).includes(`"${activity}`)) && (!ifi || JSON.stringify((s as { actor?: { account?: unknown } }).actor?.account) === ifi))
      .map((s) => (url.searchParams.get('format') === 'ids' ? statementByIds(s) : s));
    return new Response(JSON.stringify({ statements: page, more: '' }), { status: 200 });
  }) as typeof fetch;
  return { fetchFn, urls };
}

/** An evidence cache in memory, keeping what it is given as IndexedDB would: a structured clone. */
function memoryCache(): EvidenceCache & { entries: Map<string, CachedEvidence>; kept: () => number } {
  const entries = new Map<string, CachedEvidence>();
  return {
    entries,
    /** Copies kept once every answer was read. */
    kept: () => [...entries.values()].filter((c) => c.readUpTo.answers !== null).length,
    get: async (key) => structuredClone(entries.get(key)) ?? null,
    put: async (key, value) => void entries.set(key, structuredClone(value)),
    delete: async (key) => void entries.delete(key),
  };
}

async function mount(
  fetchFn: typeof fetch,
  launch = { endpoint: ENDPOINT, auth: 'reader:secret', unit: 'a-500-7158' },
  evidenceCache: EvidenceCache | null = null,
  units: UnitCatalogue = catalogue,
) {
  const el = document.createElement('ccl-tutor-report');
  el.catalogue = units;
  el.launch = launch;
  el.readOptions = { fetch: fetchFn, timeoutMs: 2000 };
  el.evidenceCache = evidenceCache;
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

  it('shows the grid from every verdict while the answers are read, then with them; the CSV waits, and a failure takes it away', async () => {
    const sample = sampleStatements();
    const first = sample[0] as unknown as { actor: { account: { homePage: string } } };
    // Cara has begun a knowledge check: answers, no verdict yet.
    const cara = { ...sample[0]!, id: crypto.randomUUID(), actor: { objectType: 'Agent', name: 'Cara Dunn', account: { homePage: first.actor.account.homePage, name: 'cara' } } } as (typeof sample)[number];
    const { fetchFn } = lrsHolding([...sample, cara]);
    let answers: (ok: boolean) => void = () => undefined;
    const gated = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(String(input)).searchParams.get('verb') === VERBS.answered && !(await new Promise<boolean>((r) => (answers = r)))) return new Response('down', { status: 503 });
      return fetchFn(input, init);
    }) as typeof fetch;
    const rows = async () => {
      const grid = inner(el, 'ccl-criteria-grid');
      await grid?.updateComplete;
      return grid ? [...grid.shadowRoot.querySelectorAll('tbody th')].map(text) : [];
    };
    const csv = () => el.shadowRoot!.querySelector<HTMLButtonElement>('button.csv');
    const el = await mount(gated);
    for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('ccl-criteria-grid'); i++) await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(el.dataset.state).toBe('loading');
    expect(await rows()).toEqual(['Ada Brown ada', 'Ben Carter ben']);
    expect(el.shadowRoot!.activeElement?.id).toBe('unit-heading');
    expect(text(inner(el, 'ccl-load-status').shadowRoot.querySelector('[role="status"]'))).toBe('Showing every knowledge-check verdict for 2 learners. Reading the answers behind them…');
    expect(text(el.shadowRoot!.querySelector('.source'))).toContain('the answers behind them are still being read');
    expect(csv()!.disabled).toBe(true);
    answers(true);
    await settled(el);
    expect(el.dataset.state).toBe('loaded');
    expect(await rows()).toEqual(['Ada Brown ada', 'Ben Carter ben', 'cara cara']);
    expect(csv()!.disabled).toBe(false);
    expect(el.shadowRoot!.activeElement?.id).toBe('unit-heading');

    // The LRS fails once the verdicts are shown: nothing incomplete is left on screen.
    (el.shadowRoot!.querySelector('button.reload') as HTMLButtonElement).click();
    await el.updateComplete;
    for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('ccl-criteria-grid'); i++) await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(await rows()).toEqual(['Ada Brown ada', 'Ben Carter ben']);
    answers(false);
    await settled(el);
    expect(el.dataset.state).toBe('failed');
    expect(el.shadowRoot!.querySelector('ccl-criteria-grid')).toBeNull();
  });

  it('keeps what it loaded, and on the next visit asks only for what the LRS stored since, voids included', async () => {
    type Held = { id?: string; verb: { id: string }; stored: string };
    const stored = (s: object, iso: string) => ({ ...s, stored: iso }) as Held;
    const held: Held[] = sampleStatements().map((s) => stored(s, '2026-03-11T08:00:00.000Z'));
    const urls: URL[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      urls.push(url);
      const since = url.searchParams.get('since');
      const verb = url.searchParams.get('verb');
      const page = held.filter((s) => s.verb.id === verb && (!since || s.stored > since));
      return new Response(JSON.stringify({ statements: page, more: '' }), { status: 200 });
    }) as typeof fetch;
    const cache = memoryCache();
    const first = await mount(fetchFn, undefined, cache);
    await settled(first);
    expect([first.dataset.state, (first as unknown as { error: string }).error]).toEqual(['loaded', '']);
    // The copy is kept once the page is idle.
    await vi.waitFor(() => expect(cache.kept()).toBe(1));
    expect(urls.every((u) => !u.searchParams.has('since'))).toBe(true);
    document.body.replaceChildren();

    // Since then: Ben's 2.1 was voided, and Ada passed 1.2.
    const ben21 = held[5]!;
    held.push(stored({ id: crypto.randomUUID(), actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'admin' } }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: ben21.id } }, '2026-03-12T08:00:00.000Z'));
    held.push(stored({ ...(held[2] as object), id: crypto.randomUUID(), verb: { id: VERBS.passed } }, '2026-03-12T08:00:01.000Z'));
    urls.length = 0;
    const el = await mount(fetchFn, undefined, cache);
    await settled(el);
    expect(urls.map((u) => [u.searchParams.get('verb')?.split('/').pop(), u.searchParams.get('since')])).toEqual(
      ['passed', 'failed', 'voided', 'answered'].map((v) => [v, '2026-03-11T07:59:30.000Z']),
    );
    const source = text(el.shadowRoot!.querySelector('.source'));
    expect(source).toContain('Loaded: 1 learner, 6 statements of evidence.');
    expect(source).toMatch(/Kept in this browser since .*; the LRS sent 1 new statement of evidence since then, and voided 1\./);

    urls.length = 0;
    (el.shadowRoot!.querySelector('button.reload') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    await settled(el);
    expect(urls.every((u) => !u.searchParams.has('since'))).toBe(true);
    expect(text(el.shadowRoot!.querySelector('.source'))).not.toContain('Kept in this browser');
  });

  it('keeps the verdicts before the answers are read, and each read asks the LRS only for what it stored since that read', async () => {
    type Held = { id?: string; verb: { id: string }; stored: string };
    const stored = (s: object, iso: string) => ({ ...s, id: crypto.randomUUID(), stored: iso }) as Held;
    const sample = sampleStatements();
    const held: Held[] = sample.map((s) => ({ ...s, stored: '2026-03-11T08:00:00.000Z' }) as Held);
    const urls: URL[] = [];
    let gate: Promise<void> | null = null;
    const fetchFn = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      urls.push(url);
      const since = url.searchParams.get('since');
      const verb = url.searchParams.get('verb');
      if (verb === VERBS.answered && gate) await gate;
      const page = held.filter((s) => s.verb.id === verb && (!since || s.stored > since));
      return new Response(JSON.stringify({ statements: page, more: '' }), { status: 200 });
    }) as typeof fetch;
    const asked = () => urls.map((u) => [u.searchParams.get('verb')?.split('/').pop(), u.searchParams.get('since')]);
    const cache = memoryCache();
    const copy = () => [...cache.entries.values()][0];

    // The page is closed while the answers are read: the verdicts are kept.
    gate = new Promise(() => undefined);
    await mount(fetchFn, undefined, cache);
    await vi.waitFor(() => expect(copy()?.readUpTo).toEqual({ verdicts: Date.parse('2026-03-11T08:00:00Z'), answers: null }));
    document.body.replaceChildren();

    // Next visit: the verdicts since, every answer. While the answers are read, Ada passes 1.2 and answers again.
    urls.length = 0;
    let release = () => undefined as void;
    gate = new Promise<void>((r) => (release = r));
    const second = await mount(fetchFn, undefined, cache);
    await vi.waitFor(() => expect(asked().map(([verb]) => verb)).toContain('answered'));
    held.push(stored({ ...sample[2]!, verb: { id: VERBS.passed } }, '2026-03-11T08:05:00.000Z'));
    held.push(stored(sample[3]!, '2026-03-11T08:10:00.000Z'));
    release();
    await settled(second);
    expect(asked()).toEqual([...['passed', 'failed', 'voided'].map((v) => [v, '2026-03-11T07:59:30.000Z']), ['answered', null]]);
    await vi.waitFor(() => expect(copy()?.readUpTo).toEqual({ verdicts: Date.parse('2026-03-11T08:00:00Z'), answers: Date.parse('2026-03-11T08:10:00Z') }));
    document.body.replaceChildren();

    // The verdict stored while the answers were read is not lost to the answers' later stored time.
    urls.length = 0;
    gate = null;
    const third = await mount(fetchFn, undefined, cache);
    await settled(third);
    expect(asked()).toEqual([
      ['passed', '2026-03-11T07:59:30.000Z'],
      ['failed', '2026-03-11T07:59:30.000Z'],
      ['voided', '2026-03-11T07:59:30.000Z'],
      ['answered', '2026-03-11T08:09:30.000Z'],
    ]);
    expect(text(third.shadowRoot!.querySelector('.source'))).toContain('Loaded: 2 learners, 8 statements of evidence.');
  });

  it('reads everything again when its copy cannot be read back', async () => {
    const { fetchFn, urls } = lrsHolding(sampleStatements());
    const cache = memoryCache();
    const key = `${ENDPOINT} ${catalogue.baseIri}/units/a-500-7158`;
    // The copy says how far it read, so what the LRS stored since is asked for while it is read back.
    const readUpTo = { verdicts: Date.now(), answers: Date.now() };
    cache.entries.set(key, { savedAt: Date.now(), readUpTo, snapshot: { learners: [{}], judgements: { ids: 'x' } } } as unknown as CachedEvidence);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const el = await mount(fetchFn, undefined, cache);
    await settled(el);
    expect(warn.mock.calls[0]?.[0]).toMatch(/could not keep or read its copy/);
    warn.mockRestore();
    expect([el.dataset.state, (el as unknown as { error: string }).error]).toEqual(['loaded', '']);
    // Every read was asked for again in full, whatever the copy said it held.
    const verbs = (since: boolean) => urls.filter((u) => new URL(u).searchParams.has('since') === since).map((u) => new URL(u).searchParams.get('verb')?.split('/').pop()).sort();
    expect(verbs(false)).toEqual(['answered', 'failed', 'passed']);
    expect(text(el.shadowRoot!.querySelector('.source'))).toContain('Loaded: 2 learners, 6 statements of evidence.');
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

  it('opens the evidence behind a cell, its questions read in full for that learner, then the learner’s record in place of the report', async () => {
    const { fetchFn, urls } = lrsHolding(sampleStatements());
    const el = await mount(fetchFn);
    await settled(el);
    // The grid came from answers by ids alone.
    expect(urls.filter((u) => new URL(u).searchParams.get('verb') === VERBS.answered).map((u) => new URL(u).searchParams.get('format'))).toEqual(['ids']);
    const grid = inner(el, 'ccl-criteria-grid');
    await grid.updateComplete;
    grid.shadowRoot.querySelector<HTMLButtonElement>('td[data-code="1.1"] button')!.click();
    await vi.waitFor(() => expect(inner(el, 'ccl-criterion-evidence')).not.toBeNull());
    const asked = new URL(urls.at(-1)!);
    expect([asked.searchParams.get('verb'), asked.searchParams.get('format'), JSON.parse(asked.searchParams.get('agent')!)]).toEqual([VERBS.answered, null, { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'ada' } }]);
    const evidence = inner(el, 'ccl-criterion-evidence');
    await evidence.updateComplete;
    expect(text(evidence.shadowRoot.querySelector('h2'))).toBe('Ada Brown: 1.1');
    expect(text(evidence.shadowRoot.querySelector('ol.answers .question'))).toBe(`Question: ${question.stemText}`);
    evidence.shadowRoot.querySelector<HTMLButtonElement>('button.open-record')!.click();
    await vi.waitFor(() => expect(inner(el, 'ccl-evidence-record')).not.toBeNull());
    expect(urls.filter((u) => new URL(u).searchParams.has('agent'))).toHaveLength(1); // read once for the cell and the record
    const record = inner(el, 'ccl-evidence-record');
    await record.updateComplete;
    expect(text(record.shadowRoot.querySelector('dd.learner'))).toBe('Ada Brown (ada)');
    expect(el.shadowRoot!.querySelector('.page-header')).toBeNull();
    expect(document.title).toBe('Knowledge evidence record: Ada Brown, A/500/7158');
    record.shadowRoot.querySelector<HTMLButtonElement>('.toolbar button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('ccl-criteria-grid')).not.toBeNull();
  });

  it('says so when the LRS fails to send a learner’s answers for a cell, and keeps the grid and the cell to try again', async () => {
    const { fetchFn: holding } = lrsHolding(sampleStatements());
    let down = true;
    const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) =>
      down && new URL(String(input)).searchParams.has('agent') ? Promise.resolve(new Response('', { status: 503 })) : holding(input, init)) as typeof fetch;
    const el = await mount(fetchFn);
    await settled(el);
    const grid = inner(el, 'ccl-criteria-grid');
    await grid.updateComplete;
    const cell = () => grid.shadowRoot.querySelector<HTMLButtonElement>('td[data-code="1.1"] button')!;
    cell().click();
    const status = inner(el, 'ccl-load-status');
    await vi.waitFor(async () => {
      await status.updateComplete;
      expect(text(status.shadowRoot.querySelector('[role="alert"]'))).toMatch(/busy/i);
    });
    expect(inner(el, 'ccl-criterion-evidence')).toBeNull();
    expect(el.shadowRoot!.querySelector('ccl-criteria-grid')).not.toBeNull();
    down = false;
    cell().click();
    await vi.waitFor(() => expect(inner(el, 'ccl-criterion-evidence')).not.toBeNull());
    await status.updateComplete;
    expect(text(status.shadowRoot.querySelector('[role="alert"]'))).toBe('');
  });
});

describe('ccl-tutor-report centre overview', () => {
  const CARE = 'a-500-7158';
  const PROCEDURES = 'a-503-0391';
  const CARA = 'account https://lms.example.org cara';
  const unitIri = (id: string) => `${twoUnits.baseIri}/units/${id}`;

  /** Opens the page with endpoint and key, and asks for all units on the form. */
  async function openOverview(fetchFn: typeof fetch, evidenceCache: EvidenceCache | null = null) {
    const el = await mount(fetchFn, { endpoint: ENDPOINT, auth: 'reader:secret', unit: '' }, evidenceCache, twoUnits);
    const form = inner(el, 'ccl-lrs-connection');
    await form.updateComplete;
    form.shadowRoot.querySelector<HTMLSelectElement>('[name="unit"]')!.value = '*';
    form.shadowRoot.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    await settled(el);
    return el;
  }
  const overviewOf = async (el: CclTutorReport) => {
    const overview = inner(el, 'ccl-centre-overview');
    await overview.updateComplete;
    return overview;
  };

  it('reads each unit in turn and shows every learner against both units', async () => {
    const { fetchFn, urls } = lrsHolding(centreStatements());
    const el = await openOverview(fetchFn);
    expect(el.dataset.state).toBe('loaded');
    expect(urls.map((u) => [new URL(u).searchParams.get('activity'), new URL(u).searchParams.get('verb')])).toEqual(
      [CARE, PROCEDURES].flatMap((id) => [VERBS.passed, VERBS.failed, VERBS.answered].map((verb) => [unitIri(id), verb])),
    );
    expect(el.shadowRoot!.activeElement).toBe(el.shadowRoot!.querySelector('#overview-heading'));
    expect(text(el.shadowRoot!.querySelector('.source'))).toMatch(/^Loaded: 3 learners with evidence on 2 units\. Read from https:\/\/lrs\.example\.org at /);
    const overview = await overviewOf(el);
    expect([...overview.shadowRoot.querySelectorAll('thead th[data-unit]')].map((th) => th.getAttribute('data-unit'))).toEqual([CARE, PROCEDURES]);
    expect([...overview.shadowRoot.querySelectorAll('tbody th')].map(text)).toEqual(['Ada Brown ada', 'Ben Carter ben', 'Cara Diaz cara']);
    expect(el.shadowRoot!.querySelector('ccl-criteria-grid')).toBeNull();
  });

  it('names the unit being read in the progress, and stops when the tutor cancels', async () => {
    const { fetchFn: holding } = lrsHolding(centreStatements());
    const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) =>
      new URL(String(input)).searchParams.get('activity') === unitIri(PROCEDURES)
        ? new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
        : holding(input, init)) as typeof fetch;
    const cache = memoryCache();
    const el = await mount(fetchFn, { endpoint: ENDPOINT, auth: 'reader:secret', unit: '' }, cache, twoUnits);
    const form = inner(el, 'ccl-lrs-connection');
    await form.updateComplete;
    form.shadowRoot.querySelector<HTMLSelectElement>('[name="unit"]')!.value = '*';
    form.shadowRoot.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((r) => setTimeout(r, 30));
    expect(el.dataset.state).toBe('loading');
    const status = inner(el, 'ccl-load-status');
    await status.updateComplete;
    expect(text(status.shadowRoot.querySelector('.progress p'))).toBe('Unit 2 of 2: Develop customer service procedures for use in a contact centre.');
    status.shadowRoot.querySelector<HTMLButtonElement>('button.cancel')!.click();
    await settled(el);
    expect(el.dataset.state).toBe('failed');
    await status.updateComplete;
    expect(text(status.shadowRoot.querySelector('[role="alert"] p'))).toBe('Loading cancelled. Nothing was loaded.');
    expect(el.shadowRoot!.querySelector('ccl-centre-overview')).toBeNull();
    expect([...cache.entries.keys()]).toEqual([`${ENDPOINT} ${unitIri(CARE)}`]); // the unit read in full is kept
  });

  it('keeps each unit it read, and on the next visit asks only for what the LRS stored since', async () => {
    const held = centreStatements().map((s) => ({ ...s, stored: '2026-04-05T08:00:00.000Z' }));
    const { fetchFn, urls } = lrsHolding(held);
    const cache = memoryCache();
    await openOverview(fetchFn, cache);
    await vi.waitFor(() => expect(cache.kept()).toBe(2));
    document.body.replaceChildren();
    urls.length = 0;
    const el = await openOverview(fetchFn, cache);
    expect(el.dataset.state).toBe('loaded');
    expect(urls.map((u) => new URL(u).searchParams.get('since'))).toEqual(Array(8).fill('2026-04-05T07:59:30.000Z'));
    expect(text(el.shadowRoot!.querySelector('.source'))).toMatch(/Kept in this browser since .*; the LRS sent no new statements of evidence since then\./);
    const overview = await overviewOf(el);
    expect([...overview.shadowRoot.querySelectorAll('tbody th')].map(text)).toEqual(['Ada Brown ada', 'Ben Carter ben', 'Cara Diaz cara']);
  });

  it('opens a cell’s unit grid for that learner from what was read, and comes back to the cell', async () => {
    const { fetchFn, urls } = lrsHolding(centreStatements());
    const el = await openOverview(fetchFn);
    const read = urls.length;
    const overview = await overviewOf(el);
    overview.shadowRoot.querySelector<HTMLButtonElement>(`tr[data-learner="${CARA}"] td[data-unit="${PROCEDURES}"] button`)!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(urls).toHaveLength(read); // the LRS is not read again
    const heading = el.shadowRoot!.querySelector('#unit-heading')!;
    expect(text(heading)).toBe('Develop customer service procedures for use in a contact centre (OCR A/503/0391)');
    expect(el.shadowRoot!.activeElement).toBe(heading);
    const grid = inner(el, 'ccl-criteria-grid');
    await grid.updateComplete;
    expect([...grid.shadowRoot.querySelectorAll('tbody th')].map(text)).toEqual(['Cara Diaz cara']);
    const filters = inner(el, 'ccl-report-filters');
    await filters.updateComplete;
    expect(filters.shadowRoot.querySelector<HTMLSelectElement>('[name="learner"]')!.value).toBe(CARA);
    expect(el.shadowRoot!.querySelector('button.reload')).toBeNull();
    expect(el.dataset.state).toBe('loaded');

    el.shadowRoot!.querySelector<HTMLButtonElement>('button.back-to-overview')!.click();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    const again = await overviewOf(el);
    expect(el.shadowRoot!.querySelector('ccl-criteria-grid')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(again);
    expect(again.shadowRoot.activeElement).toBe(again.shadowRoot.querySelector(`tr[data-learner="${CARA}"] td[data-unit="${PROCEDURES}"] button`));
  });

  it('opens a unit’s grid for every learner from its heading', async () => {
    const { fetchFn } = lrsHolding(centreStatements());
    const el = await openOverview(fetchFn);
    const overview = await overviewOf(el);
    overview.shadowRoot.querySelector<HTMLButtonElement>(`th[data-unit="${CARE}"] button`)!.click();
    await el.updateComplete;
    const grid = inner(el, 'ccl-criteria-grid');
    await grid.updateComplete;
    expect([...grid.shadowRoot.querySelectorAll('tbody th')].map(text)).toEqual(['Ada Brown ada', 'Ben Carter ben']);
  });

  it('downloads the overview as CSV', async () => {
    const { fetchFn } = lrsHolding(centreStatements());
    const el = await openOverview(fetchFn);
    const files: { name: string; blob: Blob }[] = [];
    let blob: Blob | null = null;
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:overview';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: blob! });
    });
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.overview-csv')!.click();
    } finally {
      createObjectURL.mockRestore();
      click.mockRestore();
    }
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^centre-overview-knowledge-checks-\d{4}-\d{2}-\d{2}\.csv$/)]);
    const lines = (await files[0]!.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    const day = (iso: string) => isoDate(Date.parse(iso));
    expect(lines).toEqual([
      'Learner,Learner id,A/500/7158 knowledge checks met,A/500/7158 last activity,A/503/0391 knowledge checks met,A/503/0391 last activity',
      `Ada Brown,ada,1 of 10,${day('2026-03-08T10:05:00Z')},1 of 12,${day('2026-04-03T10:00:00Z')}`,
      `Ben Carter,ben,1 of 10,${day('2026-03-10T11:00:00Z')},,`,
      `Cara Diaz,cara,,,1 of 12,${day('2026-04-01T10:00:00Z')}`,
      'Learners with evidence,,2,,2,',
      'Mean knowledge checks met,,1 of 10,,1 of 12,',
      '',
    ]);
  });
});
