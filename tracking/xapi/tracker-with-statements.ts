import type { CourseData, LessonData } from '../learner-model/course-data.js';
import type { UnitResult } from '../learner-model/learner-state.js';
import type { AnsweredQuestion, CriterionProgress, LaunchData, RefusedRecord, SaveStatus, Tracker } from '../tracker.js';
import type { XapiLaunch } from '../launch-params.js';
import { LrsClient } from './lrs-client.js';
import type { Actor } from './statement-factory.js';
import { StatementQueue, browserQueueStore } from './statement-queue.js';
import { uuidFromText } from './uuid.js';
import { XapiReporter } from './xapi-reporter.js';

/**
 * A SCORM (or local) tracker that also reports every learning event as xAPI statements to an
 * LRS. The LMS keeps the learner's state; the LRS gets the statements; neither waits on the other.
 */
export class TrackerWithStatements implements Tracker {
  readonly standard;
  private reporter: XapiReporter | null = null;
  private readonly refusedListeners: (() => void)[] = [];

  constructor(
    private readonly primary: Tracker,
    private readonly course: CourseData,
    private readonly lrs: XapiLaunch,
    private readonly origin: string = location.origin,
  ) {
    this.standard = primary.standard;
  }

  async start(): Promise<LaunchData> {
    const launch = await this.primary.start();
    const actor: Actor | undefined =
      this.lrs.actor ??
      (launch.learnerId
        ? { objectType: 'Agent', ...(launch.learnerName ? { name: launch.learnerName } : {}), account: { homePage: this.origin, name: launch.learnerId } }
        : undefined);
    if (!actor) return { ...launch, notice: launch.notice ?? { kind: 'no-learner-identity' } };
    const client = new LrsClient({ endpoint: this.lrs.endpoint, auth: this.lrs.auth });
    const identity = 'account' in actor ? actor.account : 'mbox' in actor ? actor.mbox : '';
    const registration = uuidFromText(`${this.course.unit.id}|${JSON.stringify(identity)}`);
    const queue = new StatementQueue({ endpoint: this.lrs.endpoint, registration }, browserQueueStore(`ccl-xapi-queue:${this.course.unit.id}`), (batch) =>
      client.sendStatements(batch),
    );
    this.reporter = new XapiReporter(this.course, queue, client, { actor, registration }, {
      cmi5: false,
      tracking: launch.mode === 'normal',
      passMark: launch.passMark ?? this.course.settings.passMark,
    });
    this.reporter.begin(launch.resumed);
    for (const l of this.refusedListeners) this.reporter.onRefusedChange(l);
    return launch;
  }

  saveState(location: string, suspendData: string): void {
    this.primary.saveState(location, suspendData);
  }
  recordAnswer(answer: AnsweredQuestion): void {
    this.primary.recordAnswer(answer);
    this.reporter?.answer(answer);
  }
  recordLesson(lesson: LessonData): void {
    this.primary.recordLesson(lesson);
    this.reporter?.lesson(lesson);
  }
  setCriterion(criterion: CriterionProgress): void {
    this.primary.setCriterion(criterion);
    this.reporter?.criterion(criterion);
  }
  setResult(result: UnitResult, passMark: number): void {
    this.primary.setResult(result, passMark);
    this.reporter?.result(result);
  }
  flush(): Promise<boolean> {
    this.reporter?.send();
    return this.primary.flush();
  }
  async finish(): Promise<void> {
    const ending = this.reporter?.end();
    await this.primary.finish();
    await ending;
  }
  leave(): void {
    this.reporter?.leave();
    this.primary.leave();
  }
  refused(): RefusedRecord[] {
    return this.reporter?.refused() ?? [];
  }
  onRefusedChange(listener: () => void): void {
    if (this.reporter) this.reporter.onRefusedChange(listener);
    else this.refusedListeners.push(listener);
  }
  onStatus(listener: (status: SaveStatus) => void): void {
    this.primary.onStatus(listener);
  }
}
