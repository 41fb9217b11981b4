import { describe, expect, it } from 'vitest';
import { loadAllCourses } from '../../tests/support/units.js';
import { answerQuestion, initialState, startAttempt, type LearnerState } from './learner-state.js';
import { seededRandom } from './shuffle.js';
import { restoreState } from './restore-state.js';
import type { Response } from './question-kinds/index.js';
import { encodeState } from './state-codec.js';

const course = loadAllCourses().find((c) => c.unit.id === 'a-500-7158')!;

/** Starts outcome `oi`'s check and answers its first `n` questions with the first option / a permutation. */
function answered(s: LearnerState, oi: number, n: number): LearnerState {
  s = startAttempt(course, s, oi, seededRandom(`r${oi}`));
  const a = s.outcomes[oi]!.attempt!;
  for (let k = 0; k < Math.min(n, a.questions.length); k++) {
    const q = course.outcomes[oi]!.questions[a.questions[k]!]!;
    const r: Response =
      q.type === 'true-false' ? true
      : q.type === 'short-text' ? 'x'
      : q.type === 'matching' ? q.pairs.map((_, i) => i)
      : q.type === 'ordering' ? q.steps.map((_, i) => i)
      : q.type === 'single' ? 0
      : [0];
    s = answerQuestion(course, s, oi, k, r);
  }
  return s;
}

describe('restoring a learner state at launch', () => {
  it('starts fresh only when nothing holds any progress', () => {
    expect(restoreState(course, { resumed: false, mode: 'normal' })).toMatchObject({ fresh: true, merged: false });
  });

  it('takes the LMS state as it is when it is all there is', () => {
    const saved = { ...answered(initialState(course), 0, 3), visited: [course.outcomes[0]!.lessons[0]!.id], location: 'check:1' };
    const r = restoreState(course, { resumed: true, mode: 'normal', suspendData: encodeState(course, saved) });
    expect(r).toMatchObject({ fresh: false, merged: false });
    expect(encodeState(course, r.state)).toBe(encodeState(course, saved));
  });

  it("merges a browser copy the LMS never confirmed: the learner's later answers and place survive", () => {
    const inLms = { ...answered(initialState(course), 0, 2), location: 'check:1' };
    const unsaved = { ...answered(initialState(course), 0, 5), visited: [course.outcomes[1]!.lessons[0]!.id], location: 'lesson:x' };
    const r = restoreState(course, { resumed: true, mode: 'normal', suspendData: encodeState(course, inLms), unsavedState: encodeState(course, unsaved) });
    expect(r.merged).toBe(true);
    expect(r.state.outcomes[0]!.attempt!.answers.filter((a) => a !== null)).toHaveLength(5);
    expect(r.state.visited).toEqual(unsaved.visited);
    expect(r.state.location).toBe('lesson:x');
  });

  it('never loses what the LMS holds when the browser copy is older (progress made on another device since)', () => {
    let further = initialState(course);
    for (let oi = 0; oi < course.outcomes.length; oi++) further = answered(further, oi, 99);
    const older = answered(initialState(course), 0, 1);
    const r = restoreState(course, { resumed: true, mode: 'normal', suspendData: encodeState(course, further), unsavedState: encodeState(course, older) });
    r.state.outcomes.forEach((o, i) => {
      expect(o.attempts).toBe(further.outcomes[i]!.attempts);
      expect(o.criterionBest).toEqual(further.outcomes[i]!.criterionBest);
    });
  });

  it('with no saved state, rebuilds what was earned from the criterion scores the LMS still holds', () => {
    const codes = course.outcomes[0]!.criteria.map((c) => c.code);
    const r = restoreState(course, { resumed: false, mode: 'normal', earnedScores: { [`criterion-${codes[0]}`]: 100, [`criterion-${codes[1]}`]: 50 } });
    expect(r).toMatchObject({ fresh: false, merged: true });
    expect(r.state.outcomes[0]!.criterionBest.slice(0, 2)).toEqual([100, 50]);
    expect(r.state.outcomes[0]!.attempts).toBe(1);
    expect(r.state.outcomes[1]!.attempts).toBe(0);
  });
});
