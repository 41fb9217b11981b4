import type { LessonData } from './learner-model/course-data.js';
import type { UnitResult } from './learner-model/learner-state.js';
import type { AnsweredQuestion, CriterionProgress, LaunchData, RefusedRecord, SaveStatus, Tracker } from './tracker.js';

/**
 * Keeps, in this browser, a copy of the learner's state from the moment it is saved until the
 * LMS has confirmed it. A save the LMS refused, an LMS that went away, or a tab closed before
 * the last save arrived never loses progress: the next launch in this browser finds the copy
 * (`LaunchData.unsavedState`) and the player merges it with what the LMS kept. The copy is per
 * unit, standard, learner and registration, and is removed once the LMS has the state.
 */
export class TrackerWithBackup implements Tracker {
  readonly standard;
  private key: string | null = null;
  /** The state last written to the copy, not yet confirmed by the LMS. */
  private unconfirmed: string | null = null;

  constructor(
    private readonly primary: Tracker,
    private readonly unitId: string,
    private readonly storage: () => Storage | null = () => globalThis.localStorage ?? null,
  ) {
    this.standard = primary.standard;
  }

  async start(): Promise<LaunchData> {
    const launch = await this.primary.start();
    if (launch.mode !== 'normal') return launch;
    this.key = `ccl-unsaved-state:${this.unitId}:${this.standard}:${launch.learnerId ?? ''}:${launch.registration ?? ''}`;
    const copy = this.read();
    return copy ? { ...launch, unsavedState: copy } : launch;
  }

  saveState(location: string, suspendData: string): void {
    this.primary.saveState(location, suspendData);
    if (!this.key) return;
    this.unconfirmed = suspendData;
    this.write(suspendData);
  }

  async flush(): Promise<boolean> {
    const sent = this.unconfirmed;
    const ok = await this.primary.flush();
    // Only what was saved before this flush is confirmed by it; a newer state keeps its copy.
    if (ok && sent !== null && this.unconfirmed === sent) {
      this.unconfirmed = null;
      this.write(null);
    }
    return ok;
  }

  recordAnswer(answer: AnsweredQuestion): void {
    this.primary.recordAnswer(answer);
  }
  recordLesson(lesson: LessonData): void {
    this.primary.recordLesson(lesson);
  }
  setCriterion(criterion: CriterionProgress): void {
    this.primary.setCriterion(criterion);
  }
  setResult(result: UnitResult, passMark: number): void {
    this.primary.setResult(result, passMark);
  }
  finish(): Promise<void> {
    return this.primary.finish();
  }
  leave(): void {
    this.primary.leave();
  }
  onStatus(listener: (status: SaveStatus) => void): void {
    this.primary.onStatus(listener);
  }
  refused(): RefusedRecord[] {
    return this.primary.refused();
  }
  onRefusedChange(listener: () => void): void {
    this.primary.onRefusedChange(listener);
  }

  private read(): string | undefined {
    try {
      return this.storage()?.getItem(this.key!) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private write(value: string | null): void {
    try {
      const s = this.storage();
      if (!s || !this.key) return;
      if (value === null) s.removeItem(this.key);
      else s.setItem(this.key, value);
    } catch {
      // Storage blocked or full: the LMS copy is all there is.
    }
  }
}
