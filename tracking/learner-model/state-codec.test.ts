import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CourseData } from './course-data.js';
import { answerQuestion, initialState, startAttempt, type LearnerState } from './learner-state.js';
import { seededRandom } from './shuffle.js';
import { walk, type Response } from './question-kinds/index.js';
import { SUSPEND_DATA_LIMIT, decodeState, encodeState, lessonKey, worstCaseState, worstCaseSuspendLength } from './state-codec.js';
import { loadAllCourses } from '../../tests/support/units.js';

const courses = loadAllCourses();

/** A response of the right shape for a question, from a seeded generator. */
function someResponse(q: CourseData['outcomes'][number]['questions'][number], r: () => number): Response {
  const perm = (n: number) => {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  switch (q.type) {
    case 'single':
      return Math.floor(r() * q.options.length);
    case 'multiple':
      return perm(q.options.length).slice(0, 1 + Math.floor(r() * q.options.length)).sort((a, b) => a - b);
    case 'true-false':
      return r() < 0.5;
    case 'matching':
      return perm(q.pairs.length);
    case 'ordering':
      return perm(q.steps.length);
    case 'short-text':
      return ['"quoted"', 'back\\slash', 'ümlaut £5', 'x'.repeat(40)][Math.floor(r() * 4)]!;
    case 'simulation': {
      // A random walk from a random opening to an end.
      const path = [Math.floor(r() * q.openings.length)];
      for (let p = walk(q, path)!; p.current; p = walk(q, path)!) path.push(p.current.kind === 'write' ? 0 : Math.floor(r() * p.current.choices.length));
      return path;
    }
  }
}

/** Plays a learner through random attempts and answers: a state the player can reach. */
function reachableState(course: CourseData, seed: number, steps: number): LearnerState {
  const r = seededRandom(String(seed));
  let s = initialState(course);
  const lessons = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
  s = { ...s, visited: lessons.filter(() => r() < 0.5), location: r() < 0.5 ? 'home' : `lesson:${lessons[0]}` };
  for (let k = 0; k < steps; k++) {
    const oi = Math.floor(r() * course.outcomes.length);
    const a = s.outcomes[oi]!.attempt;
    if (!a || a.answers.every((x) => x !== null) || r() < 0.1) s = startAttempt(course, s, oi, r);
    const att = s.outcomes[oi]!.attempt!;
    const pos = att.answers.findIndex((x) => x === null);
    if (pos >= 0) s = answerQuestion(course, s, oi, pos, someResponse(course.outcomes[oi]!.questions[att.questions[pos]!]!, r));
  }
  return s;
}

describe('state codec', () => {
  it('has real units to check', () => {
    expect(courses.length).toBeGreaterThanOrEqual(1);
  });

  it.each(courses.map((c) => [c.unit.id, c] as const))('%s: any reachable state round-trips exactly and stays under 4096', (_, course) => {
    const worst = worstCaseSuspendLength(course);
    expect(worst).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 200 }), (seed, steps) => {
        const state = reachableState(course, seed, steps);
        const text = encodeState(course, state);
        expect(decodeState(course, text)).toEqual(state);
        expect(text.length).toBeLessThanOrEqual(worst);
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips the worst case itself, its draft where a real one stands (at a question not yet answered)', () => {
    for (const course of courses) {
      const state = worstCaseState(course);
      // The worst case measures a draft beside every answer, which no real state holds.
      for (const o of state.outcomes) if (o.attempt?.draft) o.attempt.answers[o.attempt.draft.position] = null;
      expect(decodeState(course, encodeState(course, state)), course.unit.id).toEqual(state);
    }
  });

  it('returns null for text that is not a saved state', () => {
    const course = courses[0]!;
    for (const bad of ['', 'hello', '1{', '1[]', '2{', '3["home","0",[]]', null, undefined]) expect(decodeState(course, bad)).toBeNull();
  });

  it('drops only the saved part that no longer fits the course, keeping what was earned', () => {
    const course = courses[0]!;
    const state = reachableState(course, 7, 60);
    const parsed = JSON.parse(encodeState(course, state).slice(1));
    parsed[2][0][3] = [[99999], [0], 20000, '1', 0]; // a question index the bank does not have
    const decoded = decodeState(course, `2${JSON.stringify(parsed)}`)!;
    expect(decoded.outcomes[0]).toEqual({ ...state.outcomes[0]!, seen: [], attempt: null });
    expect(decoded.outcomes.slice(1)).toEqual(state.outcomes.slice(1));
    expect(decoded.visited).toEqual(state.visited);
  });

  it('keeps a saved attempt only for the question bank it was drawn from', () => {
    const course = courses[0]!;
    const state = reachableState(course, 3, 60);
    const changed = { ...course, outcomes: course.outcomes.map((o, i) => (i === 0 ? { ...o, questions: [...o.questions].reverse() } : o)) };
    const decoded = decodeState(changed, encodeState(course, state))!;
    expect(decoded.outcomes[0]).toEqual({ ...state.outcomes[0]!, seen: [], attempt: null });
    expect(decoded.outcomes.slice(1)).toEqual(state.outcomes.slice(1));
  });

  it('ticks the same lessons in a re-issued package with a lesson added before them, and still reads positions saved earlier', () => {
    const course = courses[0]!;
    const first = course.outcomes[0]!;
    const ids = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
    const state: LearnerState = { ...initialState(course), visited: [ids[0]!, ids[2]!, ids.at(-1)!] };
    const added = { ...first.lessons[0]!, id: 'a-new-lesson', title: 'A new lesson' };
    const reissued = { ...course, outcomes: course.outcomes.map((o, i) => (i === 0 ? { ...o, lessons: [added, ...o.lessons] } : o)) };
    expect(decodeState(reissued, encodeState(course, state))!.visited).toEqual(state.visited);
    // A state saved as a bit set of positions (before lessons were saved by key) is read as it was.
    const parsed = JSON.parse(encodeState(course, state).slice(1));
    parsed[1] = (1n | (1n << 2n)).toString(16);
    expect(decodeState(course, `2${JSON.stringify(parsed)}`)!.visited).toEqual([ids[0], ids[2]]);
  });

  it('names no two lessons of a unit by the same key', () => {
    for (const c of courses) {
      const ids = c.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
      expect(new Set(ids.map(lessonKey)).size, c.unit.id).toBe(ids.length);
    }
  });

  it('reads a state saved before criterion mastery (version 1): lessons, attempts and criterion scores are kept', () => {
    const course = courses[0]!;
    const lessonBits = (1n | (1n << 2n)).toString(16);
    const v1 = `1${JSON.stringify(['lesson:' + course.outcomes[0]!.lessons[0]!.id, lessonBits, course.outcomes.map((o, i) => [i === 0 ? 2 : 0, i === 0 ? 75 : -1, o.criteria.map((_, j) => (i === 0 ? (j === 0 ? 100 : 50) : -1)), '3', i === 0 ? [[0, 1], [0, 0], 20100] : 0])])}`;
    const decoded = decodeState(course, v1)!;
    const lessons = course.outcomes.flatMap((o) => o.lessons.map((l) => l.id));
    expect(decoded.visited).toEqual([lessons[0], lessons[2]]);
    expect(decoded.location).toBe(`lesson:${course.outcomes[0]!.lessons[0]!.id}`);
    expect(decoded.outcomes[0]).toMatchObject({ attempts: 2, criterionBest: course.outcomes[0]!.criteria.map((_, j) => (j === 0 ? 100 : 50)), attempt: null });
    expect(decoded.outcomes[1]).toEqual(initialState(course).outcomes[1]);
  });
});
