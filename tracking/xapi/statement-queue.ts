import type { Statement } from '@xapi/xapi';
import type { SendOutcome } from './lrs-client.js';

/** Where queued statements are kept between page loads. */
export interface QueueStore {
  load(): QueuedStatement[];
  save(entries: QueuedStatement[]): boolean;
}

export interface QueuedStatement {
  /** The LRS the statement is for: it is never sent anywhere else. */
  endpoint: string;
  statement: Statement;
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
export const BATCH_SIZE = 50;

/**
 * A durable outbox of statements for one LRS: statements are saved before any attempt to send
 * them, sent in batches, retried with backoff while the LRS is down, slow or refusing, and
 * removed only once the LRS has them. Ids are fixed when a statement is made, so a resend after
 * a lost reply cannot duplicate it. The learner never waits for any of this.
 */
export class StatementQueue {
  private entries: QueuedStatement[];
  private sending: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private listeners: (() => void)[] = [];
  /** Statements the LRS refused as invalid: kept for inspection, never resent. */
  readonly rejected: Statement[] = [];

  constructor(
    private readonly endpoint: string,
    private readonly store: QueueStore,
    private readonly send: (batch: Statement[]) => Promise<SendOutcome>,
    private readonly random: () => number = Math.random,
  ) {
    this.entries = store.load();
  }

  /** Statements waiting for this queue's LRS. */
  get pending(): number {
    return this.entries.filter((e) => e.endpoint === this.endpoint).length;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  enqueue(...statements: Statement[]): void {
    this.entries = [...this.entries, ...statements.map((statement) => ({ endpoint: this.endpoint, statement }))];
    this.store.save(this.entries);
    this.changed();
    this.schedule(0);
  }

  /** Sends everything pending now (or joins the send under way); resolves when this round ends. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.sending ??= this.drain().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = this.entries.filter((e) => e.endpoint === this.endpoint).slice(0, BATCH_SIZE).map((e) => e.statement);
      if (batch.length === 0) return;
      const outcome = await this.send(batch);
      if (outcome.kind === 'retry') {
        this.failures++;
        const base = BACKOFF_MS[Math.min(this.failures - 1, BACKOFF_MS.length - 1)]!;
        this.schedule(Math.max(outcome.retryAfterMs ?? 0, base * (0.75 + 0.5 * this.random())));
        return;
      }
      this.failures = 0;
      if (outcome.kind === 'rejected') {
        if (batch.length > 1) {
          // Find the bad statement: send the rest one by one.
          for (const s of batch) {
            const single = await this.send([s]);
            if (single.kind === 'retry') {
              this.failures++;
              this.schedule(BACKOFF_MS[0]!);
              return;
            }
            if (single.kind === 'rejected') this.reject(s);
            this.remove([s]);
          }
          continue;
        }
        this.reject(batch[0]!);
      }
      this.remove(batch);
    }
  }

  private reject(s: Statement): void {
    this.rejected.push(s);
    console.warn(`The learning record store refused statement ${s.id}`);
  }

  private remove(batch: Statement[]): void {
    const ids = new Set(batch.map((s) => s.id));
    this.entries = this.entries.filter((e) => !(e.endpoint === this.endpoint && ids.has(e.statement.id)));
    this.store.save(this.entries);
    this.changed();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
