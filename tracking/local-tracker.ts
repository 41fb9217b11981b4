import { SaveStatusEmitter } from './save-status.js';
import type { AnsweredQuestion, LaunchData, RefusedRecord, SaveStatus, Tracker } from './tracker.js';

/**
 * Used when no LMS is found: keeps the learner's place in this browser's storage, or only in
 * memory when storage is blocked or full, and says which.
 */
export class LocalTracker implements Tracker {
  readonly standard = 'local' as const;
  private readonly status = new SaveStatusEmitter('local');
  private memory: string | undefined;
  private readonly key: string;

  constructor(
    unitId: string,
    private readonly storage: () => Storage | null = () => globalThis.localStorage ?? null,
  ) {
    this.key = `contact-centre-learning:${unitId}`;
  }

  async start(): Promise<LaunchData> {
    let saved: string | undefined;
    try {
      const storage = this.storage();
      saved = storage?.getItem(this.key) ?? undefined;
      if (!storage) this.status.set('memory');
    } catch {
      this.status.set('memory');
    }
    return { resumed: saved !== undefined, mode: 'normal', ...(saved ? { suspendData: saved } : {}) };
  }

  saveState(_location: string, suspendData: string): void {
    this.memory = suspendData;
  }

  recordAnswer(_answer: AnsweredQuestion): void {}
  recordLesson(): void {}
  setCriterion(): void {}
  setResult(): void {}

  async flush(): Promise<boolean> {
    if (this.memory === undefined) return true;
    try {
      const s = this.storage();
      if (!s) throw new Error('no storage');
      s.setItem(this.key, this.memory);
      this.status.set('local');
      return true;
    } catch {
      this.status.set('memory');
      return false;
    }
  }

  async finish(): Promise<void> {
    await this.flush();
  }

  leave(): void {
    void this.flush();
  }

  refused(): RefusedRecord[] {
    return [];
  }

  onRefusedChange(): void {}

  onStatus(listener: (status: SaveStatus) => void): void {
    this.status.listen(listener);
  }
}
