import type { Statement } from '@xapi/xapi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { record } from '../../tests/support/fault-ledger.js';
import { KEEPALIVE_MAX_BYTES, classify, type SendOutcome } from './lrs-client.js';
import { BACKOFF_MS, BATCH_BYTES, BATCH_SIZE, StatementQueue, type QueueScope, type QueueStore, type QueuedStatement } from './statement-queue.js';
import { newUuid } from './uuid.js';
import { CMI5, VERBS } from './vocabulary.js';

const E = 'https://lrs.example.org/xapi/';
const REG = '6f1c3a52-2d3b-4b8e-9a51-0c1d2e3f4a5b';
const scope: QueueScope = { endpoint: E, registration: REG };

const statement = (n: number, options: { verb?: string; session?: string; registration?: string; padding?: number } = {}): Statement => ({
  id: newUuid(),
  actor: { mbox: 'mailto:learner@example.org' },
  verb: { id: options.verb ?? VERBS.experienced },
  object: { id: `https://example.org/a/${n}`, ...(options.padding ? { definition: { description: { 'en-GB': 'x'.repeat(options.padding) } } } : {}) },
  context: {
    registration: options.registration ?? REG,
    ...(options.session ? { extensions: { [CMI5.sessionId]: options.session } } : {}),
  },
});

/** A store that outlives queues, as localStorage outlives a page. */
function memoryStore(): QueueStore & { entries: QueuedStatement[] } {
  const store = {
    entries: [] as QueuedStatement[],
    load: () => JSON.parse(JSON.stringify(store.entries)) as QueuedStatement[],
    save: (e: QueuedStatement[]) => {
      store.entries = JSON.parse(JSON.stringify(e)) as QueuedStatement[];
      return true;
    },
  };
  return store;
}

/** An LRS that answers with the scripted outcomes in turn, then delivers; it records what it stored. */
function scriptedLrs(script: SendOutcome[]) {
  const stored = new Map<string, number>();
  const send = vi.fn(async (batch: Statement[]): Promise<SendOutcome> => {
    const next = script.shift() ?? { kind: 'delivered' };
    if (next.kind === 'delivered') for (const s of batch) stored.set(s.id!, (stored.get(s.id!) ?? 0) + 1);
    return next;
  });
  return { send, stored };
}

const sentIds = (send: ReturnType<typeof vi.fn>) => (send.mock.calls as [Statement[]][]).map((c) => c[0].map((s) => s.id));

describe('statement queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sends in order, in batches of at most 25 statements and 48 kB, and removes only what the LRS has', async () => {
    const store = memoryStore();
    const lrs = scriptedLrs([]);
    const q = new StatementQueue(scope, store, lrs.send, () => 0.5);
    const small = Array.from({ length: 60 }, (_, i) => statement(i));
    const large = Array.from({ length: 4 }, (_, i) => statement(100 + i, { padding: 20000 }));
    q.enqueue(...small, ...large);
    await q.flush();
    const batches = lrs.send.mock.calls.map((c) => c[0] as Statement[]);
    expect(batches.map((b) => b.length)).toEqual([25, 25, 12, 2]); // the last small ones share a batch with two large ones
    for (const b of batches) expect(b.length <= BATCH_SIZE && JSON.stringify(b).length <= BATCH_BYTES).toBe(true);
    expect(batches.flat().map((s) => s.id)).toEqual([...small, ...large].map((s) => s.id));
    expect(lrs.stored.size).toBe(64);
    expect(store.entries).toEqual([]);
  });

  it.each([
    ['down (network error)', { kind: 'retry' } as SendOutcome],
    ['answering 500', classify(500)],
    ['answering 408', classify(408)],
    ['answering 429 with Retry-After', classify(429, { 'retry-after': '3' })],
    ['refusing the key (401)', classify(401)],
  ])('keeps statements while the LRS is %s, then delivers each exactly once', async (_, failure) => {
    const store = memoryStore();
    const lrs = scriptedLrs([failure, failure, failure]);
    const q = new StatementQueue(scope, store, lrs.send, () => 0.5);
    const batch = [statement(1), statement(2), statement(3)];
    q.enqueue(...batch);
    await q.flush();
    expect(q.pending).toBe(3);
    expect(store.entries).toHaveLength(3);
    for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(Math.max(BACKOFF_MS[i]! * 1.25, failure.kind === 'retry' ? (failure.retryAfterMs ?? 0) : 0) + 1);
    expect(q.pending).toBe(0);
    expect([...lrs.stored.entries()]).toEqual(batch.map((s) => [s.id, 1]));
    record({
      faultsInjected: 3,
      statementsLost: batch.filter((s) => !lrs.stored.has(s.id!)).length,
      statementsDuplicated: [...lrs.stored.values()].filter((n) => n > 1).length,
    });
  });

  it('survives a reload: a new queue on the same store sends what the old one could not', async () => {
    const store = memoryStore();
    const first = new StatementQueue(scope, store, scriptedLrs([{ kind: 'retry' }]).send, () => 0.5);
    const s = statement(1);
    first.enqueue(s);
    await first.flush();
    const lrs = scriptedLrs([]);
    const second = new StatementQueue(scope, store, lrs.send, () => 0.5);
    expect(second.pending).toBe(1);
    await second.flush();
    expect([...lrs.stored.keys()]).toEqual([s.id]);
  });

  it('finds the statement an LRS refuses (400, 403 …) by sending the batch one at a time: the rest go on, it is set aside, never resent', async () => {
    expect(classify(409)).toEqual({ kind: 'delivered' });
    expect(classify(403, {}, JSON.stringify({ message: 'no', violatedReqId: '9.3.0.0-2' }))).toEqual({ kind: 'refused', status: 403, reason: '9.3.0.0-2' });
    const store = memoryStore();
    const good = [statement(1), statement(2)];
    const bad = statement(3);
    const stored = new Set<string>();
    const send = vi.fn(async (batch: Statement[]): Promise<SendOutcome> => {
      if (batch.some((s) => s.id === bad.id)) return { kind: 'refused', status: 403, reason: '9.3.0.0-2' };
      for (const s of batch) stored.add(s.id!);
      return { kind: 'delivered' };
    });
    const q = new StatementQueue(scope, store, send, () => 0.5);
    q.enqueue(good[0]!, bad, good[1]!);
    await q.flush();
    expect(q.pending).toBe(0);
    expect([...stored]).toEqual(good.map((s) => s.id));
    expect(q.setAside.map((e) => [e.statement.id, e.refusal])).toEqual([[bad.id, { status: 403, reason: '9.3.0.0-2' }]]);
    // A later statement goes without the refused one; a reload does not resend it either.
    const later = statement(4);
    q.enqueue(later);
    await q.flush();
    const again = new StatementQueue(scope, store, send, () => 0.5);
    await again.flush();
    expect(sentIds(send).filter((b) => b.includes(bad.id)).length).toBe(2); // in the batch, then alone: no more
    expect(again.setAside).toHaveLength(1);
    record({ faultsInjected: 1, statementsLost: good.filter((s) => !stored.has(s.id!)).length + (again.setAside.length === 1 ? 0 : 1) });
  });

  it('when the LRS refuses everything (a cmi5 session the LMS closed), holds it all: no loop, nothing set aside', async () => {
    const store = memoryStore();
    const send = vi.fn(async (): Promise<SendOutcome> => ({ kind: 'refused', status: 403, reason: '8.1.2.0-2' }));
    const q = new StatementQueue({ ...scope, session: 's1' }, store, send, () => 0.5);
    const batch = [statement(1, { session: 's1' }), statement(2, { session: 's1' }), statement(3, { session: 's1' })];
    q.enqueue(...batch);
    await q.flush();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(send).toHaveBeenCalledTimes(4); // the batch, then each alone, once
    expect(q.setAside).toEqual([]);
    expect(store.entries.map((e) => e.state)).toEqual(['held', 'held', 'held']);
    // The next session of the registration is offered them.
    const next = new StatementQueue({ ...scope, session: 's2' }, store, scriptedLrs([]).send, () => 0.5);
    const offered: string[] = [];
    expect(next.adopt((s) => (offered.push(s.id!), { reissue: { ...s, context: { ...s.context, extensions: { [CMI5.sessionId]: 's2' } } } }))).toBe(3);
    expect(offered).toEqual(batch.map((s) => s.id));
    expect(next.pending).toBe(3);
  });

  it('sends a session start alone and nothing after it until the LRS has it', async () => {
    const store = memoryStore();
    const lrs = scriptedLrs([{ kind: 'retry' }]);
    const q = new StatementQueue(scope, store, lrs.send, () => 0.5);
    const init = statement(0, { verb: VERBS.initialized });
    const rest = [statement(1), statement(2)];
    q.enqueue(init, ...rest);
    await q.flush();
    expect(sentIds(lrs.send)).toEqual([[init.id]]);
    await vi.advanceTimersByTimeAsync(BACKOFF_MS[0]! * 1.25 + 1);
    expect(sentIds(lrs.send)).toEqual([[init.id], [init.id], rest.map((s) => s.id)]);
  });

  it('halves the batch when the LRS says the request is too large (413)', async () => {
    const store = memoryStore();
    const lrs = scriptedLrs([{ kind: 'too-large' }]);
    const q = new StatementQueue(scope, store, lrs.send, () => 0.5);
    q.enqueue(...Array.from({ length: 20 }, (_, i) => statement(i)));
    await q.flush();
    expect(lrs.send.mock.calls.map((c) => (c[0] as Statement[]).length)).toEqual([20, 10, 10]);
    expect(lrs.stored.size).toBe(20);
  });

  it('never sends statements queued for another LRS, registration or cmi5 session', async () => {
    const store = memoryStore();
    store.entries = [
      { endpoint: 'https://other.example.org/xapi/', statement: statement(9) },
      { endpoint: E, statement: statement(8, { registration: '00000000-0000-4000-8000-000000000000' }) },
      { endpoint: E, statement: statement(7, { session: 'old' }) },
    ];
    const lrs = scriptedLrs([]);
    const q = new StatementQueue({ ...scope, session: 'new' }, store, lrs.send, () => 0.5);
    q.enqueue(statement(1, { session: 'new' }));
    await q.flush();
    expect(lrs.send.mock.calls.flat().flat().map((s) => (s as Statement).object)).toEqual([{ id: 'https://example.org/a/1' }]);
    expect(store.entries).toHaveLength(3);
  });

  it('as the page closes, sends everything pending at once without waiting, marked for the next launch until confirmed', async () => {
    const store = memoryStore();
    let answer: (o: SendOutcome) => void = () => {};
    const send = vi.fn((): Promise<SendOutcome> => new Promise((r) => (answer = r)));
    const q = new StatementQueue(scope, store, send, () => 0.5);
    q.enqueue(statement(1));
    void q.flush(); // in flight, no answer yet
    q.enqueue(statement(2), statement(3, { verb: VERBS.terminated }));
    q.leave();
    expect(send).toHaveBeenCalledTimes(2);
    expect((send.mock.calls[1] as unknown as [Statement[]])[0].map((s) => s.verb.id)).toEqual([VERBS.experienced, VERBS.terminated]);
    expect(store.entries.filter((e) => e.unconfirmed)).toHaveLength(2);
    answer({ kind: 'delivered' });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.entries.length).toBeLessThan(3);
  });

  it('as the page closes, sends no more than a browser lets a closing page have in flight: the rest waits for the next launch', async () => {
    const store = memoryStore();
    const send = vi.fn((): Promise<SendOutcome> => new Promise(() => {}));
    const q = new StatementQueue(scope, store, send, () => 0.5);
    // Five batches of about 20 kB: a browser refuses keepalive requests past 64 KiB in all.
    const large = Array.from({ length: 10 }, (_, i) => statement(200 + i, { padding: 9000 }));
    q.enqueue(...large);
    send.mockClear();
    q.leave();
    const sent = send.mock.calls.map((c) => (c as unknown as [Statement[]])[0]);
    const bytes = sent.flat().reduce((n, st) => n + JSON.stringify(st).length, 0);
    expect(bytes).toBeLessThanOrEqual(KEEPALIVE_MAX_BYTES);
    expect(sent.flat().length).toBeLessThan(large.length);
    // Oldest first, and what could not go is still pending, not marked as sent.
    expect(sent.flat().map((st) => st.id)).toEqual(large.slice(0, sent.flat().length).map((st) => st.id));
    expect(store.entries).toHaveLength(large.length);
    expect(store.entries.filter((e) => !e.unconfirmed)).toHaveLength(large.length - sent.flat().length);
  });
});
