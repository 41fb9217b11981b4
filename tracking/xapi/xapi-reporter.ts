import type { CourseData, LessonData } from '../course-data.js';
import type { UnitResult } from '../learner-state.js';
import type { AnsweredQuestion, CriterionProgress } from '../tracker.js';
import type { LrsClient } from './lrs-client.js';
import { StatementFactory, type StatementSettings } from './statement-factory.js';
import type { StatementQueue } from './statement-queue.js';

/**
 * Turns the player's learning events into xAPI statements and queues them for the LRS.
 * The same rules serve SCORM-with-xAPI and cmi5: completed once, when the unit is first
 * completed; passed as soon as the unit is passed; failed only when a session ends with the unit
 * failed; at most one passed or failed a session; nothing but the session statements outside
 * normal mode.
 */
export class XapiReporter {
  readonly factory: StatementFactory;
  private readonly started = Date.now();
  private baseline: UnitResult | null = null;
  private judgedThisSession = false;
  private pendingFailure: { score: number } | null = null;
  private lessonsThisSession = new Set<string>();
  private ended = false;

  constructor(
    course: CourseData,
    private readonly queue: StatementQueue,
    private readonly client: LrsClient,
    settings: StatementSettings,
    private readonly options: { cmi5: boolean; tracking: boolean; passMark: number },
  ) {
    this.factory = new StatementFactory(course, settings);
  }

  private get sessionMs(): number {
    return Date.now() - this.started;
  }

  begin(resumed: boolean): void {
    this.queue.enqueue(this.factory.session(resumed && !this.options.cmi5 ? 'resumed' : 'initialized'));
  }

  lesson(lesson: LessonData): void {
    if (!this.options.tracking || this.lessonsThisSession.has(lesson.id)) return;
    this.lessonsThisSession.add(lesson.id);
    this.queue.enqueue(this.factory.lessonExperienced(lesson));
  }

  answer(a: AnsweredQuestion): void {
    if (this.options.tracking) this.queue.enqueue(this.factory.answered(a, a.outcome));
  }

  criterion(c: CriterionProgress): void {
    if (!this.options.tracking || c.attemptScore === undefined) return;
    this.queue.enqueue(this.factory.criterionJudged(c.code, c.outcome, c.attemptScore, c.attemptScore >= this.options.passMark));
  }

  result(r: UnitResult): void {
    const before = this.baseline;
    this.baseline = r;
    if (!before || !this.options.tracking) return; // the first report is where the session starts from
    if (before.completion !== 'completed' && r.completion === 'completed') this.queue.enqueue(this.factory.unitCompleted(this.sessionMs));
    if (r.success === 'passed' && before.success !== 'passed' && !this.judgedThisSession) {
      this.judgedThisSession = true;
      this.pendingFailure = null;
      this.queue.enqueue(this.factory.unitJudged(true, r.scoreRaw ?? 0, this.sessionMs, this.options.passMark / 100));
    } else if (r.success === 'failed') this.pendingFailure = { score: r.scoreRaw ?? 0 };
  }

  /** Sends what is queued now (the page is being hidden, say), without waiting. */
  send(): void {
    void this.queue.flush();
  }

  /** Ends the session: a pending failure, suspended (SCORM, when incomplete), terminated; then sends with keepalive. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (this.pendingFailure && !this.judgedThisSession && this.options.tracking) {
      this.judgedThisSession = true;
      this.queue.enqueue(this.factory.unitJudged(false, this.pendingFailure.score, this.sessionMs, this.options.passMark / 100));
    }
    if (!this.options.cmi5 && this.baseline?.completion !== 'completed') this.queue.enqueue(this.factory.session('suspended', this.sessionMs));
    this.queue.enqueue(this.factory.session('terminated', this.sessionMs));
    this.client.pageLeaving();
    await this.queue.flush();
  }
}
