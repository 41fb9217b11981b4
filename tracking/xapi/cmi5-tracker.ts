import type { Context } from '@xapi/xapi';
import type { CourseData, LessonData } from '../learner-model/course-data.js';
import type { UnitResult } from '../learner-model/learner-state.js';
import { SaveStatusEmitter } from '../save-status.js';
import type { AnsweredQuestion, CriterionProgress, LaunchData, RefusedRecord, SaveStatus, Tracker } from '../tracker.js';
import type { Cmi5Launch } from '../launch-params.js';
import type { LrsClient } from './lrs-client.js';
import { CONTENT_LANGUAGE } from './statement-factory.js';
import { StatementQueue, browserQueueStore } from './statement-queue.js';
import { CMI5, activityIris } from './vocabulary.js';
import { cmi5Opening, stateParams } from './cmi5-opening.js';
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
/** Languages the unit is written in; a learner's preference is matched against these. */
const AVAILABLE_LANGUAGES = [CONTENT_LANGUAGE];

/**
 * The AU side of cmi5: take the session's opening (the auth token, LMS.LaunchData, the learner's
 * preferences and saved state: cmi5-opening.ts), keep the learner's state in the State API, and send the defined and allowed statements
 * (through the same reporter as SCORM-with-xAPI) with the LMS's context template, this session's
 * statements only under this session's context, and terminated last.
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
  private ended = false;
  private readonly stateId: string;
  private readonly refusedListeners: (() => void)[] = [];

  constructor(
    private readonly course: CourseData,
    private readonly launch: Cmi5Launch,
  ) {
    this.stateId = activityIris(course).stateId;
  }

  async start(): Promise<LaunchData> {
    // The token and the three reads, most often begun by the launch page before the player ran.
    const { client, launchData: launchDoc, preferences, state: stateDoc } = await cmi5Opening(this.launch, this.stateId);
    this.client = client;
    const language = preferences.status === 200 ? pickLanguage((preferences.body as { languagePreference?: unknown } | null)?.languagePreference) : CONTENT_LANGUAGE;
    const launchData = launchDoc.body as LaunchDataDocument | null;
    if (launchDoc.status !== 200 || !launchData || typeof launchData !== 'object' || !launchData.contextTemplate)
      throw new Error('LMS.LaunchData is missing or malformed');
    const saved = stateDoc.status === 200 && typeof (stateDoc.body as { suspendData?: unknown } | null)?.suspendData === 'string'
      ? (stateDoc.body as { suspendData: string }).suspendData
      : undefined;
    const mode = launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal';
    this.tracking = mode === 'normal';
    const mastery = typeof launchData.masteryScore === 'number' && launchData.masteryScore >= 0 && launchData.masteryScore <= 1 ? launchData.masteryScore : undefined;
    // Scores are whole percentages; the pass mark keeps the masteryScore's precision.
    const passMark = mastery !== undefined ? Math.round(mastery * 10000) / 100 : this.course.settings.passMark;
    const session = launchData.contextTemplate.extensions?.[CMI5.sessionId];
    const queue = new StatementQueue(
      { endpoint: this.launch.endpoint, registration: this.launch.registration, ...(typeof session === 'string' ? { session } : {}) },
      browserQueueStore(`ccl-xapi-queue:${this.course.unit.id}`),
      (batch) => this.client.sendStatements(batch),
    );
    this.reporter = new XapiReporter(
      this.course,
      queue,
      this.client,
      {
        actor: this.launch.actor,
        registration: this.launch.registration,
        cmi5: { contextTemplate: launchData.contextTemplate, auId: this.launch.activityId, ...(mastery !== undefined ? { masteryScore: mastery } : {}) },
        language,
      },
      { cmi5: true, tracking: this.tracking, passMark },
    );
    this.reporter.onRefusedChange(() => this.refusedListeners.forEach((l) => l()));
    this.reporter.begin(false);
    return {
      resumed: saved !== undefined,
      mode,
      registration: this.launch.registration,
      ...('account' in this.launch.actor && this.launch.actor.account ? { learnerId: this.launch.actor.account.name } : {}),
      ...(saved ? { suspendData: saved } : {}),
      ...(mastery !== undefined ? { passMark } : {}),
      ...(launchData.returnURL ? { returnUrl: launchData.returnURL } : {}),
      ...(this.launch.actor.name ? { learnerName: this.launch.actor.name } : {}),
    };
  }

  saveState(_location: string, suspendData: string): void {
    if (this.tracking && !this.ended) this.dirty = suspendData;
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
    if (this.dirty === null || this.ended) return Promise.resolve(this.status.current !== 'unsaved');
    this.saving ??= this.saveNow().finally(() => {
      this.saving = null;
    });
    return this.saving;
  }

  private async saveNow(): Promise<boolean> {
    clearTimeout(this.timer);
    const data = this.dirty!;
    this.status.set('saving');
    const status = await this.client.putDocument('activities/state', stateParams(this.launch, this.stateId), { suspendData: data });
    if (status >= 200 && status < 300) {
      if (this.dirty === data) this.dirty = null;
      this.retry = 0;
      this.status.set('saved');
      if (this.dirty !== null && !this.ended) return this.saveNow();
      return true;
    }
    this.status.set('unsaved');
    if (!this.ended) this.timer = setTimeout(() => void this.flush(), RETRY_MS[Math.min(this.retry++, RETRY_MS.length - 1)]);
    return false;
  }

  /** Exit: the state is saved first (the LMS refuses every request after terminated), then terminated is sent. */
  async finish(): Promise<void> {
    if (this.ended || !this.reporter) return;
    await this.flush();
    this.ended = true;
    clearTimeout(this.timer);
    await this.reporter.end();
  }

  /** The page is closing: the last state, then the session's last statements, all at once. */
  leave(): void {
    if (this.ended || !this.reporter) return;
    this.client.pageLeaving();
    if (this.dirty !== null && !this.saving) void this.saveNow();
    this.ended = true;
    clearTimeout(this.timer);
    this.reporter.leave();
  }

  onStatus(listener: (status: SaveStatus) => void): void {
    this.status.listen(listener);
  }

  refused(): RefusedRecord[] {
    return this.reporter?.refused() ?? [];
  }

  onRefusedChange(listener: () => void): void {
    this.refusedListeners.push(listener);
  }
}

/** The first of a learner's comma-separated RFC 5646 language preferences that the unit offers. */
export function pickLanguage(preference: unknown): string {
  if (typeof preference !== 'string') return CONTENT_LANGUAGE;
  for (const tag of preference.split(',').map((t) => t.trim().toLowerCase())) {
    const exact = AVAILABLE_LANGUAGES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const primary = AVAILABLE_LANGUAGES.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0]);
    if (primary) return primary;
  }
  return CONTENT_LANGUAGE;
}

