import { describe, expect, it } from 'vitest';
import { authorizationFor, normaliseEndpoint, readConnection } from './lrs-connection.js';
import { LrsReadError } from './lrs-read-error.js';
import { HANDED_ON_PER_TASK, learnerAnswersQuery, nextPageUrl, readStatements, statementsUrl, unitAnswerQueries, unitVerdictQueries, type ReadOptions } from './lrs-reader.js';

const connection = { endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic cmVhZGVyOnNlY3JldA==' };
const statement = (id: string) => ({ id, verb: { id: 'v' } });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake LRS: answers each request with the next reply; records the URLs and headers it was sent. */
function fakeLrs(reply: (url: string, n: number) => Response | Promise<Response>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: init?.headers as Record<string, string> });
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return await Promise.race([
      reply(String(input), calls.length),
      new Promise<never>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    ]);
  }) as typeof fetch;
  return { calls, fetchFn };
}

async function readError(options: ReadOptions, queries = [{}]): Promise<LrsReadError> {
  try {
    await readStatements(connection, queries, options);
  } catch (e) {
    if (e instanceof LrsReadError) return e;
    throw e;
  }
  throw new Error('the read did not fail');
}

/** Every query the report reads a unit by: its verdicts, then its answers. */
const unitQueries = (unit: string) => [...unitVerdictQueries(unit), ...unitAnswerQueries(unit)];

describe('LRS reader', () => {
  it('hands a large page on a slice at a time, each slice in a task of its own', async () => {
    const big = Array.from({ length: 2 * HANDED_ON_PER_TASK + 500 }, (_, i) => statement(String(i)));
    const { fetchFn } = fakeLrs(() => json({ statements: big, more: '' }));
    const slices: { length: number; tasksBefore: number }[] = [];
    let tasks = 0;
    await readStatements(connection, [{}], {
      fetch: fetchFn,
      pageSize: big.length,
      onStatements: (s) => {
        slices.push({ length: s.length, tasksBefore: tasks });
        setTimeout(() => tasks++);
      },
    });
    // Each slice after the first comes once the task queued by the one before has run.
    expect(slices).toEqual([
      { length: HANDED_ON_PER_TASK, tasksBefore: 0 },
      { length: HANDED_ON_PER_TASK, tasksBefore: 1 },
      { length: 500, tasksBefore: 2 },
    ]);
  });

  it('asks the statements resource with the standard filters and follows "more" to the end', async () => {
    const { calls, fetchFn } = fakeLrs((_, n) =>
      n === 1 ? json({ statements: [statement('1'), statement('2')], more: '/xapi/statements?cursor=abc' }) : json({ statements: [statement('3')], more: '' }),
    );
    const pages: unknown[][] = [];
    const progress: number[] = [];
    const [query] = unitVerdictQueries('https://w3id.org/ccl/units/u-1', { since: '2026-01-01T00:00:00Z' });
    const total = await readStatements(connection, [query!], { fetch: fetchFn, onStatements: (s) => pages.push(s), onProgress: (p) => progress.push(p.statements) });
    expect(total).toEqual({ pages: 2, statements: 3 });
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(progress).toEqual([2, 3]);
    const first = new URL(calls[0]!.url);
    expect(first.pathname).toBe('/xapi/statements');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      verb: 'http://adlnet.gov/expapi/verbs/passed',
      activity: 'https://w3id.org/ccl/units/u-1',
      related_activities: 'true',
      since: '2026-01-01T00:00:00Z',
      limit: '2000',
    });
    expect(calls[0]!.headers).toMatchObject({ Authorization: connection.auth, 'X-Experience-API-Version': '1.0.3' });
    expect(calls[1]!.url).toBe('https://lrs.example.org/xapi/statements?cursor=abc');
  });

  it('queries passed, failed and answered for a unit, the answers by ids alone, and one learner’s answers in full', () => {
    expect(unitQueries('https://x.org/units/u').map((q) => [q.verb!.split('/').pop(), q.format])).toEqual([
      ['passed', undefined],
      ['failed', undefined],
      ['answered', 'ids'],
    ]);
    expect(new URL(statementsUrl('https://lrs.example.org/xapi/', unitAnswerQueries('https://x.org/units/u')[0]!)).searchParams.get('format')).toBe('ids');
    const mine = new URL(statementsUrl('https://lrs.example.org/xapi/', learnerAnswersQuery('https://x.org/units/u', { objectType: 'Agent', mbox: 'mailto:a@b.org' })));
    expect(Object.fromEntries(mine.searchParams)).toEqual({
      agent: '{"objectType":"Agent","mbox":"mailto:a@b.org"}',
      verb: 'http://adlnet.gov/expapi/verbs/answered',
      activity: 'https://x.org/units/u',
      related_activities: 'true',
    });
    expect(statementsUrl('https://lrs.example.org/xapi/', { agent: { mbox: 'mailto:a@b.org' }, until: '2026-02-01T00:00:00Z' })).toBe(
      'https://lrs.example.org/xapi/statements?agent=%7B%22mbox%22%3A%22mailto%3Aa%40b.org%22%7D&until=2026-02-01T00%3A00%3A00Z',
    );
  });

  it('resolves "more" against the server root, under a proxied endpoint, and never on another server', () => {
    expect(nextPageUrl('https://lrs.example.org/xapi/', '/xapi/statements?c=1')).toBe('https://lrs.example.org/xapi/statements?c=1');
    expect(nextPageUrl('https://lrs.example.org/xapi/', 'https://lrs.example.org/xapi/statements/more/7')).toBe('https://lrs.example.org/xapi/statements/more/7');
    // A proxy serving the LRS's /xAPI/ at /lrs/: the next page stays under the endpoint.
    expect(nextPageUrl('http://127.0.0.1:4173/lrs/', '/xAPI/statements?cursor=9')).toBe('http://127.0.0.1:4173/lrs/statements?cursor=9');
    expect(() => nextPageUrl('https://lrs.example.org/xapi/', 'https://evil.example.net/xapi/statements?c=1')).toThrow(/not followed/);
    expect(() => nextPageUrl('https://lrs.example.org/xapi/', '//evil.example.net/statements')).toThrow(LrsReadError);
  });

  it.each([
    [401, 'unauthorised', /did not accept this key \(HTTP 401\)/],
    [403, 'forbidden', /not allowed to read statements \(HTTP 403\)/],
    [404, 'not-found', /no xAPI statements resource/],
    [400, 'refused', /refused the request \(HTTP 400\)/],
    [429, 'busy', /busy/],
    [500, 'server', /problem of its own \(HTTP 500\)/],
  ])('explains HTTP %i in plain words', async (status, kind, message) => {
    const { fetchFn } = fakeLrs(() => new Response('no', { status }));
    const e = await readError({ fetch: fetchFn });
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
  });

  it('tells a network or CORS failure, and an answer that is not xAPI, apart', async () => {
    const down = await readError({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    expect(down.kind).toBe('unreachable');
    expect(down.message).toContain('https://lrs.example.org');
    expect(down.message).toContain('CORS');
    expect((await readError({ fetch: fakeLrs(() => new Response('<html>login</html>')).fetchFn })).kind).toBe('not-xapi');
    expect((await readError({ fetch: fakeLrs(() => json({ hello: 'world' })).fetchFn })).kind).toBe('not-xapi');
  });

  it('gives up on a request that takes too long', async () => {
    const { fetchFn } = fakeLrs(() => new Promise<Response>(() => {}));
    const started = Date.now();
    const e = await readError({ fetch: fetchFn, timeoutMs: 50 });
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops at once when cancelled, mid-request', async () => {
    const { fetchFn } = fakeLrs(() => new Promise<Response>(() => {}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const e = await readError({ fetch: fetchFn, signal: controller.signal, timeoutMs: 60000 });
    expect(e.kind).toBe('cancelled');
  });

  it('reads the queries side by side, and where one fails, stops the others and tells that failure', async () => {
    let inFlight = 0;
    let most = 0;
    const { calls, fetchFn } = fakeLrs(async (url) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return json({ statements: [statement(new URL(url).searchParams.get('verb')!)], more: '' });
    });
    const queries = unitQueries('https://x.org/units/u');
    expect(await readStatements(connection, queries, { fetch: fetchFn })).toEqual({ pages: 3, statements: 3 });
    expect([most, calls.length]).toEqual([3, 3]);

    const failing = fakeLrs((url) =>
      url.includes('failed') ? json({}, 401) : new Promise<Response>(() => {}), // the others never answer
    );
    const e = await readError({ fetch: failing.fetchFn, timeoutMs: 60000 }, queries);
    expect(e.kind).toBe('unauthorised');
  });

  it('stops an LRS that repeats its "more" link', async () => {
    let n = 0;
    const { calls, fetchFn } = fakeLrs(() => json({ statements: [statement(`s${n++}`)], more: '/xapi/statements?cursor=same' }));
    const e = await readError({ fetch: fetchFn });
    expect(e.kind).toBe('looping');
    expect(calls).toHaveLength(2);
  });

  it('stops an LRS that sends the same statements under ever-new links', async () => {
    const { calls, fetchFn } = fakeLrs((_, n) => json({ statements: [statement('a'), statement('b')], more: `/xapi/statements?cursor=${n}` }));
    const e = await readError({ fetch: fetchFn });
    expect(e.kind).toBe('looping');
    expect(calls).toHaveLength(2);
  });

  it('stops at the page cap when "more" never ends', async () => {
    const { calls, fetchFn } = fakeLrs((_, n) => json({ statements: [statement(`s${n}`)], more: `/xapi/statements?cursor=${n}` }));
    const e = await readError({ fetch: fetchFn, maxPages: 25 });
    expect(e.kind).toBe('too-many-pages');
    expect(e.message).toContain('25 pages (25 statements)');
    expect(calls).toHaveLength(25);
  });
});

/**
 * An LRS that honours since, until, ascending and limit, and whose "more" link pages as Learning
 * Locker's does: its cursor is the last statement's id alone, while the order is by stored time,
 * then id, so statements sharing a stored time are repeated or skipped across pages.
 */
function storedTimeLrs(all: { id: string; stored: string }[], options: { maxLimit?: number } = {}) {
  const asked: URLSearchParams[] = [];
  const reply = (url: string) => {
    const q = new URL(url).searchParams;
    asked.push(q);
    const ascending = q.get('ascending') === 'true';
    const limit = Math.min(Number(q.get('limit') || 100), options.maxLimit ?? Infinity);
    const since = q.get('since');
    const until = q.get('until');
    const cursor = q.get('cursor');
    const sorted = all
      .filter((s) => (!since || s.stored > since) && (!until || s.stored <= until) && (!cursor || (ascending ? s.id > cursor : s.id < cursor)))
      .sort((a, b) => (a.stored === b.stored ? (a.id < b.id ? -1 : 1) : a.stored < b.stored ? -1 : 1) * (ascending ? 1 : -1));
    const page = sorted.slice(0, limit);
    const more = sorted.length > limit ? `/xapi/statements?${new URLSearchParams([...q.entries()].filter(([k]) => k !== 'cursor'))}&cursor=${page.at(-1)!.id}` : '';
    return json({ statements: page, more });
  };
  return { asked, ...fakeLrs(reply) };
}

/** Statements posted in batches: each batch shares one stored time; ids are random, not in stored order. */
function batches(sizes: number[]): { id: string; stored: string }[] {
  let n = 0;
  return sizes.flatMap((size, b) =>
    Array.from({ length: size }, () => ({ id: `${String((n++ * 7919) % 100000).padStart(5, '0')}-${n}`, stored: new Date(Date.UTC(2026, 10, 1, 9, 0, b)).toISOString() })),
  );
}

describe('LRS reader: every statement once, however the LRS pages', () => {
  const readAll = async (all: { id: string; stored: string }[], pageSize: number, maxLimit?: number) => {
    const lrs = storedTimeLrs(all, { maxLimit });
    const got: string[] = [];
    await readStatements(connection, [{ verb: 'v' }], { fetch: lrs.fetchFn, pageSize, onStatements: (s) => got.push(...s.map((x) => (x as { id: string }).id)) });
    return { got, asked: lrs.asked };
  };

  it('reads by stored-time windows where "more" alone would repeat and skip statements sharing a stored time', async () => {
    const all = batches([40, 3, 120, 1, 60, 25, 25]);
    // What trusting "more" alone gets from this LRS.
    const byMore = storedTimeLrs(all);
    const followed: string[] = [];
    let url = statementsUrl(connection.endpoint, { limit: 25 });
    for (let i = 0; url && i < 100; i++) {
      const body = (await (await byMore.fetchFn(url)).json()) as { statements: { id: string }[]; more: string };
      followed.push(...body.statements.map((s) => s.id));
      url = body.more ? nextPageUrl(connection.endpoint, body.more) : '';
    }
    expect(new Set(followed).size, 'the fake pages as wrongly as the real one').toBeLessThan(all.length);

    const { got, asked } = await readAll(all, 25);
    expect(got.length, 'no statement twice').toBe(new Set(got).size);
    expect(new Set(got)).toEqual(new Set(all.map((s) => s.id)));
    expect(asked.every((q) => !q.has('cursor')), 'no page by "more"').toBe(true);
    // The run of 120 sharing one stored time did not fit in 25: the page grew to hold it.
    expect(Math.max(...asked.map((q) => Number(q.get('limit'))))).toBeGreaterThanOrEqual(120);
  });

  it('reads a run larger than the LRS will send in one page by "more" within that stored time', async () => {
    const all = batches([10, 90, 10]);
    const { got, asked } = await readAll(all, 20, 30);
    expect(got.length).toBe(new Set(got).size);
    expect(new Set(got)).toEqual(new Set(all.map((s) => s.id)));
    expect(asked.some((q) => q.has('until'))).toBe(true);
  });

  it('reads an LRS that ignores until', async () => {
    const all = batches([5, 5, 5]).map((s, i) => ({ ...s, id: `s${String(i).padStart(3, '0')}` }));
    const lrs = storedTimeLrs(all);
    const noUntil = ((u: string, i?: RequestInit) => lrs.fetchFn(String(u).replace(/until=[^&]*&?/, ''), i)) as typeof fetch;
    const got: string[] = [];
    await readStatements(connection, [{}], { fetch: noUntil, pageSize: 4, onStatements: (s) => got.push(...s.map((x) => (x as { id: string }).id)) });
    expect(got.sort()).toEqual(all.map((s) => s.id));
  });
});

describe('LRS connection as typed', () => {
  it('accepts an http(s) endpoint, adds the slash and takes off a trailing statements resource', () => {
    expect(normaliseEndpoint(' https://lrs.example.org/xapi ')).toBe('https://lrs.example.org/xapi/');
    expect(normaliseEndpoint('https://lrs.example.org/data/xAPI/statements')).toBe('https://lrs.example.org/data/xAPI/');
    for (const bad of ['lrs.example.org/xapi', 'ftp://lrs.example.org/', 'https://lrs.example.org/xapi/?x=1', 'javascript:alert(1)', 'https://u:p@lrs.example.org/'])
      expect(normaliseEndpoint(bad)).toBeNull();
  });

  it('turns key:secret into Basic credentials and keeps a ready header value', () => {
    expect(authorizationFor('reader:secret')).toBe(`Basic ${Buffer.from('reader:secret').toString('base64')}`);
    expect(authorizationFor('clé:sécret')).toBe(`Basic ${Buffer.from('clé:sécret', 'utf8').toString('base64')}`);
    expect(authorizationFor('Basic cmVhZGVyOnNlY3JldA==')).toBe('Basic cmVhZGVyOnNlY3JldA==');
    expect(authorizationFor('basic cmVhZGVyOnNlY3JldA==')).toBe('Basic cmVhZGVyOnNlY3JldA==');
    expect(authorizationFor('cmVhZGVyOnNlY3JldA==')).toBe('Basic cmVhZGVyOnNlY3JldA==');
  });

  it('names everything missing or wrong', () => {
    expect(readConnection('', 'k:s')).toEqual({ ok: false, problems: ['endpoint-missing'] });
    expect(readConnection('not a url', '')).toEqual({ ok: false, problems: ['endpoint-invalid', 'key-missing'] });
    expect(readConnection('https://lrs.example.org/xapi/', ' ')).toEqual({ ok: false, problems: ['key-missing'] });
    expect(readConnection('https://lrs.example.org/xapi/', 'k:s')).toMatchObject({ ok: true, value: { endpoint: 'https://lrs.example.org/xapi/' } });
  });
});
