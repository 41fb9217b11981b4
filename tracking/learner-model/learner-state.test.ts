import { describe, expect, it } from 'vitest';
import type { CourseData } from './course-data.js';
import { answerQuestion, drawQuestions, initialState, seededRandom, startAttempt, unitResult } from './learner-state.js';
import type { Response } from './question-kinds/index.js';
import { loadAllCourses } from '../../tests/support/units.js';

const course = loadAllCourses().find((c) => c.unit.id === 'f-503-0389')!;

function correctResponse(q: CourseData['outcomes'][number]['questions'][number]): Response {
  switch (q.type) {
    case 'single':
      return q.options.findIndex((o) => o.correct);
    case 'multiple':
      return q.options.flatMap((o, i) => (o.correct ? [i] : []));
    case 'true-false':
      return q.correct;
    case 'matching':
      return q.pairs.map((_, i) => i);
    case 'ordering':
      return q.steps.map((_, i) => i);
    case 'short-text':
      return q.answers[0]!;
    case 'scenario':
      return q.steps.map((s) => s.choices.findIndex((c) => c.correct));
  }
}

function takeCheck(c: CourseData, s: ReturnType<typeof initialState>, oi: number, right: (k: number) => boolean) {
  s = startAttempt(c, s, oi, seededRandom('t'));
  const a = s.outcomes[oi]!.attempt!;
  a.questions.forEach((qi, k) => {
    const q = c.outcomes[oi]!.questions[qi]!;
    const good = correctResponse(q);
    const bad: Response = q.type === 'true-false' ? !q.correct : q.type === 'short-text' ? 'zzz' : q.type === 'single' ? q.options.findIndex((o) => !o.correct) : q.type === 'multiple' ? [q.options.findIndex((o) => !o.correct)] : [...(good as number[])].reverse();
    s = answerQuestion(c, s, oi, k, right(k) ? good : bad);
  });
  return s;
}

describe('knowledge check draw and scoring', () => {
  it('draws questionsPerCriterion for every criterion, unseen first, with no repeats', () => {
    const o = course.outcomes[0]!;
    const first = drawQuestions(o, 2, [], seededRandom('a'));
    expect(new Set(first).size).toBe(first.length);
    for (const c of o.criteria) expect(first.filter((i) => o.questions[i]!.criteria.includes(c.code)).length).toBeGreaterThanOrEqual(2);
    const second = drawQuestions(o, 2, first, seededRandom('b'));
    const overlap = second.filter((i) => first.includes(i));
    // Every criterion has at least 4 questions, so a retake can avoid all of the first draw.
    expect(overlap).toEqual([]);
  });

  it('scores criteria, keeps the best, and passes the unit only when every outcome passes', () => {
    let s = initialState(course);
    s = takeCheck(course, s, 0, () => true);
    expect(s.outcomes[0]!.best).toBe(100);
    expect(s.outcomes[0]!.criterionBest.every((b) => b === 100)).toBe(true);
    expect(unitResult(course, s)).toMatchObject({ completion: 'incomplete', success: 'unknown', scoreRaw: null });
    s = takeCheck(course, s, 0, () => false); // a worse retake keeps the best
    expect(s.outcomes[0]!.best).toBe(100);
    expect(s.outcomes[0]!.attempts).toBe(2);
    for (let oi = 1; oi < course.outcomes.length; oi++) s = takeCheck(course, s, oi, (k) => k !== 0);
    const r = unitResult(course, s);
    const lowest = Math.min(...s.outcomes.map((o) => o.best!));
    expect(r.scoreRaw).toBe(lowest);
    expect(r.completion).toBe('completed');
    expect(r.success).toBe(lowest >= course.settings.passMark ? 'passed' : 'failed');
  });
});
