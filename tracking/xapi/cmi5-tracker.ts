import type { Context } from '@xapi/xapi';
import type { CourseData, LessonData } from '../course-data.js';
import type { UnitResult } from '../learner-state.js';
import { SaveStatusEmitter } from '../save-status.js';
import type { AnsweredQuestion, CriterionProgress, LaunchData, SaveStatus, Tracker } from '../tracker.js';
import type { Cmi5Launch } from '../launch-params.js';
import { LrsClient } from './lrs-client.js';
import { StatementQueue, browserQueueStore } from './statement-queue.js';
import { CMI5, activityIris } from './vocabulary.js';
import { XapiReporter } from './xapi-reporter.js';

/** What the LMS leaves in the State API for the AU (cmi5 section 10). */
interface LaunchDataDocument {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

/**
 * The AU side of cmi5: fetch the auth token, read LMS.LaunchData, keep the learner's state in
 * the State API, and send the defined and allowed statements (through the same reporter as
 * SCORM-with-xAPI) with the LMS's context template and registration.
 */
export class Cmi5Tracker implements Tracker {
  readonly standard = 'cmi5' as const;
  private client!: LrsClient;
  private reporter!: XapiReporter;
  private tracking = true;
  private dirty: string | null = null;
  private readonly status = new SaveStatusEmitter('saved');
  private retry = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<boolean> | null = null;
  private readonly stateId: string;

  constructor(
    private readonly course: CourseData,
    private readonly launch: Cmi5Launch,
  ) {
    this.stateId = activityIris(course).stateId;
  }

  private stateParams(stateId: string) {
    return { agent: this.launch.actor as never, activityId: this.launch.activityId, registration: this.launch.registration, stateId };
  }

  async start(): Promise<LaunchData> {
    const token = await fetchToken(this.launch.fetchUrl);
    this.client = new LrsClient({ endpoint: this.launch.endpoint, auth: `Basic ${token}` });
    const launchData = (await this.client.xapi.getState(this.stateParams(CMI5.launchDataStateId))).data as unknown as LaunchDataDocument;
    if (!launchData || typeof launchData !== 'object' || !launchData.contextTemplate) throw new Error('LMS.LaunchData is missing or malformed');
    let saved: string | undefined;
    try {
      const res = await this.client.xapi.getState(this.stateParams(this.stateId));
      const doc = res.data as unknown as { suspendData?: unknown };
      if (doc && typeof doc.suspendData === 'string') saved = doc.suspendData;
    } catch {
      // No saved state yet (404).
    }
    const mode = launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal';
    this.tracking = mode === 'normal';
    const mastery = typeof launchData.masteryScore === 'number' && launchData.masteryScore >= 0 && launchData.masteryScore <= 1 ? launchData.masteryScore : undefined;
    const passMark = mastery !== undefined ? Math.round(mastery * 100) : this.course.settings.passMark;
    const queue = new StatementQueue(this.launch.endpoint, browserQueueStore(`ccl-xapi-queue:${this.course.unit.id}`), (batch) => this.client.sendStatements(batch));
    this.reporter = new XapiReporter(
      this.course,
      queue,
      this.client,
      { actor: this.launch.actor, registration: this.launch.registration, cmi5: { contextTemplate: launchData.contextTemplate, auId: this.launch.activityId } },
      { cmi5: true, tracking: this.tracking, passMark },
    );
    this.reporter.begin(false);
    return {
      resumed: saved !== undefined,
      mode,
      ...(saved ? { suspendData: saved } : {}),
      ...(mastery !== undefined ? { passMark } : {}),
      ...(launchData.returnURL ? { returnUrl: launchData.returnURL } : {}),
      ...(this.launch.actor.name ? { learnerName: this.launch.actor.name } : {}),
    };
  }

  saveState(_location: string, suspendData: string): void {
    if (this.tracking) this.dirty = suspendData;
  }
  recordAnswer(answer: AnsweredQuestion): void {
    this.reporter.answer(answer);
  }
  recordLesson(lesson: LessonData): void {
    this.reporter.lesson(lesson);
  }
  setCriterion(criterion: CriterionProgress): void {
    this.reporter.criterion(criterion);
  }
  setResult(result: UnitResult): void {
    this.reporter.result(result);
  }

  /** Saves the learner's state in the State API; retried with backoff while the LMS is unreachable. */
  flush(): Promise<boolean> {
    this.reporter?.send();
    if (this.dirty === null) return Promise.resolve(this.status.current !== 'unsaved');
    this.saving ??= this.saveNow().finally(() => {
      this.saving = null;
    });
    return this.saving;
  }

  private async saveNow(): Promise<boolean> {
    clearTimeout(this.timer);
    const data = this.dirty!;
    this.status.set('saving');
    let ok = false;
    try {
      const res = await this.client.xapi.setState({ ...this.stateParams(this.stateId), state: { suspendData: data } as never });
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    }
    if (ok) {
      if (this.dirty === data) this.dirty = null;
      this.retry = 0;
      this.status.set('saved');
      if (this.dirty !== null) return this.saveNow();
      return true;
    }
    this.status.set('unsaved');
    this.timer = setTimeout(() => void this.flush(), RETRY_MS[Math.min(this.retry++, RETRY_MS.length - 1)]);
    return false;
  }

  async finish(): Promise<void> {
    this.client?.pageLeaving();
    await this.flush();
    clearTimeout(this.timer);
    await this.reporter?.end();
  }

  onStatus(listener: (status: SaveStatus) => void): void {
    this.status.listen(listener);
  }
}

/** cmi5 step one: one POST to the fetch URL for the session's auth token. */
async function fetchToken(fetchUrl: string): Promise<string> {
  const res = await fetch(fetchUrl, { method: 'POST', credentials: 'omit' });
  const body = (await res.json()) as Record<string, unknown>;
  const token = body['auth-token'];
  if (!res.ok || typeof token !== 'string') throw new Error(`the cmi5 fetch URL gave no token (${String(body['error-text'] ?? res.status)})`);
  return token;
}
