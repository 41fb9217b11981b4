import type { CourseData } from './course-data.js';
import type { Encoded } from './question-kinds/kind.js';
import { MAX_ATTEMPTS, initialState, type Attempt, type LearnerState, type OutcomeProgress } from './learner-state.js';
import { decodeResponse, encodeResponse, longestResponse, type QuestionData, type Response } from './question-kinds/index.js';

/**
 * Compact, versioned text form of the learner state, for `suspend_data`.
 * Format "1" + JSON: [location, visitedBits, [[attempts, best, [criterionBest…], seenBits, attempt|0], …]]
 * where an attempt is [[bank index…], [answer|null…], day started], a number -1 stands for "none", and
 * bit sets are hexadecimal. Answers: option index, sorted index list, 1/0 for true/false,
 * index list for matching and ordering, text for short answers.
 */
export const CODEC_VERSION = '1';
/** SCORM 1.2's `cmi.suspend_data` limit, which every unit is built to stay under. */
export const SUSPEND_DATA_LIMIT = 4096;

type EncodedAnswer = Encoded | null;
type EncodedAttempt = [number[], EncodedAnswer[], number];
type EncodedOutcome = [number, number, number[], string, EncodedAttempt | 0];

function bitsToHex(indices: Iterable<number>): string {
  let n = 0n;
  for (const i of indices) n |= 1n << BigInt(i);
  return n.toString(16);
}

function hexToBits(hex: string): number[] {
  if (!/^[0-9a-f]+$/.test(hex)) throw new Error('bad bit set');
  let n = BigInt(`0x${hex}`);
  const out: number[] = [];
  for (let i = 0; n > 0n; i++, n >>= 1n) if (n & 1n) out.push(i);
  return out;
}

const encodeAnswer = (q: QuestionData, r: Response | null): EncodedAnswer => (r === null ? null : encodeResponse(q, r));

function decodeAnswer(q: QuestionData, a: unknown): Response | null {
  return a === null ? null : decodeResponse(q, a);
}

export function encodeState(course: CourseData, state: LearnerState): string {
  const lessonIds = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
  const visited = state.visited.map((id) => lessonIds.indexOf(id)).filter((i) => i >= 0);
  const outcomes: EncodedOutcome[] = state.outcomes.map((o, i) => [
    o.attempts,
    o.best ?? -1,
    o.criterionBest.map((b) => b ?? -1),
    bitsToHex(o.seen),
    o.attempt ? [o.attempt.questions, o.attempt.answers.map((a, k) => encodeAnswer(course.outcomes[i]!.questions[o.attempt!.questions[k]!]!, a)), o.attempt.day] : 0,
  ]);
  return CODEC_VERSION + JSON.stringify([state.location, bitsToHex(visited), outcomes]);
}

/**
 * Reads saved state back. Parts that no longer fit the course (a changed question bank, say)
 * are reset one outcome at a time, so the rest of the learner's progress survives.
 * Returns null when the text is not a saved state at all.
 */
export function decodeState(course: CourseData, text: string | null | undefined): LearnerState | null {
  if (!text || !text.startsWith(CODEC_VERSION)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(CODEC_VERSION.length));
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length !== 3 || typeof raw[0] !== 'string' || typeof raw[1] !== 'string' || !Array.isArray(raw[2]))
    return null;
  const state = initialState(course);
  const lessonIds = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
  try {
    state.visited = hexToBits(raw[1]).filter((i) => i < lessonIds.length).map((i) => lessonIds[i]!);
  } catch {
    state.visited = [];
  }
  state.location = raw[0].length <= 80 ? raw[0] : 'home';
  const outcomes = raw[2] as unknown[];
  state.outcomes = state.outcomes.map((fresh, i) => {
    try {
      return decodeOutcome(course, i, outcomes[i]) ?? fresh;
    } catch {
      return fresh;
    }
  });
  return state;
}

function decodeOutcome(course: CourseData, index: number, raw: unknown): OutcomeProgress | null {
  if (raw === undefined) return null;
  const outcome = course.outcomes[index]!;
  if (!Array.isArray(raw) || raw.length !== 5) throw new Error('bad outcome');
  const [attempts, best, criterionBest, seen, attempt] = raw as EncodedOutcome;
  const score = (x: unknown) => {
    if (x === -1) return null;
    if (!Number.isInteger(x) || (x as number) < 0 || (x as number) > 100) throw new Error('bad score');
    return x as number;
  };
  if (!Number.isInteger(attempts) || attempts < 0 || attempts > MAX_ATTEMPTS) throw new Error('bad attempts');
  if (!Array.isArray(criterionBest) || criterionBest.length !== outcome.criteria.length) throw new Error('bad criteria');
  const seenList = hexToBits(seen);
  if (seenList.some((i) => i >= outcome.questions.length)) throw new Error('bad seen');
  let decoded: Attempt | null = null;
  if (attempt !== 0) {
    if (!Array.isArray(attempt) || attempt.length !== 3) throw new Error('bad attempt');
    const [questions, answers, day] = attempt;
    if (!Number.isInteger(day) || day < 0 || day > 99999) throw new Error('bad day');
    if (!Array.isArray(questions) || !Array.isArray(answers) || questions.length !== answers.length || questions.length === 0)
      throw new Error('bad attempt');
    if (new Set(questions).size !== questions.length) throw new Error('bad attempt');
    decoded = {
      questions: questions.map((qi) => {
        if (!Number.isInteger(qi) || qi < 0 || qi >= outcome.questions.length) throw new Error('bad question');
        return qi;
      }),
      answers: answers.map((a, k) => decodeAnswer(outcome.questions[questions[k]!]!, a)),
      day,
    };
  }
  return { attempts, best: score(best), criterionBest: criterionBest.map(score), seen: seenList, attempt: decoded };
}

/**
 * The longest `suspend_data` this course can produce: every lesson visited, every outcome at the
 * most attempts with scores of 100, every question seen, and an attempt holding the draw whose
 * answers take the most room (short answers full of characters JSON must escape).
 */
export function worstCaseState(course: CourseData): LearnerState {
  const per = course.settings.questionsPerCriterion;
  const longest = (o: CourseData['outcomes'][number]) => {
    const size = (q: QuestionData) => JSON.stringify(encodeAnswer(q, longestResponse(q))).length + String(o.questions.length).length + 2;
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
      return {
        attempts: MAX_ATTEMPTS,
        best: 100,
        criterionBest: o.criteria.map(() => 100),
        seen: o.questions.map((_, i) => i),
        attempt: { questions, answers: questions.map((qi) => longestResponse(o.questions[qi]!)), day: 99999 },
      };
    }),
  };
}

export function worstCaseSuspendLength(course: CourseData): number {
  return encodeState(course, worstCaseState(course)).length;
}
