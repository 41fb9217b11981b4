import type { Statement } from '@xapi/xapi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classify, type SendOutcome } from '../../tracking/xapi/lrs-client.js';
import { BACKOFF_MS, StatementQueue, type QueueStore, type QueuedStatement } from '../../tracking/xapi/statement-queue.js';
import { newUuid } from '../../tracking/xapi/uuid.js';
import { record } from '../support/fault-ledger.js';

const statement = (n: number): Statement => ({
  id: newUuid(),
  actor: { mbox: 'mailto:learner@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
  object: { id: `https://example.org/a/${n}` },
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

describe('statement queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const E = 'https://lrs.example.org/xapi/';

  it('sends in batches and removes only what the LRS has', async () => {
    const store = memoryStore();
    const lrs = scriptedLrs([]);
    const q = new StatementQueue(E, store, lrs.send, () => 0.5);
    const all = Array.from({ length: 120 }, (_, i) => statement(i));
    q.enqueue(...all);
    await q.flush();
    expect(lrs.send.mock.calls.map((c) => c[0].length)).toEqual([50, 50, 20]);
    expect([...lrs.stored.values()].every((n) => n === 1)).toBe(true);
    expect(lrs.stored.size).toBe(120);
    expect(store.entries).toEqual([]);
  });

  it.each([
    ['down (network error)', { kind: 'retry' } as SendOutcome],
    ['answering 500', classify(500)],
    ['answering 429 with Retry-After', classify(429, { 'retry-after': '3' })],
    ['answering 401', classify(401)],
  ])('keeps statements while the LRS is %s, then delivers each exactly once', async (_, failure) => {
    const store = memoryStore();
    const lrs = scriptedLrs([failure, failure, failure]);
    const q = new StatementQueue(E, store, lrs.send, () => 0.5);
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
    const first = new StatementQueue(E, store, scriptedLrs([{ kind: 'retry' }]).send, () => 0.5);
    const s = statement(1);
    first.enqueue(s);
    await first.flush();
    const lrs = scriptedLrs([]);
    const second = new StatementQueue(E, store, lrs.send, () => 0.5);
    expect(second.pending).toBe(1);
    await second.flush();
    expect([...lrs.stored.keys()]).toEqual([s.id]);
  });

  it('treats 409 (already stored) as delivered, and sets aside a statement the LRS rejects as invalid', async () => {
    expect(classify(409)).toEqual({ kind: 'delivered' });
    const store = memoryStore();
    const good = statement(1);
    const bad = statement(2);
    const send = vi.fn(async (batch: Statement[]): Promise<SendOutcome> => (batch.some((s) => s.id === bad.id) ? { kind: 'rejected', status: 400 } : { kind: 'delivered' }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const q = new StatementQueue(E, store, send, () => 0.5);
    q.enqueue(good, bad);
    await q.flush();
    expect(q.pending).toBe(0);
    expect(q.rejected.map((s) => s.id)).toEqual([bad.id]);
    expect(send.mock.calls.flat().flat().filter((s) => s.id === good.id)).toHaveLength(2); // once in the batch, once alone
  });

  it('never sends statements queued for another LRS', async () => {
    const store = memoryStore();
    store.entries = [{ endpoint: 'https://other.example.org/xapi/', statement: statement(9) }];
    const lrs = scriptedLrs([]);
    const q = new StatementQueue(E, store, lrs.send, () => 0.5);
    q.enqueue(statement(1));
    await q.flush();
    expect(lrs.send.mock.calls.flat().flat().map((s) => s.object)).toEqual([{ id: 'https://example.org/a/1' }]);
    expect(store.entries.map((e) => e.endpoint)).toEqual(['https://other.example.org/xapi/']);
  });
});
