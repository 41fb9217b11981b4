import type { CourseData, OutcomeData } from './course-data.js';
import { creditOf, type Response } from './question-kinds/index.js';
import { shuffle } from './shuffle.js';

/** Most attempts counted per knowledge check; keeps the saved state bounded. */
export const MAX_ATTEMPTS = 999;
/** The most questions a check asks per criterion (the fewest a bank must hold per criterion). */
export const MAX_QUESTIONS_PER_CRITERION = 5;

/**
 * Questions a knowledge check asks per criterion: the fewest with which one slip can still reach
 * the pass mark, so the pass mark means something (at 80 %: 4 of 5), from 3 to 5. A pass mark
 * above 80 % asks 5, and then needs 5 of 5.
 */
export function questionsPerCriterion(passMark: number, override?: number): number {
  if (override !== undefined) return override;
  const n = Math.ceil(1 / Math.max(1e-9, 1 - passMark / 100) - 1e-9);
  return Math.min(MAX_QUESTIONS_PER_CRITERION, Math.max(3, n));
}

/** A simulation in progress at one position of a check: the choices made so far (its partial response). */
export interface Draft {
  position: number;
  path: number[];
}

export interface Attempt {
  /** Indices into the outcome's question bank, in the order shown. */
  questions: number[];
  /** The learner's answer to each, or null while unanswered. */
  answers: (Response | null)[];
  /** Day the attempt started (days since 1 January 1970, UTC), for evidence records. */
  day: number;
  /** The criteria the attempt asks about (indices into the outcome's criteria): all, or those not yet met. */
  criteria: number[];
  /** A simulation the learner is part way through. */
  draft?: Draft;
}

/** Today as a day number (days since 1 January 1970, UTC). */
export const today = (): number => Math.floor(Date.now() / 86400000);

export interface OutcomeProgress {
  /** Knowledge checks finished. */
  attempts: number;
  /**
   * Best score per criterion of this outcome (same order as the outcome's criteria), 0–100: the
   * highest any finished check gave it. A criterion is met once this reaches the pass mark.
   */
  criterionBest: (number | null)[];
  /** Bank indices already shown, so retakes prefer new questions. */
  seen: number[];
  /** The attempt in progress, or the last one finished. */
  attempt: Attempt | null;
}

export interface LearnerState {
  /** Where the learner is, as location.ts writes it ("home", "lesson:<id>", "check:<n>" …). */
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
    outcomes: course.outcomes.map((o) => ({ attempts: 0, criterionBest: o.criteria.map(() => null), seen: [], attempt: null })),
  };
}

export const isFinished = (a: Attempt | null): boolean => a !== null && a.answers.every((x) => x !== null);

/** The number of the attempt on screen: the one in progress, or the last finished (it does not change as the last answer finishes it). */
export const attemptNumber = (p: OutcomeProgress): number => p.attempts + (p.attempt && !isFinished(p.attempt) ? 1 : 0);

export function criterionStatus(best: number | null, passMark: number): CriterionStatus {
  if (best === null) return 'not-attempted';
  return best >= passMark ? 'met' : 'not-yet';
}

/** Indices of an outcome's criteria whose knowledge check is not yet met. */
export const criteriaNotMet = (p: OutcomeProgress, passMark: number): number[] =>
  p.criterionBest.flatMap((b, j) => (criterionStatus(b, passMark) === 'met' ? [] : [j]));

/** The outcome's knowledge check is met when every one of its criteria is. */
export const outcomeMet = (p: OutcomeProgress, passMark: number): boolean => criteriaNotMet(p, passMark).length === 0;

/** An outcome's standing: its weakest criterion's best score (a criterion not yet taken counts 0); null before any check. */
export const outcomeScore = (p: OutcomeProgress): number | null => (p.attempts === 0 ? null : Math.min(...p.criterionBest.map((b) => b ?? 0)));

/**
 * Draws a new attempt over the given criteria: `perCriterion` questions for each, unseen
 * questions first, shuffled. A question on two criteria counts for both.
 */
export function drawQuestions(outcome: OutcomeData, perCriterion: number, seen: readonly number[], random: () => number, criteria?: readonly number[]): number[] {
  const seenSet = new Set(seen);
  const picked = new Set<number>();
  const scope = (criteria ?? outcome.criteria.map((_, j) => j)).map((j) => outcome.criteria[j]!.code);
  for (const code of scope) {
    const candidates = shuffle(
      outcome.questions.map((q, i) => ({ q, i })).filter(({ q }) => q.criteria.includes(code)),
      random,
    ).sort((a, b) => Number(seenSet.has(a.i)) - Number(seenSet.has(b.i)));
    let have = [...picked].filter((i) => outcome.questions[i]!.criteria.includes(code)).length;
    for (const { i } of candidates) {
      if (have >= perCriterion) break;
      if (picked.has(i)) continue;
      picked.add(i);
      have++;
    }
  }
  return shuffle([...picked], random);
}

/** Which criteria a new attempt asks about: those not yet met (a retake), or all of them (the first check, or practice of the whole). */
export type AttemptScope = 'not-met' | 'all';

export function startAttempt(
  course: CourseData,
  state: LearnerState,
  outcomeIndex: number,
  random: () => number,
  options: { passMark?: number; scope?: AttemptScope; day?: number } = {},
): LearnerState {
  const outcome = course.outcomes[outcomeIndex]!;
  const progress = state.outcomes[outcomeIndex]!;
  const passMark = options.passMark ?? course.settings.passMark;
  const notMet = criteriaNotMet(progress, passMark);
  const criteria = options.scope === 'not-met' && notMet.length > 0 ? notMet : outcome.criteria.map((_, j) => j);
  const per = questionsPerCriterion(passMark, course.settings.questionsPerCriterion);
  let seen = progress.seen;
  let questions = drawQuestions(outcome, per, seen, random, criteria);
  if (questions.some((i) => seen.includes(i))) {
    // The unseen questions are used up: start a fresh round of unseen questions.
    seen = seen.filter((i) => !outcome.questions[i]!.criteria.some((c) => criteria.some((j) => outcome.criteria[j]!.code === c)));
    questions = drawQuestions(outcome, per, seen, random, criteria);
  }
  const next: OutcomeProgress = {
    ...progress,
    seen: [...new Set([...seen, ...questions])].sort((a, b) => a - b),
    attempt: { questions, answers: questions.map(() => null), day: options.day ?? today(), criteria },
  };
  return withOutcome(state, outcomeIndex, next);
}

/** Keeps the choices made so far in a simulation at a position of the attempt in progress. */
export function saveDraft(state: LearnerState, outcomeIndex: number, position: number, path: number[]): LearnerState {
  const progress = state.outcomes[outcomeIndex]!;
  const attempt = progress.attempt;
  if (!attempt || attempt.answers[position] !== null) return state;
  const draft = attempt.draft;
  // A draft only grows: a choice made is never taken back.
  if (draft && draft.position === position && (path.length < draft.path.length || draft.path.some((c, k) => path[k] !== c))) return state;
  return withOutcome(state, outcomeIndex, { ...progress, attempt: { ...attempt, draft: { position, path: [...path] } } });
}

/** Records an answer; when it is the attempt's last, scores the attempt. */
export function answerQuestion(course: CourseData, state: LearnerState, outcomeIndex: number, position: number, response: Response): LearnerState {
  const progress = state.outcomes[outcomeIndex]!;
  const attempt = progress.attempt;
  if (!attempt || isFinished(attempt) || attempt.answers[position] !== null) return state;
  const { draft: _draft, ...rest } = attempt;
  void _draft;
  const answers = attempt.answers.map((a, i) => (i === position ? response : a));
  let next: OutcomeProgress = { ...progress, attempt: { ...rest, answers } };
  if (answers.every((a) => a !== null)) {
    const score = scoreAttempt(course.outcomes[outcomeIndex]!, next.attempt!);
    next = {
      ...next,
      attempts: Math.min(MAX_ATTEMPTS, progress.attempts + 1),
      criterionBest: progress.criterionBest.map((b, i) => {
        const s = score.byCriterion[i];
        return s === null || s === undefined ? b : Math.max(b ?? 0, s);
      }),
    };
  }
  return withOutcome(state, outcomeIndex, next);
}

export interface AttemptScore {
  /** 0–100 over every criterion's credit in the attempt. */
  score: number;
  /** Questions answered right, of those asked. */
  correct: number;
  total: number;
  /** 0–100 per criterion of the outcome (null when the attempt asked none of its questions). */
  byCriterion: (number | null)[];
}

/** Scores an attempt: each criterion by the credit its questions earned (answers 1 or 0; simulations by the quality of their turns). */
export function scoreAttempt(outcome: OutcomeData, attempt: Attempt): AttemptScore {
  const earned = new Map<string, { earned: number; possible: number }>();
  let correct = 0;
  attempt.questions.forEach((qi, k) => {
    const a = attempt.answers[k];
    if (a === null || a === undefined) return;
    const q = outcome.questions[qi]!;
    const credits = creditOf(q, a);
    if (credits.every((c) => c.earned === c.possible)) correct++;
    for (const c of credits) {
      const e = earned.get(c.code) ?? { earned: 0, possible: 0 };
      earned.set(c.code, { earned: e.earned + c.earned, possible: e.possible + c.possible });
    }
  });
  const byCriterion = outcome.criteria.map((c) => {
    const e = earned.get(c.code);
    return e && e.possible > 0 ? percent(e.earned, e.possible) : null;
  });
  const all = [...earned.values()].reduce((n, e) => ({ earned: n.earned + e.earned, possible: n.possible + e.possible }), { earned: 0, possible: 0 });
  return { score: percent(all.earned, all.possible), correct, total: attempt.questions.length, byCriterion };
}

export const percent = (n: number, d: number): number => (d === 0 ? 0 : Math.round((100 * n) / d));

export interface UnitResult {
  completion: 'completed' | 'incomplete';
  success: 'passed' | 'failed' | 'unknown';
  /**
   * The lowest criterion score (a criterion not yet taken counts 0): it reaches the pass mark
   * exactly when every criterion's knowledge check is met, so an LMS that derives pass or fail
   * from the score agrees. Null until every outcome has been taken, so no LMS grades a half-done unit.
   */
  scoreRaw: number | null;
  /** Share of lessons visited and checks finished, 0–1. */
  progress: number;
}

/** The unit: completed once every outcome's check has been taken; passed only when every criterion is met. */
export function unitResult(course: CourseData, state: LearnerState, passMark = course.settings.passMark): UnitResult {
  const allTaken = state.outcomes.every((o) => o.attempts > 0);
  const scores = state.outcomes.flatMap((o) => o.criterionBest.map((b) => b ?? 0));
  const scoreRaw = Math.min(...scores);
  const lessons = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
  const visited = lessons.filter((id) => state.visited.includes(id)).length;
  const taken = state.outcomes.filter((o) => o.attempts > 0).length;
  return {
    completion: allTaken ? 'completed' : 'incomplete',
    success: allTaken ? (scoreRaw >= passMark ? 'passed' : 'failed') : 'unknown',
    scoreRaw: allTaken ? scoreRaw : null,
    progress: Math.round((100 * (visited + taken)) / (lessons.length + state.outcomes.length)) / 100,
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
  const answered = (p: OutcomeProgress) => (p.attempt?.answers.filter((a) => a !== null).length ?? 0) + (p.attempt?.draft ? 0.5 : 0);
  const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  return {
    location: newer.location,
    visited: [...new Set([...older.visited, ...newer.visited])],
    outcomes: newer.outcomes.map((n, i) => {
      const o = older.outcomes[i]!;
      const ahead = o.attempts > n.attempts || (o.attempts === n.attempts && answered(o) > answered(n)) ? o : n;
      return {
        ...ahead,
        attempts: Math.max(o.attempts, n.attempts),
        criterionBest: n.criterionBest.map((b, j) => max(b, o.criterionBest[j] ?? null)),
        seen: [...new Set([...o.seen, ...n.seen])].sort((a, b) => a - b),
      };
    }),
  };
}

/**
 * A state rebuilt from the criterion scores an LMS holds (objective id → 0–100), for a launch
 * that finds no saved state but an LMS that remembers what was earned: each scored criterion
 * keeps its best score; an outcome with any counts one knowledge check taken.
 */
export function stateFromScores(course: CourseData, scores: Record<string, number>, objectiveId: (code: string) => string): LearnerState {
  const state = initialState(course);
  state.outcomes = course.outcomes.map((o, i) => {
    const criterionBest = o.criteria.map((c) => scores[objectiveId(c.code)] ?? null);
    if (criterionBest.every((b) => b === null)) return state.outcomes[i]!;
    return { ...state.outcomes[i]!, attempts: 1, criterionBest };
  });
  return state;
}
