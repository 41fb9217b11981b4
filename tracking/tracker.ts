import type { LessonData, QuestionData } from './course-data.js';
import type { CriterionStatus, UnitResult } from './learner-state.js';
import type { Response } from './responses.js';

/** How the learner's progress is being kept, shown to the learner in words. */
export type SaveStatus =
  | 'saved' // the LMS has everything
  | 'saving' // a save is under way
  | 'unsaved' // the LMS did not take the last save; retrying
  | 'local' // no LMS: kept in this browser
  | 'memory'; // no LMS and no browser storage: kept only while the page is open

export interface LaunchData {
  learnerId?: string;
  learnerName?: string;
  /** The state saved last time, if any. */
  suspendData?: string;
  /** True when the LMS says this is a resumed session. */
  resumed: boolean;
  /** "normal" tracks; "browse" and "review" look without recording anything. */
  mode: 'normal' | 'browse' | 'review';
  /** A pass mark set by the LMS at launch (cmi5 masteryScore), overriding the built one. */
  passMark?: number;
  /** Where to send the learner when they exit (cmi5 returnURL). */
  returnUrl?: string;
  /** Something the learner should know about this launch (the player words it). */
  notice?: LaunchNotice;
}

/** What went wrong with a launch, for the player to tell the learner; `detail` names the fault. */
export interface LaunchNotice {
  kind: 'not-cmi5' | 'lms-unreachable' | 'lrs-settings-ignored' | 'no-learner-identity';
  detail?: string;
}

export interface AnsweredQuestion {
  question: QuestionData;
  /** Number of the outcome whose knowledge check asked it. */
  outcome: number;
  response: Response;
  correct: boolean;
  /** Milliseconds from the question being shown to the answer. */
  latencyMs: number;
  timestamp: Date;
  /** Objective ids of the question's criteria. */
  objectiveIds: string[];
}

export interface CriterionProgress {
  /** Objective id, e.g. "criterion-1.1". */
  id: string;
  code: string;
  outcome: number;
  description: string;
  status: CriterionStatus;
  /** Best score 0–100, null when not attempted. */
  score: number | null;
  /** Score 0–100 in the knowledge check just finished, when this report follows one. */
  attemptScore?: number;
}

/**
 * One interface for every way of reporting progress (SCORM 1.2, SCORM 2004, cmi5, none).
 * Calls never throw and never block the learner: an adapter keeps what it could not send and
 * retries, reporting through onStatus.
 */
export interface Tracker {
  readonly standard: 'scorm12' | 'scorm2004' | 'cmi5' | 'local';
  start(): Promise<LaunchData>;
  /** The learner's place and state, to resume from next time. */
  saveState(location: string, suspendData: string): void;
  recordAnswer(answer: AnsweredQuestion): void;
  /** The learner opened a lesson. */
  recordLesson(lesson: LessonData): void;
  setCriterion(criterion: CriterionProgress): void;
  setResult(result: UnitResult, passMark: number): void;
  /** Sends what is pending; resolves true when the LMS has accepted it. */
  flush(): Promise<boolean>;
  /** Ends the session (session time, exit, terminate). */
  finish(): Promise<void>;
  onStatus(listener: (status: SaveStatus) => void): void;
}

/** Objective id of a criterion in SCORM and the manifest. */
export const objectiveId = (code: string): string => `criterion-${code}`;
