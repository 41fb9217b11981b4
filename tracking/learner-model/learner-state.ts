import type { CourseData, OutcomeData } from './course-data.js';
import { isCorrect, type Response } from './question-kinds/index.js';

/** Most attempts counted per knowledge check; keeps the saved state bounded. */
export const MAX_ATTEMPTS = 999;

export interface Attempt {
  /** Indices into the outcome's question bank, in the order shown. */
  questions: number[];
  /** The learner's answer to each, or null while unanswered. */
  answers: (Response | null)[];
  /** Day the attempt started (days since 1 January 1970, UTC), for evidence records. */
  day: number;
}

/** Today as a day number (days since 1 January 1970, UTC). */
export const today = (): number => Math.floor(Date.now() / 86400000);

export interface OutcomeProgress {
  /** Knowledge checks finished. */
  attempts: number;
  /** Best finished score, 0–100. */
  best: number | null;
  /** Best score per criterion of this outcome (same order as the outcome's criteria), 0–100. */
  criterionBest: (number | null)[];
  /** Bank indices already shown, so retakes prefer new questions. */
  seen: number[];
  /** The attempt in progress, or the last one finished. */
  attempt: Attempt | null;
}

export interface LearnerState {
  /** Page the learner is on: "home", "assessment", "lesson:<id>", "check:<n>", "results:<n>", "progress". */
  location: string;
  /** Lesson ids visited. */
  visited: string[];
  /** One per outcome, in course order. */
  outcomes: OutcomeProgress[];
}

export type CriterionStatus = 'met' | 'not-yet' | 'not-attempted';

export function initialState(course: CourseData): LearnerState {
  return {
    location: 'home',
    visited: [],
    outcomes: course.outcomes.map((o) => ({
      attempts: 0,
      best: null,
      criterionBest: o.criteria.map(() => null),
      seen: [],
      attempt: null,
    })),
  };
}

export const isFinished = (a: Attempt | null): boolean => a !== null && a.answers.every((x) => x !== null);

/** Draws a new attempt: questionsPerCriterion for each criterion, unseen questions first, shuffled. */
export function drawQuestions(outcome: OutcomeData, perCriterion: number, seen: readonly number[], random: () => number): number[] {
  const seenSet = new Set(seen);
  const picked = new Set<number>();
  for (const c of outcome.criteria) {
    const candidates = shuffle(
      outcome.questions.map((q, i) => ({ q, i })).filter(({ q }) => q.criteria.includes(c.code)),
      random,
    ).sort((a, b) => Number(seenSet.has(a.i)) - Number(seenSet.has(b.i)));
    let have = [...picked].filter((i) => outcome.questions[i]!.criteria.includes(c.code)).length;
    for (const { i } of candidates) {
      if (have >= perCriterion) break;
      if (picked.has(i)) continue;
      picked.add(i);
      have++;
    }
  }
  return shuffle([...picked], random);
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A small seeded generator, so a question's option order is the same every time it is shown. */
export function seededRandom(seedText: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

export function startAttempt(course: CourseData, state: LearnerState, outcomeIndex: number, random: () => number, day = today()): LearnerState {
  const outcome = course.outcomes[outcomeIndex]!;
  const progress = state.outcomes[outcomeIndex]!;
  let seen = progress.seen;
  const per = course.settings.questionsPerCriterion;
  let questions = drawQuestions(outcome, per, seen, random);
  if (questions.some((i) => seen.includes(i))) {
    // The bank is used up: start a fresh round of unseen questions.
    seen = [];
    questions = drawQuestions(outcome, per, seen, random);
  }
  const next: OutcomeProgress = {
    ...progress,
    seen: [...new Set([...seen, ...questions])].sort((a, b) => a - b),
    attempt: { questions, answers: questions.map(() => null), day },
  };
  return withOutcome(state, outcomeIndex, next);
}

/** Records an answer; when it is the attempt's last, scores the attempt. */
export function answerQuestion(course: CourseData, state: LearnerState, outcomeIndex: number, position: number, response: Response): LearnerState {
  const progress = state.outcomes[outcomeIndex]!;
  const attempt = progress.attempt;
  if (!attempt || isFinished(attempt) || attempt.answers[position] !== null) return state;
  const answers = attempt.answers.map((a, i) => (i === position ? response : a));
  let next: OutcomeProgress = { ...progress, attempt: { ...attempt, answers } };
  if (answers.every((a) => a !== null)) {
    const score = scoreAttempt(course.outcomes[outcomeIndex]!, next.attempt!);
    next = {
      ...next,
      attempts: Math.min(MAX_ATTEMPTS, progress.attempts + 1),
      best: Math.max(progress.best ?? 0, score.score),
      criterionBest: progress.criterionBest.map((b, i) => {
        const s = score.byCriterion[i];
        return s === null || s === undefined ? b : Math.max(b ?? 0, s);
      }),
    };
  }
  return withOutcome(state, outcomeIndex, next);
}

export interface AttemptScore {
  /** 0–100 over all questions. */
  score: number;
  correct: number;
  total: number;
  /** 0–100 per criterion of the outcome (null when the attempt asked none of its questions). */
  byCriterion: (number | null)[];
}

export function scoreAttempt(outcome: OutcomeData, attempt: Attempt): AttemptScore {
  const right = attempt.questions.map((qi, k) => {
    const a = attempt.answers[k];
    return a !== null && a !== undefined && isCorrect(outcome.questions[qi]!, a);
  });
  const correct = right.filter(Boolean).length;
  const byCriterion = outcome.criteria.map((c) => {
    const ks = attempt.questions.map((qi, k) => ({ q: outcome.questions[qi]!, k })).filter(({ q }) => q.criteria.includes(c.code));
    if (ks.length === 0) return null;
    return percent(ks.filter(({ k }) => right[k]).length, ks.length);
  });
  return { score: percent(correct, attempt.questions.length), correct, total: attempt.questions.length, byCriterion };
}

export const percent = (n: number, d: number): number => (d === 0 ? 0 : Math.round((100 * n) / d));

export function criterionStatus(best: number | null, passMark: number): CriterionStatus {
  if (best === null) return 'not-attempted';
  return best >= passMark ? 'met' : 'not-yet';
}

export interface UnitResult {
  completion: 'completed' | 'incomplete';
  success: 'passed' | 'failed' | 'unknown';
  /**
   * The lowest outcome score (an outcome not yet taken counts 0): it reaches the pass mark exactly
   * when every outcome's knowledge check does, so an LMS that derives pass/fail from the score agrees.
   * Null until every outcome has been taken, so no LMS grades a half-finished unit.
   */
  scoreRaw: number | null;
  /** Share of lessons visited and checks finished, 0–1. */
  progress: number;
}

export function unitResult(course: CourseData, state: LearnerState, passMark = course.settings.passMark): UnitResult {
  const bests = state.outcomes.map((o) => o.best);
  const allTaken = bests.every((b) => b !== null);
  const scoreRaw = Math.min(...bests.map((b) => b ?? 0));
  const pass = passMark;
  const lessons = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
  const visited = lessons.filter((id) => state.visited.includes(id)).length;
  const taken = bests.filter((b) => b !== null).length;
  return {
    completion: allTaken ? 'completed' : 'incomplete',
    success: allTaken ? (scoreRaw >= pass ? 'passed' : 'failed') : 'unknown',
    scoreRaw: allTaken ? scoreRaw : null,
    progress: Math.round((100 * (visited + taken)) / (lessons.length + bests.length)) / 100,
  };
}

function withOutcome(state: LearnerState, index: number, progress: OutcomeProgress): LearnerState {
  return { ...state, outcomes: state.outcomes.map((o, i) => (i === index ? progress : o)) };
}

/**
 * Two saved states of one learner on one unit made one, losing nothing either holds: every
 * lesson opened, per outcome the progress of whichever has done more (attempts, then answers of
 * the attempt in progress), best scores at their highest, and the place of `newer`.
 */
export function mergeStates(older: LearnerState, newer: LearnerState): LearnerState {
  const answered = (p: OutcomeProgress) => p.attempt?.answers.filter((a) => a !== null).length ?? 0;
  return {
    location: newer.location,
    visited: [...new Set([...older.visited, ...newer.visited])],
    outcomes: newer.outcomes.map((n, i) => {
      const o = older.outcomes[i]!;
      const ahead = o.attempts > n.attempts || (o.attempts === n.attempts && answered(o) > answered(n)) ? o : n;
      const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
      return {
        ...ahead,
        attempts: Math.max(o.attempts, n.attempts),
        best: max(o.best, n.best),
        criterionBest: n.criterionBest.map((b, j) => max(b, o.criterionBest[j] ?? null)),
        seen: [...new Set([...o.seen, ...n.seen])].sort((a, b) => a - b),
      };
    }),
  };
}

/**
 * A state rebuilt from the criterion scores an LMS holds (objective id → 0–100), for a launch
 * that finds no saved state but an LMS that remembers what was earned. Each scored criterion
 * keeps its best score; an outcome with any counts one knowledge check taken, its best the
 * lowest of its criteria (a criterion without a score counts 0).
 */
export function stateFromScores(course: CourseData, scores: Record<string, number>, objectiveId: (code: string) => string): LearnerState {
  const state = initialState(course);
  state.outcomes = course.outcomes.map((o, i) => {
    const criterionBest = o.criteria.map((c) => scores[objectiveId(c.code)] ?? null);
    if (criterionBest.every((b) => b === null)) return state.outcomes[i]!;
    return { ...state.outcomes[i]!, attempts: 1, best: Math.min(...criterionBest.map((b) => b ?? 0)), criterionBest };
  });
  return state;
}
