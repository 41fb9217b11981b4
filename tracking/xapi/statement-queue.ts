import type { Statement } from '@xapi/xapi';
import { KEEPALIVE_MAX_BYTES, type SendOutcome } from './lrs-client.js';
import { CMI5 } from './vocabulary.js';

/** Where queued statements are kept between page loads. */
export interface QueueStore {
  load(): QueuedStatement[];
  save(entries: QueuedStatement[]): boolean;
}

export interface QueuedStatement {
  /** The LRS the statement is for: it is never sent anywhere else. */
  endpoint: string;
  statement: Statement;
  /**
   * pending: to be sent. held: refused while nothing else got through, so the refusal may be the
   * connection's (a cmi5 session the LMS has closed, say): kept, and offered again at the next launch.
   * set-aside: refused while other statements got through: kept for the learner to see, never resent.
   */
  state?: 'pending' | 'held' | 'set-aside';
  /** Why the LRS refused it (status and the reason it gave), for held and set-aside statements. */
  refusal?: { status: number; reason?: string };
  /** Sent as the page closed, with no answer seen: the LRS probably has it. */
  unconfirmed?: boolean;
}

/** The statements one queue sends: one LRS, and within it one registration and cmi5 session. */
export interface QueueScope {
  endpoint: string;
  registration: string;
  /** The cmi5 session id; absent for SCORM packages reporting to an LRS. */
  session?: string;
}

/** Keeps the queue in localStorage (per unit); falls back to memory where storage is blocked or full. */
export function browserQueueStore(key: string, storage: () => Storage | null = () => globalThis.localStorage ?? null): QueueStore & { durable(): boolean } {
  let memory: QueuedStatement[] = [];
  let durable = true;
  return {
    load() {
      try {
        const text = storage()?.getItem(key);
        if (text) memory = JSON.parse(text) as QueuedStatement[];
      } catch {
        durable = false;
      }
      return memory;
    },
    save(entries) {
      memory = entries;
      try {
        const s = storage();
        if (!s) throw new Error('no storage');
        if (entries.length) s.setItem(key, JSON.stringify(entries));
        else s.removeItem(key);
        durable = true;
      } catch {
        durable = false;
      }
      return durable;
    },
    durable: () => durable,
  };
}

/** Backoff between retries in milliseconds (the last repeats), before jitter. */
export const BACKOFF_MS = [1000, 2000, 5000, 10000, 30000, 60000];
/** Most statements in one POST. */
export const BATCH_SIZE = 25;
/** Most bytes in one POST, so a batch also fits a closing page's keepalive budget. */
export const BATCH_BYTES = 48000;

const sessionOf = (s: Statement): string | undefined => {
  const v = s.context?.extensions?.[CMI5.sessionId];
  return typeof v === 'string' ? v : undefined;
};
const bytes = (s: Statement): number => new TextEncoder().encode(JSON.stringify(s)).length + 1;
/** A session's first statement goes alone, and nothing follows it until the LRS has it (cmi5 9.3.0.0-4). */
const isSessionStart = (s: Statement): boolean => s.verb.id === 'http://adlnet.gov/expapi/verbs/initialized';

/** What to do with a statement left from an earlier session of the same registration. */
export type Adoption = { reissue: Statement } | 'keep' | 'drop';

/**
 * A durable outbox of statements for one LRS, registration and session. Statements are saved
 * before any attempt to send them, sent in order in small batches, retried with backoff while
 * the LRS is down, slow or busy, and removed only once the LRS has them. Ids are fixed when a
 * statement is made, so a resend after a lost reply cannot duplicate it. A refusal is not
 * retried blindly: the batch is split to find the statement refused, the rest go on, and the
 * refused one is kept (held, or set aside for the learner to see), never dropped. The learner
 * never waits for any of this.
 */
export class StatementQueue {
  private entries: QueuedStatement[];
  private sending: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private listeners: (() => void)[] = [];
  private readonly inFlight = new Set<string>();
  /** Statement ids of a refused batch, now sent one at a time to find the one refused. */
  private readonly probing = new Set<string>();
  private maxBatch = BATCH_SIZE;

  constructor(
    private readonly scope: QueueScope,
    private readonly store: QueueStore,
    private readonly send: (batch: Statement[]) => Promise<SendOutcome>,
    private readonly random: () => number = Math.random,
  ) {
    // A new launch is a new chance for statements held in an earlier one of the same scope.
    this.entries = store.load().map((e) => (this.inScope(e) && e.state === 'held' ? { ...e, state: 'pending' as const } : e));
  }

  private inScope(e: QueuedStatement): boolean {
    return e.endpoint === this.scope.endpoint && e.statement.context?.registration === this.scope.registration && sessionOf(e.statement) === this.scope.session;
  }

  private sendable(e: QueuedStatement): boolean {
    return this.inScope(e) && (e.state ?? 'pending') === 'pending' && !this.inFlight.has(e.statement.id!);
  }

  /** Statements waiting to be sent to this queue's LRS. */
  get pending(): number {
    return this.entries.filter((e) => this.inScope(e) && (e.state ?? 'pending') === 'pending').length;
  }

  /** Statements the LRS refused while accepting others: kept here for the learner to see. */
  get setAside(): QueuedStatement[] {
    return this.entries.filter((e) => e.endpoint === this.scope.endpoint && e.statement.context?.registration === this.scope.registration && e.state === 'set-aside');
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  enqueue(...statements: Statement[]): void {
    this.entries = [...this.entries, ...statements.map((statement) => ({ endpoint: this.scope.endpoint, statement }))];
    this.save();
    this.schedule(0);
  }

  /**
   * Offers each statement left from an earlier cmi5 session of this registration (one the LMS has
   * since abandoned, or closed before its statements went out) to `decide`: re-issued in this
   * session, kept for a later one, or dropped. Re-issued statements keep their ids.
   */
  adopt(decide: (s: Statement) => Adoption): number {
    let reissued = 0;
    const next: QueuedStatement[] = [];
    const adopted: QueuedStatement[] = [];
    for (const e of this.entries) {
      const earlier =
        e.endpoint === this.scope.endpoint &&
        e.statement.context?.registration === this.scope.registration &&
        sessionOf(e.statement) !== this.scope.session &&
        e.state !== 'set-aside';
      if (!earlier) {
        next.push(e);
        continue;
      }
      const d = decide(e.statement);
      if (d === 'keep') next.push(e);
      else if (d !== 'drop') {
        adopted.push({ endpoint: e.endpoint, statement: d.reissue, ...(e.unconfirmed ? { unconfirmed: true } : {}) });
        reissued++;
      }
    }
    this.entries = [...next, ...adopted];
    this.save();
    if (reissued) this.schedule(0);
    return reissued;
  }

  /** Sends everything pending now (or joins the send under way); resolves when this round ends. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.sending ??= this.drain().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  /**
   * The page is closing: sends what is pending, oldest first, in as many batches as a closing page
   * may have in flight (a browser refuses keepalive requests beyond 64 KiB in all), without
   * waiting for any answer. What the LRS confirms is removed; what was sent stays, marked as sent,
   * and what could not go stays pending, both for the next launch to send.
   */
  leave(): void {
    clearTimeout(this.timer);
    const batches: QueuedStatement[][] = [];
    let budget = KEEPALIVE_MAX_BYTES;
    for (const batch of this.batches(this.entries.filter((e) => this.sendable(e)), Infinity)) {
      const n = batch.reduce((sum, e) => sum + bytes(e.statement), 0);
      if (n > budget) break;
      budget -= n;
      batches.push(batch);
    }
    for (const batch of batches) {
      for (const e of batch) {
        this.inFlight.add(e.statement.id!);
        e.unconfirmed = true;
      }
    }
    this.save();
    for (const batch of batches) {
      void this.send(batch.map((e) => e.statement)).then((outcome) => {
        for (const e of batch) this.inFlight.delete(e.statement.id!);
        if (outcome.kind === 'delivered') this.remove(batch);
      });
    }
  }

  /** Cuts entries into batches: at most `max` statements and BATCH_BYTES each; a session start goes alone. */
  private batches(entries: QueuedStatement[], max: number): QueuedStatement[][] {
    const out: QueuedStatement[][] = [];
    let batch: QueuedStatement[] = [];
    let size = 0;
    for (const e of entries) {
      const n = bytes(e.statement);
      const alone = isSessionStart(e.statement) || this.probing.has(e.statement.id!);
      if (batch.length && (alone || batch.length >= Math.min(max, BATCH_SIZE) || size + n > Math.min(BATCH_BYTES, KEEPALIVE_MAX_BYTES))) {
        out.push(batch);
        batch = [];
        size = 0;
      }
      batch.push(e);
      size += n;
      if (alone) {
        out.push(batch);
        batch = [];
        size = 0;
      }
    }
    if (batch.length) out.push(batch);
    return out;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const entries = this.entries.filter((e) => this.sendable(e));
      const batch = this.batches(entries, this.maxBatch)[0];
      if (!batch) return;
      // Nothing goes out behind a session start the LRS does not have yet.
      const start = this.entries.find((e) => this.inScope(e) && isSessionStart(e.statement) && this.inFlight.has(e.statement.id!));
      if (start) return;
      for (const e of batch) this.inFlight.add(e.statement.id!);
      const outcome = await this.send(batch.map((e) => e.statement));
      for (const e of batch) this.inFlight.delete(e.statement.id!);
      switch (outcome.kind) {
        case 'retry': {
          this.failures++;
          const base = BACKOFF_MS[Math.min(this.failures - 1, BACKOFF_MS.length - 1)]!;
          this.schedule(Math.max(outcome.retryAfterMs ?? 0, base * (0.75 + 0.5 * this.random())));
          return;
        }
        case 'delivered':
          this.failures = 0;
          this.maxBatch = BATCH_SIZE;
          for (const e of batch) this.probing.delete(e.statement.id!);
          this.remove(batch);
          // Something got through, so what was refused before was refused for itself.
          this.setAsideHeld();
          continue;
        case 'too-large':
          if (batch.length > 1) {
            this.maxBatch = Math.max(1, Math.floor(batch.length / 2));
            continue;
          }
          this.hold(batch[0]!, { status: 413 });
          continue;
        case 'refused':
          if (batch.length > 1) {
            // Find the statement refused: send this batch's statements one at a time.
            for (const e of batch) this.probing.add(e.statement.id!);
            continue;
          }
          this.probing.delete(batch[0]!.statement.id!);
          this.hold(batch[0]!, { status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}) });
          continue;
      }
    }
  }

  private hold(entry: QueuedStatement, refusal: QueuedStatement['refusal']): void {
    const id = entry.statement.id;
    this.entries = this.entries.map((e) => (e.statement.id === id && this.inScope(e) ? { ...e, state: 'held' as const, refusal } : e));
    console.warn(`The learning record store refused statement ${id} (${refusal!.status}${refusal!.reason ? `: ${refusal!.reason}` : ''})`);
    this.save();
  }

  /** Held statements of this scope are set aside: the connection works, so they were refused for themselves. */
  private setAsideHeld(): void {
    if (!this.entries.some((e) => this.inScope(e) && e.state === 'held')) return;
    this.entries = this.entries.map((e) => (this.inScope(e) && e.state === 'held' ? { ...e, state: 'set-aside' as const } : e));
    this.save();
  }

  private remove(batch: QueuedStatement[]): void {
    const ids = new Set(batch.map((e) => e.statement.id));
    this.entries = this.entries.filter((e) => !(this.inScope(e) && ids.has(e.statement.id)));
    this.save();
  }

  private save(): void {
    this.store.save(this.entries);
    for (const l of this.listeners) l();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }
}
