import type { CourseData, OutcomeData } from './course-data.js';
import { MAX_ATTEMPTS, MAX_QUESTIONS_PER_CRITERION, initialState, type Attempt, type Draft, type LearnerState, type OutcomeProgress } from './learner-state.js';
import { decodeResponse, encodeResponse, longestResponse, type QuestionData, type Response } from './question-kinds/index.js';
import type { Encoded } from './question-kinds/kind.js';

/**
 * Compact, versioned text form of the learner state, for `suspend_data`.
 * Format "2" + JSON: [location, visited, [[attempts, [criterionBest…], seenBits, attempt|0, bank], …]]
 * where an attempt is [[bank index…], [answer|null…], day started, criteriaBits, draft|0], a draft
 * is [position, [choice…]], `bank` is a short hash of the outcome's question ids (a saved attempt
 * is kept only for the bank it was drawn from), a number -1 stands for "none", and bit sets are
 * hexadecimal. `visited` is "~" and three characters per lesson opened, a short hash of its id
 * (lessonKey), so a re-issued package with a lesson added or moved still ticks the right ones;
 * a saved state from before that holds a bit set of lesson positions, read as it was.
 * Answers are each kind's own encoding (question-kinds/).
 * Version "1" (before criterion mastery) is read too: lessons opened, attempts and criterion
 * scores are kept; its attempts are not (their banks cannot be checked).
 */
export const CODEC_VERSION = '2';
/** SCORM 1.2's `cmi.suspend_data` limit, which every unit is built to stay under. */
export const SUSPEND_DATA_LIMIT = 4096;

type EncodedAnswer = Encoded | null;
type EncodedDraft = [number, number[]];
type EncodedAttempt = [number[], EncodedAnswer[], number, string, EncodedDraft | 0];
type EncodedOutcome = [number, number[], string, EncodedAttempt | 0, string];

function bitsToHex(indices: Iterable<number>): string {
  let n = 0n;
  for (const i of indices) n |= 1n << BigInt(i);
  return n.toString(16);
}

function hexToBits(hex: unknown): number[] {
  if (typeof hex !== 'string' || !/^[0-9a-f]+$/.test(hex)) throw new Error('bad bit set');
  let n = BigInt(`0x${hex}`);
  const out: number[] = [];
  for (let i = 0; n > 0n; i++, n >>= 1n) if (n & 1n) out.push(i);
  return out;
}

/** Four hex digits naming an outcome's question bank (its question ids, in order). */
export function bankHash(outcome: OutcomeData): string {
  let h = 0x811c9dc5;
  for (const ch of outcome.questions.map((q) => q.id).join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return ((h ^ (h >>> 16)) & 0xffff).toString(16).padStart(4, '0');
}

/** Three base-36 characters naming a lesson by its id, the same in every build. */
export function lessonKey(id: string): string {
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h % 36 ** 3).toString(36).padStart(3, '0');
}

/** The lessons opened, from what was saved: keys (by id), or an older bit set of positions. */
function decodeVisited(raw: string, lessonIds: string[]): string[] {
  if (!raw.startsWith('~')) return hexToBits(raw).filter((i) => i < lessonIds.length).map((i) => lessonIds[i]!);
  const byKey = new Map(lessonIds.map((id) => [lessonKey(id), id]));
  return (raw.slice(1).match(/.{3}/g) ?? []).flatMap((k) => byKey.get(k) ?? []);
}

const encodeAnswer = (q: QuestionData, r: Response | null): EncodedAnswer => (r === null ? null : encodeResponse(q, r));
const decodeAnswer = (q: QuestionData, a: unknown): Response | null => (a === null ? null : decodeResponse(q, a));

export function encodeState(course: CourseData, state: LearnerState): string {
  const lessonIds = new Set(course.outcomes.flatMap((o) => o.lessons.map((l) => l.id)));
  const visited = `~${state.visited.filter((id) => lessonIds.has(id)).map(lessonKey).join('')}`;
  const outcomes: EncodedOutcome[] = state.outcomes.map((o, i) => {
    const outcome = course.outcomes[i]!;
    const a = o.attempt;
    const attempt: EncodedAttempt | 0 = a
      ? [
          a.questions,
          a.answers.map((r, k) => encodeAnswer(outcome.questions[a.questions[k]!]!, r)),
          a.day,
          bitsToHex(a.criteria),
          a.draft ? [a.draft.position, a.draft.path] : 0,
        ]
      : 0;
    return [o.attempts, o.criterionBest.map((b) => b ?? -1), bitsToHex(o.seen), attempt, bankHash(outcome)];
  });
  return CODEC_VERSION + JSON.stringify([state.location, visited, outcomes]);
}

/**
 * Reads saved state back. Parts that no longer fit the course (a changed question bank, say)
 * are reset one outcome at a time, keeping what was earned, so the rest of the learner's
 * progress survives. Returns null when the text is not a saved state at all.
 */
export function decodeState(course: CourseData, text: string | null | undefined): LearnerState | null {
  const version = text?.[0];
  if (!text || (version !== CODEC_VERSION && version !== '1')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(1));
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length !== 3 || typeof raw[0] !== 'string' || typeof raw[1] !== 'string' || !Array.isArray(raw[2]))
    return null;
  const state = initialState(course);
  const lessonIds = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
  try {
    state.visited = decodeVisited(raw[1], lessonIds);
  } catch {
    state.visited = [];
  }
  state.location = raw[0].length <= 80 ? raw[0] : 'home';
  const outcomes = raw[2] as unknown[];
  state.outcomes = state.outcomes.map((fresh, i) => {
    try {
      return (version === '1' ? decodeOutcomeV1(course.outcomes[i]!, outcomes[i]) : decodeOutcome(course.outcomes[i]!, outcomes[i])) ?? fresh;
    } catch {
      return fresh;
    }
  });
  return state;
}

const score = (x: unknown) => {
  if (x === -1) return null;
  if (!Number.isInteger(x) || (x as number) < 0 || (x as number) > 100) throw new Error('bad score');
  return x as number;
};

function earned(outcome: OutcomeData, attempts: unknown, criterionBest: unknown): Pick<OutcomeProgress, 'attempts' | 'criterionBest'> {
  if (!Number.isInteger(attempts) || (attempts as number) < 0 || (attempts as number) > MAX_ATTEMPTS) throw new Error('bad attempts');
  if (!Array.isArray(criterionBest) || criterionBest.length !== outcome.criteria.length) throw new Error('bad criteria');
  return { attempts: attempts as number, criterionBest: criterionBest.map(score) };
}

function decodeOutcome(outcome: OutcomeData, raw: unknown): OutcomeProgress | null {
  if (raw === undefined) return null;
  if (!Array.isArray(raw) || raw.length !== 5) throw new Error('bad outcome');
  const [attempts, criterionBest, seen, attempt, bank] = raw as EncodedOutcome;
  const kept = earned(outcome, attempts, criterionBest);
  // A saved attempt and the questions seen belong to the bank they were drawn from.
  if (bank !== bankHash(outcome)) return { ...kept, seen: [], attempt: null };
  try {
    const seenList = hexToBits(seen);
    if (seenList.some((i) => i >= outcome.questions.length)) throw new Error('bad seen');
    return { ...kept, seen: seenList, attempt: attempt === 0 ? null : decodeAttempt(outcome, attempt) };
  } catch {
    return { ...kept, seen: [], attempt: null };
  }
}

function decodeAttempt(outcome: OutcomeData, raw: unknown): Attempt {
  if (!Array.isArray(raw) || raw.length !== 5) throw new Error('bad attempt');
  const [questions, answers, day, criteria, draft] = raw as EncodedAttempt;
  if (!Number.isInteger(day) || day < 0 || day > 99999) throw new Error('bad day');
  if (!Array.isArray(questions) || !Array.isArray(answers) || questions.length !== answers.length || questions.length === 0) throw new Error('bad attempt');
  if (new Set(questions).size !== questions.length) throw new Error('bad attempt');
  for (const qi of questions) if (!Number.isInteger(qi) || qi < 0 || qi >= outcome.questions.length) throw new Error('bad question');
  const scope = hexToBits(criteria);
  if (scope.length === 0 || scope.some((j) => j >= outcome.criteria.length)) throw new Error('bad criteria');
  const decoded: Attempt = { questions, answers: answers.map((a, k) => decodeAnswer(outcome.questions[questions[k]!]!, a)), day, criteria: scope };
  if (draft !== 0) decoded.draft = decodeDraft(decoded, draft);
  return decoded;
}

function decodeDraft(attempt: Attempt, raw: unknown): Draft {
  if (!Array.isArray(raw) || raw.length !== 2) throw new Error('bad draft');
  const [position, path] = raw as EncodedDraft;
  if (!Number.isInteger(position) || position < 0 || position >= attempt.questions.length || attempt.answers[position] !== null) throw new Error('bad draft');
  if (!Array.isArray(path) || path.length === 0 || path.length > 100 || !path.every((c) => Number.isInteger(c) && c >= 0)) throw new Error('bad draft');
  return { position, path };
}

/** Version 1: [attempts, best, [criterionBest…], seenBits, attempt|0]. What was earned is kept; the attempt is not. */
function decodeOutcomeV1(outcome: OutcomeData, raw: unknown): OutcomeProgress | null {
  if (raw === undefined) return null;
  if (!Array.isArray(raw) || raw.length !== 5) throw new Error('bad outcome');
  const [attempts, , criterionBest] = raw as unknown[];
  return { ...earned(outcome, attempts, criterionBest), seen: [], attempt: null };
}

/**
 * The longest `suspend_data` this course can produce: every lesson visited, every outcome at the
 * most attempts with scores of 100, every question seen, and an attempt holding the draw whose
 * answers take the most room (short answers full of characters JSON must escape), with a draft
 * of the longest simulation walk besides.
 */
export function worstCaseState(course: CourseData): LearnerState {
  const per = course.settings.questionsPerCriterion ?? MAX_QUESTIONS_PER_CRITERION;
  const size = (q: QuestionData) => JSON.stringify(encodeAnswer(q, longestResponse(q))).length;
  const longest = (o: OutcomeData) => {
    const picked = new Set<number>();
    for (const c of o.criteria) {
      const ranked = o.questions
        .map((q, i) => ({ q, i }))
        .filter(({ q }) => q.criteria.includes(c.code))
        .sort((a, b) => size(b.q) - size(a.q) || b.i - a.i);
      ranked.filter(({ i }) => !picked.has(i)).slice(0, per).forEach(({ i }) => picked.add(i));
    }
    return [...picked];
  };
  const lessonIds = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
  const longestLocation = ['home', 'assessment', 'progress', 'evidence', ...lessonIds.map((id) => `lesson:${id}`), 'results:9']
    .sort((a, b) => b.length - a.length)[0]!;
  return {
    location: longestLocation,
    visited: lessonIds,
    outcomes: course.outcomes.map((o) => {
      const questions = longest(o);
      const answers = questions.map((qi) => longestResponse(o.questions[qi]!));
      const sim = o.questions.filter((q) => q.type === 'simulation').map((q) => longestResponse(q) as number[]).sort((a, b) => b.length - a.length)[0];
      const attempt: Attempt = { questions, answers, day: 99999, criteria: o.criteria.map((_, j) => j) };
      if (sim) attempt.draft = { position: questions.length - 1, path: sim };
      return { attempts: MAX_ATTEMPTS, criterionBest: o.criteria.map(() => 100), seen: o.questions.map((_, i) => i), attempt };
    }),
  };
}

/** Length of the worst case, measured without the decoder's checks (a worst-case draft sits beside answers). */
export function worstCaseSuspendLength(course: CourseData): number {
  return encodeState(course, worstCaseState(course)).length;
}
