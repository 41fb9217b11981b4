import { criterionInWords, type CourseData } from './learner-model/course-data.js';
import {
  answerQuestion,
  criterionStatus,
  isFinished,
  saveDraft,
  scoreAttempt,
  startAttempt,
  unitResult,
  type AttemptScope,
  type LearnerState,
} from './learner-model/learner-state.js';
import { HOME, formatLocation, parseLocation, type Location } from './learner-model/location.js';
import { isCorrect, type QuestionData, type Response } from './learner-model/question-kinds/index.js';
import { restoreState } from './learner-model/restore-state.js';
import { encodeState } from './learner-model/state-codec.js';
import { NOTE_MAX, objectiveId, type LaunchData, type LaunchNotice, type NoteEvidence, type Tracker } from './tracker.js';

/** What the player needs to know about the launch, once the session has begun. */
export interface SessionStart {
  mode: LaunchData['mode'];
  notice?: LaunchNotice;
  learnerName: string;
  /** Where Exit takes the learner (cmi5 returnURL); empty when the LMS gives none. */
  returnUrl: string;
}

/**
 * One learner's session in a unit, without any UI: owns the learner state and the tracker, and
 * decides what reaches the LMS and when. It begins by restoring the saved state (merging what
 * the LMS, this browser and the LMS's scores hold), records lessons opened, draws and scores
 * knowledge checks, reports each criterion and the unit's result, and saves after every change.
 */
export class PlayerSession {
  state!: LearnerState;
  /** The pass mark in force: the LMS's (cmi5 masteryScore) when it gives one, else the build's. */
  passMark: number;
  private readonly changeListeners: (() => void)[] = [];
  /** The launch's first report, held back until the first view is on screen (see settle). */
  private unsettled: { reportAll: boolean } | null = null;

  constructor(
    readonly course: CourseData,
    readonly tracker: Tracker,
  ) {
    this.passMark = course.settings.passMark;
  }

  /**
   * Starts the session: reads the saved state and puts the learner where they were. What the LMS
   * is then told waits for settle(), so the first view waits for nothing but resume.
   */
  async begin(): Promise<SessionStart> {
    const launch = await this.tracker.start();
    if (launch.passMark !== undefined) this.passMark = launch.passMark;
    const restored = restoreState(this.course, launch);
    this.state = restored.state;
    // A fresh start tells the LMS every criterion; a merged one, what the LMS did not have.
    this.unsettled = { reportAll: restored.fresh || restored.merged };
    this.enter(parseLocation(this.course, this.state.location), false);
    return {
      mode: launch.mode,
      ...(launch.notice ? { notice: launch.notice } : {}),
      learnerName: launch.learnerName ?? '',
      returnUrl: launch.returnUrl ?? '',
    };
  }

  /**
   * Sends the launch's first report: the criteria (after a fresh start or a merge), the unit's
   * result, the page the learner is on and the state. The player calls it once the first view is
   * on screen; anything else the session is asked to do sends it first.
   */
  settle(): void {
    if (!this.unsettled) return;
    const { reportAll } = this.unsettled;
    this.unsettled = null;
    if (reportAll) for (const o of this.course.outcomes.keys()) this.reportCriteria(o);
    this.reportResult();
    this.enter(this.location);
    this.persist();
  }

  get location(): Location {
    return parseLocation(this.course, this.state.location);
  }

  /** Tells the listener after each change of the state (to re-render). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** The learner goes to a page: a lesson counts as opened; the place is saved. */
  go(location: Location): void {
    this.settle();
    this.enter(location);
    this.persist();
  }

  /** Puts the learner on a page (a lesson counts as opened), telling the tracker unless `record` is false. */
  private enter(location: Location, record = true): void {
    let visited = this.state.visited;
    let at = location;
    if (location.page === 'lesson') {
      const id = location.lesson;
      const lesson = this.course.outcomes.flatMap((o) => o.lessons).find((l) => l.id === id);
      if (lesson) {
        if (!visited.includes(lesson.id)) visited = [...visited, lesson.id];
        if (record) this.tracker.recordLesson(lesson);
      } else at = HOME;
    }
    this.update({ ...this.state, location: formatLocation(at), visited });
  }

  /**
   * Draws a new knowledge check for an outcome and goes to it: by default over the criteria not
   * yet met (all of them the first time, or once all are met); `all` asks about every criterion.
   */
  startCheck(outcomeIndex: number, random: () => number = Math.random, scope: AttemptScope = 'not-met'): void {
    this.settle();
    const outcome = this.course.outcomes[outcomeIndex]!;
    const next = startAttempt(this.course, this.state, outcomeIndex, random, { passMark: this.passMark, scope });
    this.update({ ...next, location: formatLocation({ page: 'check', outcome: outcome.number }) });
    this.persist();
  }

  /** Keeps the choices made so far in the simulation at a position, so a learner who leaves comes back to the same turn. */
  saveDraft(outcomeIndex: number, position: number, path: number[]): void {
    this.settle();
    const next = saveDraft(this.state, outcomeIndex, position, path);
    if (next === this.state) return;
    this.update(next);
    this.persist();
  }

  /**
   * Records the answer at a position of an outcome's check (with any notes written on the way,
   * which go to the LMS and LRS as evidence); the check's last answer reports its criteria and the unit.
   */
  answer(outcomeIndex: number, position: number, response: Response, latencyMs: number, notes: Record<string, string> = {}): void {
    this.settle();
    const o = this.course.outcomes[outcomeIndex]!;
    const attempt = this.state.outcomes[outcomeIndex]!.attempt;
    const qi = attempt?.questions[position];
    if (!attempt || qi === undefined || attempt.answers[position] !== null) return;
    const question = o.questions[qi]!;
    // The learner now reads this answer's feedback: a relaunch comes back to it.
    this.update({ ...answerQuestion(this.course, this.state, outcomeIndex, position, response), location: formatLocation({ page: 'check', outcome: o.number, feedback: position }) });
    this.tracker.recordAnswer({
      question,
      outcome: o.number,
      response,
      correct: isCorrect(question, response),
      latencyMs,
      timestamp: new Date(),
      objectiveIds: question.criteria.map(objectiveId),
      ...(Object.keys(notes).length ? { notes: noteEvidence(question, notes) } : {}),
    });
    if (isFinished(this.state.outcomes[outcomeIndex]!.attempt)) {
      this.reportCriteria(outcomeIndex, true);
      this.reportResult();
    }
    this.persist();
  }

  /** The page is closing: the session ends with what can go at once. */
  leave(): void {
    this.settle();
    this.tracker.leave();
  }

  /** The learner chose Exit: the session ends and the LMS has everything. */
  exit(): Promise<void> {
    this.settle();
    return this.tracker.finish();
  }

  /** Saves the state in the LMS (or browser) and sends it. */
  private persist(): void {
    this.tracker.saveState(this.state.location, encodeState(this.course, this.state));
    void this.tracker.flush();
  }

  /** Reports every criterion of an outcome; after a check, with that check's score per criterion. */
  private reportCriteria(outcomeIndex: number, afterCheck = false): void {
    const o = this.course.outcomes[outcomeIndex]!;
    const p = this.state.outcomes[outcomeIndex]!;
    const scores = afterCheck && p.attempt ? scoreAttempt(o, p.attempt).byCriterion : [];
    o.criteria.forEach((c, j) => {
      const best = p.criterionBest[j] ?? null;
      const attemptScore = scores[j];
      this.tracker.setCriterion({
        id: objectiveId(c.code),
        code: c.code,
        outcome: o.number,
        description: criterionInWords(c),
        score: best,
        status: criterionStatus(best, this.passMark),
        ...(attemptScore !== null && attemptScore !== undefined ? { attemptScore } : {}),
      });
    });
  }

  private reportResult(): void {
    this.tracker.setResult(unitResult(this.course, this.state, this.passMark), this.passMark);
  }

  private update(state: LearnerState): void {
    this.state = state;
    for (const l of this.changeListeners) l();
  }
}

/** A simulation's notes as evidence: each with its turn and the criteria that turn evidences. */
function noteEvidence(question: QuestionData, notes: Record<string, string>): NoteEvidence[] {
  const turns = question.type === 'simulation' ? question.turns : [];
  return Object.entries(notes)
    .filter(([, text]) => text.trim())
    .map(([turn, text]) => ({ turn, text: text.slice(0, NOTE_MAX), criteria: turns.find((t) => t.id === turn)?.criteria ?? question.criteria }));
}
