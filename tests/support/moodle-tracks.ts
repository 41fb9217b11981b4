import type { CourseData, OutcomeData, QuestionData } from '../../tracking/learner-model/course-data.js';
import { correctPatterns, formatResponse, interactionType } from '../../tracking/learner-model/question-kinds/index.js';
import { objectiveId } from '../../tracking/tracker.js';
import { creditGiven, responseGiven } from './learner.js';
import type { StoredTracks } from './moodle.js';

/** The two SCORM versions Moodle runs. */
export type ScormVersion = '1.2' | '2004';

/**
 * Track element names as the SCO wrote them: Moodle stores SCORM 1.2's `cmi.objectives.0.id` as
 * `cmi.objectives_0.id` (and `cmi.interactions_0.correct_responses_0.pattern`); 2004 keeps the dots.
 */
export function dottedTracks(tracks: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tracks).map(([k, v]) => [k.replace(/_(\d+)(?=\.)/g, '.$1'), v]));
}

/** The slots of a collection (`cmi.objectives`, `cmi.interactions`), each as its sub-elements: `{ id, 'score.raw', … }`. */
export function storedSlots(tracks: Record<string, string>, collection: 'cmi.objectives' | 'cmi.interactions'): Record<string, string>[] {
  const slots: Record<string, string>[] = [];
  const prefix = `${collection}.`;
  for (const [key, value] of Object.entries(tracks)) {
    if (!key.startsWith(prefix)) continue;
    const m = /^(\d+)\.(.+)$/.exec(key.slice(prefix.length));
    if (!m) continue;
    (slots[Number(m[1])] ??= {})[m[2]!] = value;
  }
  return slots.map((s) => s ?? {});
}

/** One question the learner answered, in order. */
export interface AnsweredQuestion {
  outcome: number;
  id: string;
  right: boolean;
}

/** SCORM's name for a criterion's state: 1.2 objective status; 2004 uses success_status with 'unknown' for not attempted. */
export type ExpectedCriterionStatus = 'passed' | 'failed' | 'not attempted';

/**
 * What a unit's tracking should hold after the knowledge checks a learner took: every answer in
 * order, and each criterion's best score (the pass mark decides its status).
 */
export class ExpectedProgress {
  readonly answers: AnsweredQuestion[] = [];
  private readonly best = new Map<string, number>();

  constructor(readonly course: CourseData) {}

  /** Records one finished knowledge check of an outcome. */
  recordCheck(outcomeNumber: number, answered: { id: string; right: boolean }[]): void {
    const outcome = this.outcome(outcomeNumber);
    this.answers.push(...answered.map((a) => ({ outcome: outcomeNumber, ...a })));
    for (const c of outcome.criteria) {
      // Scored as the player scores it: each answer's credit on the criterion (a practice contact's
      // is partial, and none where it practises the criterion only in its unmarked case note).
      let earned = 0;
      let possible = 0;
      for (const a of answered)
        for (const k of creditGiven(this.question(outcome, a.id), a.right).filter((x) => x.code === c.code)) {
          earned += k.earned;
          possible += k.possible;
        }
      if (!possible) continue;
      const score = Math.round((100 * earned) / possible);
      this.best.set(c.code, Math.max(this.best.get(c.code) ?? 0, score));
    }
  }

  /** A criterion's expected status and best score (null when none of its questions was answered). */
  criterion(code: string): { status: ExpectedCriterionStatus; score: number | null } {
    const score = this.best.get(code);
    if (score === undefined) return { status: 'not attempted', score: null };
    return { status: score >= this.course.settings.passMark ? 'passed' : 'failed', score };
  }

  outcome(n: number): OutcomeData {
    return this.course.outcomes.find((o) => o.number === n)!;
  }

  question(outcome: OutcomeData, id: string): QuestionData {
    return outcome.questions.find((q) => q.id === id)!;
  }
}

/**
 * Checks the criterion objectives Moodle stored against what the learner did: exactly one per
 * criterion (`criterion-<code>`), each with the expected status and best score. Returns one line
 * per problem (empty when all is well).
 */
export function objectiveProblems(expected: ExpectedProgress, tracks: Record<string, string>, version: ScormVersion): string[] {
  const problems: string[] = [];
  const slots = storedSlots(tracks, 'cmi.objectives');
  const codes = expected.course.outcomes.flatMap((o) => o.criteria.map((c) => c.code));
  const stored = slots.map((s, n) => ({ n, s })).filter(({ s }) => s.id?.startsWith('criterion-'));
  const extra = stored.filter(({ s }) => !codes.some((c) => objectiveId(c) === s.id));
  for (const { n, s } of extra) problems.push(`cmi.objectives.${n}.id is ${s.id}, not a criterion of the unit`);
  for (const code of codes) {
    const id = objectiveId(code);
    const found = stored.filter(({ s }) => s.id === id);
    if (found.length !== 1) {
      problems.push(`${id}: ${found.length} objectives stored (want 1)`);
      continue;
    }
    const { n, s } = found[0]!;
    const want = expected.criterion(code);
    const el = `cmi.objectives.${n}`;
    if (version === '1.2') {
      if (s.status !== want.status) problems.push(`${el}.status (${id}) is ${show(s.status)}, want ${want.status}`);
    } else {
      const success = want.status === 'not attempted' ? 'unknown' : want.status;
      const completion = want.status === 'not attempted' ? 'not attempted' : 'completed';
      // Moodle stores no element still at its default value: an absent success_status is 'unknown'.
      if ((s.success_status ?? 'unknown') !== success) problems.push(`${el}.success_status (${id}) is ${show(s.success_status)}, want ${success}`);
      if (s.completion_status !== completion) problems.push(`${el}.completion_status (${id}) is ${show(s.completion_status)}, want ${completion}`);
      if (want.score !== null && s['score.scaled'] !== String(want.score / 100))
        problems.push(`${el}.score.scaled (${id}) is ${show(s['score.scaled'])}, want ${want.score / 100}`);
    }
    if (want.score !== null && s['score.raw'] !== String(want.score)) problems.push(`${el}.score.raw (${id}) is ${show(s['score.raw'])}, want ${want.score}`);
    if (want.score === null && s['score.raw']) problems.push(`${el}.score.raw (${id}) is ${s['score.raw']}, want none (not attempted)`);
  }
  return problems;
}

/**
 * Checks the SCORM 2004 primary objective (the manifest's, which Moodle pre-fills in slot 0) once
 * the unit is passed: Moodle shows its status and score beside the criteria, so it needs both.
 */
export function primaryObjectiveProblems(primaryId: string, tracks: Record<string, string>, score: number): string[] {
  const slots = storedSlots(tracks, 'cmi.objectives');
  const n = slots.findIndex((s) => s.id === primaryId);
  if (n < 0) return [`no objective ${primaryId} stored (the manifest's primary objective)`];
  const s = slots[n]!;
  const el = `cmi.objectives.${n}`;
  const want: Record<string, string> = { success_status: 'passed', completion_status: 'completed', 'score.scaled': String(score / 100), 'score.raw': String(score) };
  return Object.entries(want)
    .filter(([key, value]) => s[key] !== value)
    .map(([key, value]) => `${el}.${key} (${primaryId}, the primary objective) is ${show(s[key])}, want ${JSON.stringify(value)}`);
}

/**
 * Checks the interactions Moodle stored: one per answered question, in order, each with its
 * type, the learner's response, the correct-response pattern(s), the result and the criterion
 * objective(s). Returns one line per problem.
 */
export function interactionProblems(expected: ExpectedProgress, tracks: Record<string, string>, version: ScormVersion): string[] {
  const problems: string[] = [];
  // A simulation's case note is an interaction of its own, unmarked (result neutral), stored
  // straight after its simulation and named after it (<simulation>-<note turn>); the rest are one per answer.
  const stored = storedSlots(tracks, 'cmi.interactions');
  stored.forEach((s, n) => {
    if (s.result !== 'neutral') return;
    const before = stored[n - 1];
    if (!before?.id || !s.id?.startsWith(`${before.id}-`)) problems.push(`cmi.interactions.${n}.id is ${show(s.id)}, a note that does not follow its simulation (${show(before?.id)})`);
  });
  const slots = stored.map((s, n): Record<string, string> => ({ ...s, slot: String(n) })).filter((s) => s.result !== 'neutral');
  if (slots.length !== expected.answers.length) problems.push(`${slots.length} interactions stored, want ${expected.answers.length} (one per answer)`);
  expected.answers.forEach((a, k) => {
    const s = slots[k];
    const el = `cmi.interactions.${s?.slot ?? `?`}`;
    if (!s) {
      problems.push(`${el} missing (answer ${k + 1}: ${a.id})`);
      return;
    }
    const q = expected.question(expected.outcome(a.outcome), a.id);
    const responseKey = version === '1.2' ? 'student_response' : 'learner_response';
    const patterns = correctPatterns(q, version);
    const given = responseGiven(q, a.right);
    const want: Record<string, string> = {
      id: q.id,
      type: interactionType(q),
      result: a.right ? 'correct' : version === '1.2' ? 'wrong' : 'incorrect',
      ...Object.fromEntries(patterns.map((p, i) => [`correct_responses.${i}.pattern`, p])),
      ...Object.fromEntries(q.criteria.map((c, i) => [`objectives.${i}.id`, objectiveId(c)])),
      ...(given !== null ? { [responseKey]: formatResponse(q, given, version) } : {}),
    };
    for (const [key, value] of Object.entries(want))
      if (s[key] !== value) problems.push(`${el}.${key} (${q.id}) is ${show(s[key])}, want ${JSON.stringify(value)}`);
    if (given === null && (!s[responseKey] || s[responseKey] === patterns[0]))
      problems.push(`${el}.${responseKey} (${q.id}) is ${show(s[responseKey])}, want a wrong order`);
    if (version === '2004' && !s.description) problems.push(`${el}.description (${q.id}) is empty, want the question text`);
  });
  return problems;
}

/**
 * A SCORM 2004 element as Moodle holds it: Moodle's API sends no element still at its default
 * value, so an absent `success_status` or `completion_status` is 'unknown'.
 */
export function stored2004(tracks: Record<string, string>, element: 'cmi.success_status' | 'cmi.completion_status'): string {
  return tracks[element] ?? 'unknown';
}

/** A stored value for a message: quoted, or "absent". */
export function show(value: string | undefined): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/**
 * What changed in Moodle between two reads of an activity: attempts added, and every element
 * added, removed or rewritten (one line each). Total time is left out: Moodle adds each session's
 * time itself, even in review mode.
 */
export function changedTracks(before: StoredTracks, after: StoredTracks): string[] {
  const changes: string[] = [];
  if (after.attempts.length !== before.attempts.length) changes.push(`attempts: ${before.attempts.length} → ${after.attempts.length}`);
  after.attempts.forEach((a, i) => {
    const was = before.attempts[i]?.tracks ?? {};
    for (const key of new Set([...Object.keys(was), ...Object.keys(a.tracks)])) {
      if (/total_time$/.test(key) || was[key] === a.tracks[key]) continue;
      changes.push(`attempt ${a.attempt} ${key}: ${show(clip(was[key]))} → ${show(clip(a.tracks[key]))}`);
    }
  });
  return changes;
}

const clip = (v: string | undefined) => (v === undefined || v.length <= 80 ? v : `${v.slice(0, 80)}…[${v.length} chars]`);

/** Element names of the two versions, for the checks both share. */
export const ELEMENTS = {
  '1.2': {
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    scoreRaw: 'cmi.core.score.raw',
    totalTime: 'cmi.core.total_time',
    terminate: 'LMSFinish',
  },
  '2004': {
    location: 'cmi.location',
    exit: 'cmi.exit',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    scoreRaw: 'cmi.score.raw',
    totalTime: 'cmi.total_time',
    terminate: 'Terminate',
  },
} as const;
