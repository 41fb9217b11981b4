import type { Statement } from '@xapi/xapi';
import type { CourseData, LessonData } from '../learner-model/course-data.js';
import type { UnitResult } from '../learner-model/learner-state.js';
import type { AnsweredQuestion, CriterionProgress, RefusedRecord } from '../tracker.js';
import type { LrsClient } from './lrs-client.js';
import { StatementFactory, type StatementSettings } from './statement-factory.js';
import type { Adoption, StatementQueue } from './statement-queue.js';
import { CMI5, VERBS } from './vocabulary.js';

/**
 * Turns the player's learning events into xAPI statements and queues them for the LRS.
 * The same rules serve SCORM-with-xAPI and cmi5: completed once, when the unit is first
 * completed; passed as soon as the unit is passed; failed only when a session ends with the unit
 * failed; at most one passed or failed a session; nothing but the session statements outside
 * normal mode; terminated last, and nothing after it.
 */
export class XapiReporter {
  readonly factory: StatementFactory;
  private readonly started = Date.now();
  private baseline: UnitResult | null = null;
  private judgedThisSession = false;
  private completedKnown = false;
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
    if (this.options.cmi5) this.queue.adopt((s) => this.adoption(s));
  }

  /**
   * What becomes of a statement an earlier cmi5 session of this registration made but the LMS
   * never got (the page closed offline, or the LMS abandoned the session): evidence is re-issued
   * in this session; that session's own initialized and terminated, and a failed that only
   * closed it, are dropped (the LMS recorded it as abandoned); a completed or passed waits for a
   * session that may record it (Normal launch mode).
   */
  private adoption(s: Statement): Adoption {
    const verb = s.verb.id;
    const defined = s.context?.contextActivities?.category?.some((c) => c.id === CMI5.category) ?? false;
    if (!defined) return verb === VERBS.initialized || verb === VERBS.terminated ? 'drop' : { reissue: this.factory.reissue(s) };
    if (verb === VERBS.initialized || verb === VERBS.terminated || verb === VERBS.failed) return 'drop';
    if (!this.options.tracking) return 'keep';
    if (verb === VERBS.completed) {
      if (this.completedKnown) return 'drop';
      this.completedKnown = true;
    }
    if (verb === VERBS.passed) {
      if (this.judgedThisSession) return 'drop';
      this.judgedThisSession = true;
    }
    return { reissue: this.factory.reissue(s) };
  }

  lesson(lesson: LessonData): void {
    if (!this.options.tracking || this.ended || this.lessonsThisSession.has(lesson.id)) return;
    this.lessonsThisSession.add(lesson.id);
    this.queue.enqueue(this.factory.lessonExperienced(lesson));
  }

  answer(a: AnsweredQuestion): void {
    if (!this.options.tracking || this.ended) return;
    this.queue.enqueue(this.factory.answered(a, a.outcome), ...(a.notes ?? []).map((n) => this.factory.note(a, a.outcome, n)));
  }

  criterion(c: CriterionProgress): void {
    if (!this.options.tracking || this.ended || c.attemptScore === undefined) return;
    this.queue.enqueue(this.factory.criterionJudged(c.code, c.outcome, c.attemptScore, c.attemptScore >= this.options.passMark));
  }

  result(r: UnitResult): void {
    const before = this.baseline;
    this.baseline = r;
    // The first report is where the session starts from.
    if (!before) {
      if (r.completion === 'completed') this.completedKnown = true;
      return;
    }
    if (!this.options.tracking || this.ended) return;
    if (!this.completedKnown && r.completion === 'completed') {
      this.completedKnown = true;
      this.queue.enqueue(this.factory.unitCompleted(this.sessionMs));
    }
    if (r.success === 'passed' && before.success !== 'passed' && !this.judgedThisSession) {
      this.judgedThisSession = true;
      this.pendingFailure = null;
      this.queue.enqueue(this.factory.unitJudged(true, r.scoreRaw ?? 0, this.sessionMs));
    } else if (r.success === 'failed') this.pendingFailure = { score: r.scoreRaw ?? 0 };
  }

  /** Sends what is queued now (the page is being hidden, say), without waiting. */
  send(): void {
    void this.queue.flush();
  }

  /** Statements the LRS refused while accepting others, for the learner to see. */
  refused(): RefusedRecord[] {
    return this.queue.setAside.map((e) => ({
      verb: Object.entries(VERBS).find(([, id]) => id === e.statement.verb.id)?.[0] ?? e.statement.verb.id,
      activity: activityName(e.statement),
      timestamp: e.statement.timestamp ?? '',
      status: e.refusal?.status ?? 0,
      ...(e.refusal?.reason ? { reason: e.refusal.reason } : {}),
      probablyRecorded: e.unconfirmed === true,
    }));
  }

  onRefusedChange(listener: () => void): void {
    this.queue.onChange(listener);
  }

  /** The last statements of the session: a pending failure, suspended (SCORM, when incomplete), terminated. */
  private closing(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.pendingFailure && !this.judgedThisSession && this.options.tracking) {
      this.judgedThisSession = true;
      this.queue.enqueue(this.factory.unitJudged(false, this.pendingFailure.score, this.sessionMs));
    }
    if (!this.options.cmi5 && this.baseline?.completion !== 'completed') this.queue.enqueue(this.factory.session('suspended', this.sessionMs));
    this.queue.enqueue(this.factory.session('terminated', this.sessionMs));
  }

  /** Ends the session (Exit) and waits until the LRS has everything it will take. */
  async end(): Promise<void> {
    this.closing();
    await this.queue.flush();
  }

  /** The page is closing: ends the session and sends everything at once, waiting for nothing. */
  leave(): void {
    if (this.ended) return;
    this.closing();
    this.client.pageLeaving();
    this.queue.leave();
  }
}

function activityName(s: Statement): string {
  const o = s.object as { id?: string; definition?: { name?: Record<string, string> } };
  const name = o.definition?.name;
  return (name && Object.values(name)[0]) ?? o.id ?? '';
}
