import type { CourseData, QuestionData } from '../../tracking/learner-model/course-data.js';
import { plainText } from '../../tracking/plain-text.js';

/** Words that hedge a claim: a right option that alone carries one is easy to spot. */
const HEDGE = /\b(usually|normally|generally|often|may(?!\s+\d)|might|can(?!['’]t|not)|could(?!n['’]t)|typically|where possible|in most cases|depending|likely|sometimes|tends? to)\b/i;

export interface GiveAway {
  /** The right answer is the longest option (single: strictly longer than every wrong one; multiple: every right one longer than every wrong one). */
  longest: boolean;
  /** The right answer alone hedges its claim. */
  onlyHedged: boolean;
}

/** Whether a choice question's right answer stands out by its form; null for other kinds. */
export function giveAwayOf(q: QuestionData): GiveAway | null {
  if (q.type !== 'single' && q.type !== 'multiple') return null;
  const options = q.options.map((o) => ({ text: plainText(o.text), correct: o.correct }));
  const right = options.filter((o) => o.correct);
  const wrong = options.filter((o) => !o.correct);
  const longestWrong = Math.max(...wrong.map((o) => o.text.length));
  const longest = right.every((o) => o.text.length > longestWrong);
  const onlyHedged = right.some((o) => HEDGE.test(o.text)) && !wrong.some((o) => HEDGE.test(o.text));
  return { longest, onlyHedged };
}

export interface CriterionGiveAway {
  code: string;
  /** Choice questions (single and multiple) on the criterion. */
  choiceQuestions: number;
  /** Of those, the ones whose right answer is the longest or the only hedged one. */
  giveAways: number;
  /** The question ids counted in giveAways. */
  ids: string[];
}

/**
 * Per criterion, how many of its choice questions a learner could answer by form alone: the right
 * answer the longest, or the only one that hedges. By chance about a quarter of four-option
 * questions have the longest option right; a bank should stay near that, at most a third.
 */
export function giveAwaysByCriterion(course: CourseData): CriterionGiveAway[] {
  return course.outcomes.flatMap((o) =>
    o.criteria.map((c) => {
      const choice = o.questions.filter((q) => q.criteria.includes(c.code) && giveAwayOf(q) !== null);
      const ids = choice.filter((q) => {
        const g = giveAwayOf(q)!;
        return g.longest || g.onlyHedged;
      }).map((q) => q.id);
      return { code: c.code, choiceQuestions: choice.length, giveAways: ids.length, ids };
    }),
  );
}

/** The most give-aways a criterion's bank may have: a third of its choice questions, rounded up. */
export const allowedGiveAways = (choiceQuestions: number): number => Math.ceil(choiceQuestions / 3);

/**
 * Where the right option of a unit's single-choice questions falls when the options are ranked by
 * length (0 the longest): the share of questions at each rank. A learner who always picks the
 * option at one rank ("the second longest") should do no better than guessing, so no rank should
 * hold much more than its share.
 */
export function rightAnswerLengthRanks(course: CourseData): { questions: number; shares: number[] } {
  const counts: number[] = [];
  let n = 0;
  for (const q of course.outcomes.flatMap((o) => o.questions)) {
    if (q.type !== 'single') continue;
    const lengths = q.options.map((o) => plainText(o.text).length);
    const right = lengths[q.options.findIndex((o) => o.correct)]!;
    const rank = lengths.filter((l) => l > right).length;
    counts[rank] = (counts[rank] ?? 0) + 1;
    n++;
  }
  return { questions: n, shares: Array.from({ length: counts.length }, (_, r) => (n ? (counts[r] ?? 0) / n : 0)) };
}

/** The largest share any length rank may hold (for four options chance is a quarter). */
export const MAX_RANK_SHARE = 0.4;
