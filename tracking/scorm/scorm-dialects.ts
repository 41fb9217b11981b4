import { isoDuration } from '../iso-duration.js';
import type { UnitResult } from '../learner-model/learner-state.js';
import { correctPatterns, formatResponse, interactionType, type ScormVersion } from '../learner-model/question-kinds/index.js';
import { objectiveId, type AnsweredQuestion, type CriterionProgress, type NoteEvidence } from '../tracker.js';

/** What differs between SCORM 1.2 and SCORM 2004: element names, value formats, error codes. */
export interface ScormDialect {
  version: Exclude<ScormVersion, 'xapi'>;
  standard: 'scorm12' | 'scorm2004';
  keys: {
    suspendData: string;
    location: string;
    entry: string;
    mode: string;
    learnerId: string;
    learnerName: string;
    exit: string;
    sessionTime: string;
    objectiveCount: string;
    interactionCount: string;
  };
  /** Longest location the data model accepts. */
  locationMax: number;
  /** Error codes that mean "this value will never be accepted": retrying cannot help. */
  permanentErrors: number[];
  /** The id of the unit's own objective in the LMS (SCORM 2004's primary objective), if the version has one. */
  primaryObjective?: string;
  /** The unit's status and score as values of its own objective. */
  unitObjectiveValues(n: number, r: UnitResult): [string, string][];
  sessionTime(ms: number): string;
  resultValues(r: UnitResult, passMark: number): [string, string][];
  objectiveValues(n: number, c: CriterionProgress): [string, string][];
  interactionValues(n: number, a: AnsweredQuestion): [string, string][];
  /** A note written while answering, as an interaction of its own (free text, not marked). */
  noteValues(n: number, a: AnsweredQuestion, note: NoteEvidence): [string, string][];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** CMITimespan HH[HH]:MM:SS.SS (hours take two digits, up to four) */
function timespan12(ms: number): string {
  const cs = Math.round(ms / 10);
  const h = Math.min(9999, Math.floor(cs / 360000));
  return `${pad(h)}:${pad(Math.floor(cs / 6000) % 60)}:${pad(Math.floor(cs / 100) % 60)}.${pad(cs % 100)}`;
}

/** Local date-time without offset to seconds, as SCORM 2004's `time (second,10,0)` accepts. */
function timestamp2004(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A 0–100 score as SCORM 2004's scaled, raw, min and max under a prefix (`cmi`, `cmi.objectives.n`). */
const scores2004 = (prefix: string, score: number): [string, string][] => [
  [`${prefix}.score.scaled`, String(score / 100)],
  [`${prefix}.score.raw`, String(score)],
  [`${prefix}.score.min`, '0'],
  [`${prefix}.score.max`, '100'],
];

const truncate = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

export const scorm12: ScormDialect = {
  version: '1.2',
  standard: 'scorm12',
  keys: {
    suspendData: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    objectiveCount: 'cmi.objectives._count',
    interactionCount: 'cmi.interactions._count',
  },
  locationMax: 255,
  permanentErrors: [201, 401, 402, 403, 404, 405],
  sessionTime: timespan12,
  unitObjectiveValues: () => [],
  resultValues(r) {
    const status = r.success !== 'unknown' ? r.success : r.completion;
    const values: [string, string][] = [['cmi.core.lesson_status', status]];
    if (r.scoreRaw !== null)
      values.push(['cmi.core.score.raw', String(r.scoreRaw)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    return values;
  },
  objectiveValues(n, c) {
    const p = `cmi.objectives.${n}`;
    const values: [string, string][] = [[`${p}.id`, c.id]];
    if (c.score !== null) values.push([`${p}.score.raw`, String(c.score)], [`${p}.score.min`, '0'], [`${p}.score.max`, '100']);
    values.push([`${p}.status`, c.status === 'met' ? 'passed' : c.status === 'not-yet' ? 'failed' : 'not attempted']);
    return values;
  },
  interactionValues(n, a) {
    const p = `cmi.interactions.${n}`;
    const d = a.timestamp;
    return [
      [`${p}.id`, a.question.id],
      ...a.objectiveIds.map((id, k): [string, string] => [`${p}.objectives.${k}.id`, id]),
      [`${p}.time`, `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`],
      [`${p}.type`, interactionType(a.question)],
      ...correctPatterns(a.question, '1.2').map((pattern, k): [string, string] => [`${p}.correct_responses.${k}.pattern`, pattern]),
      [`${p}.weighting`, '1'],
      [`${p}.student_response`, formatResponse(a.question, a.response, '1.2')],
      [`${p}.result`, a.correct ? 'correct' : 'wrong'],
      [`${p}.latency`, timespan12(a.latencyMs)],
    ];
  },
  noteValues(n, a, note) {
    const p = `cmi.interactions.${n}`;
    const d = a.timestamp;
    return [
      [`${p}.id`, `${a.question.id}-${note.turn}`],
      ...note.criteria.map((c, k): [string, string] => [`${p}.objectives.${k}.id`, objectiveId(c)]),
      [`${p}.time`, `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`],
      [`${p}.type`, 'fill-in'],
      // CMIFeedback holds 255 characters: the whole note goes to the LRS and stays in the browser.
      [`${p}.student_response`, truncate(note.text, 255)],
      [`${p}.result`, 'neutral'],
    ];
  },
};

export const scorm2004: ScormDialect = {
  version: '2004',
  standard: 'scorm2004',
  keys: {
    suspendData: 'cmi.suspend_data',
    location: 'cmi.location',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    objectiveCount: 'cmi.objectives._count',
    interactionCount: 'cmi.interactions._count',
  },
  locationMax: 1000,
  permanentErrors: [351, 401, 402, 404, 405, 406, 407, 408],
  primaryObjective: 'unit',
  sessionTime: isoDuration,
  unitObjectiveValues(n, r) {
    const p = `cmi.objectives.${n}`;
    return [
      [`${p}.id`, 'unit'],
      ...(r.scoreRaw !== null ? scores2004(p, r.scoreRaw) : []),
      [`${p}.success_status`, r.success],
      [`${p}.completion_status`, r.completion],
      [`${p}.progress_measure`, String(r.progress)],
    ];
  },
  resultValues(r) {
    const values: [string, string][] = [
      ['cmi.completion_status', r.completion],
      ['cmi.success_status', r.success],
      ['cmi.progress_measure', String(r.progress)],
    ];
    if (r.scoreRaw !== null) values.push(...scores2004('cmi', r.scoreRaw));
    return values;
  },
  objectiveValues(n, c) {
    const p = `cmi.objectives.${n}`;
    const values: [string, string][] = [[`${p}.id`, c.id]];
    if (c.score !== null) values.push(...scores2004(p, c.score));
    values.push(
      [`${p}.success_status`, c.status === 'met' ? 'passed' : c.status === 'not-yet' ? 'failed' : 'unknown'],
      [`${p}.completion_status`, c.status === 'not-attempted' ? 'not attempted' : 'completed'],
      [`${p}.description`, truncate(`${c.code} ${c.description}`, 250)],
    );
    return values;
  },
  interactionValues(n, a) {
    const p = `cmi.interactions.${n}`;
    return [
      [`${p}.id`, a.question.id],
      [`${p}.type`, interactionType(a.question)],
      ...a.objectiveIds.map((id, k): [string, string] => [`${p}.objectives.${k}.id`, id]),
      [`${p}.timestamp`, timestamp2004(a.timestamp)],
      ...correctPatterns(a.question, '2004').map((pattern, k): [string, string] => [`${p}.correct_responses.${k}.pattern`, pattern]),
      [`${p}.weighting`, '1'],
      [`${p}.learner_response`, formatResponse(a.question, a.response, '2004')],
      [`${p}.result`, a.correct ? 'correct' : 'incorrect'],
      [`${p}.latency`, isoDuration(a.latencyMs)],
      [`${p}.description`, truncate(a.question.stemText, 250)],
    ];
  },
  noteValues(n, a, note) {
    const p = `cmi.interactions.${n}`;
    return [
      [`${p}.id`, `${a.question.id}-${note.turn}`],
      [`${p}.type`, 'long-fill-in'],
      ...note.criteria.map((c, k): [string, string] => [`${p}.objectives.${k}.id`, objectiveId(c)]),
      [`${p}.timestamp`, timestamp2004(a.timestamp)],
      [`${p}.learner_response`, truncate(note.text, 4000)],
      [`${p}.result`, 'neutral'],
      [`${p}.description`, truncate(`Case note: ${a.question.stemText}`, 250)],
    ];
  },
};
