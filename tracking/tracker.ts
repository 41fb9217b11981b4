import type { LessonData, QuestionData } from './learner-model/course-data.js';
import type { CriterionStatus, UnitResult } from './learner-model/learner-state.js';
import type { Response } from './learner-model/question-kinds/index.js';

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
  /**
   * With no saved state: the scores the LMS still holds for criteria (objective id → 0–100), so
   * a fresh start never overwrites what the learner earned.
   */
  earnedScores?: Record<string, number>;
  /** A state saved in this browser that the LMS never confirmed (a failed save, a tab closed too soon). */
  unsavedState?: string;
  /** True when the LMS says this is a resumed session. */
  resumed: boolean;
  /** "normal" tracks; "browse" and "review" look without recording anything. */
  mode: 'normal' | 'browse' | 'review';
  /** A pass mark set by the LMS at launch (cmi5 masteryScore), overriding the built one. */
  passMark?: number;
  /** The LMS's registration of this learner on this unit (cmi5); progress kept in the browser is per registration. */
  registration?: string;
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

/** Longest note kept as evidence (SCORM 2004's long-fill-in holds 4,000 characters). */
export const NOTE_MAX = 2000;

/** Free text the learner wrote while answering (a simulation's case note): evidence for the tutor, not marked. */
export interface NoteEvidence {
  /** The simulation turn it was written at. */
  turn: string;
  text: string;
  /** The criteria it evidences. */
  criteria: string[];
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
  /** Notes written on the way (a simulation's case notes). */
  notes?: NoteEvidence[];
}

/** A statement the LRS refused while it accepted others: kept in the browser and shown to the learner. */
export interface RefusedRecord {
  /** The verb's short name (answered, passed …). */
  verb: string;
  /** What it was about: the activity's name, or its id. */
  activity: string;
  timestamp: string;
  status: number;
  /** The requirement or message the LRS gave. */
  reason?: string;
  /** It was sent as the page closed and refused when offered again: the LRS most likely has it already. */
  probablyRecorded: boolean;
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
  /** Ends the session (session time, exit, terminate) when the learner chooses Exit, waiting for the LMS. */
  finish(): Promise<void>;
  /**
   * The page is going away (pagehide): ends the session with what can go at once, waiting for
   * nothing. Everything that matters was saved during the session; this sends only the end.
   */
  leave(): void;
  onStatus(listener: (status: SaveStatus) => void): void;
  /** Statements an LRS refused while taking others (none for an LMS without one); the listener hears of changes. */
  refused(): RefusedRecord[];
  onRefusedChange(listener: () => void): void;
}

/** Objective id of a criterion in SCORM and the manifest. */
export const objectiveId = (code: string): string => `criterion-${code}`;
