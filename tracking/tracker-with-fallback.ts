import type { LessonData } from './learner-model/course-data.js';
import type { UnitResult } from './learner-model/learner-state.js';
import type { AnsweredQuestion, CriterionProgress, LaunchData, RefusedRecord, SaveStatus, Tracker } from './tracker.js';

/**
 * Uses the primary tracker, or the fallback when the primary cannot start (a cmi5 launch whose
 * token or launch data cannot be had, say): the learner can still study, and is told why their
 * progress is kept only in this browser.
 */
export class TrackerWithFallback implements Tracker {
  private active: Tracker;
  constructor(
    primary: Tracker,
    /** The fallback, made (and its code loaded) only when the primary cannot start. */
    private readonly fallback: () => Promise<Tracker>,
  ) {
    this.active = primary;
  }

  get standard() {
    return this.active.standard;
  }

  async start(): Promise<LaunchData> {
    try {
      return await this.active.start();
    } catch (e) {
      console.warn('Launch failed; falling back', e);
      this.active = await this.fallback();
      return { ...(await this.active.start()), notice: { kind: 'lms-unreachable' } };
    }
  }
  saveState(location: string, suspendData: string): void {
    this.active.saveState(location, suspendData);
  }
  recordAnswer(answer: AnsweredQuestion): void {
    this.active.recordAnswer(answer);
  }
  recordLesson(lesson: LessonData): void {
    this.active.recordLesson(lesson);
  }
  setCriterion(criterion: CriterionProgress): void {
    this.active.setCriterion(criterion);
  }
  setResult(result: UnitResult, passMark: number): void {
    this.active.setResult(result, passMark);
  }
  flush(): Promise<boolean> {
    return this.active.flush();
  }
  finish(): Promise<void> {
    return this.active.finish();
  }
  leave(): void {
    this.active.leave();
  }
  refused(): RefusedRecord[] {
    return this.active.refused();
  }
  onRefusedChange(listener: () => void): void {
    this.active.onRefusedChange(listener);
  }
  onStatus(listener: (status: SaveStatus) => void): void {
    // Listeners follow whichever tracker is active when they subscribe (after start).
    this.active.onStatus(listener);
  }
}
