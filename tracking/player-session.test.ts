import { describe, expect, it } from 'vitest';
import { loadAllCourses } from '../tests/support/units.js';
import { seededRandom } from './learner-model/shuffle.js';
import { exampleResponse } from './learner-model/question-kinds/index.js';
import { decodeState } from './learner-model/state-codec.js';
import { PlayerSession } from './player-session.js';
import type { AnsweredQuestion, CriterionProgress, LaunchData, Tracker } from './tracker.js';
import type { UnitResult } from './learner-model/learner-state.js';

const course = loadAllCourses().find((c) => c.unit.id === 'a-500-7158')!;

/** A tracker that records every call, as an LMS would see them, and starts from a given launch. */
function recordingTracker(launch: Partial<LaunchData> = {}) {
  const calls = {
    criteria: [] as CriterionProgress[],
    answers: [] as AnsweredQuestion[],
    results: [] as UnitResult[],
    lessons: [] as string[],
    saves: [] as { location: string; data: string }[],
    flushes: 0,
    left: 0,
    finished: 0,
  };
  const tracker: Tracker = {
    standard: 'scorm12',
    start: async () => ({ resumed: false, mode: 'normal', ...launch }),
    saveState: (location, data) => void calls.saves.push({ location, data }),
    recordAnswer: (a) => void calls.answers.push(a),
    recordLesson: (l) => void calls.lessons.push(l.id),
    setCriterion: (c) => void calls.criteria.push(c),
    setResult: (r) => void calls.results.push(r),
    flush: async () => (calls.flushes++, true),
    finish: async () => void calls.finished++,
    leave: () => void calls.left++,
    onStatus: () => {},
    refused: () => [],
    onRefusedChange: () => {},
  };
  return { tracker, calls };
}

/** Answers every question of the outcome's check in progress, right except at the given positions. */
function takeCheck(session: PlayerSession, oi: number, wrong: Set<number> = new Set()) {
  session.startCheck(oi, seededRandom(`s${oi}`));
  const a = session.state.outcomes[oi]!.attempt!;
  a.questions.forEach((qi, k) => session.answer(oi, k, exampleResponse(course.outcomes[oi]!.questions[qi]!, !wrong.has(k)), 1500));
}

describe('the player session', () => {
  it('on a first launch reports every criterion once (not attempted) and where the learner starts, and saves, once the first view is up', async () => {
    const { tracker, calls } = recordingTracker();
    const session = new PlayerSession(course, tracker);
    await session.begin();
    // Nothing is sent before the first view: the learner waits for resume only.
    expect([calls.criteria.length, calls.results.length, calls.saves.length]).toEqual([0, 0, 0]);
    expect(session.location).toEqual({ page: 'home' });
    session.settle();
    session.settle();
    const codes = course.outcomes.flatMap((o) => o.criteria.map((c) => c.code));
    expect(calls.criteria.map((c) => c.code)).toEqual(codes);
    expect(calls.criteria.every((c) => c.status === 'not-attempted' && c.attemptScore === undefined)).toBe(true);
    expect(calls.results).toEqual([{ completion: 'incomplete', success: 'unknown', scoreRaw: null, progress: 0 }]);
    expect(calls.saves.at(-1)?.location).toBe('home');
    expect(session.location).toEqual({ page: 'home' });
  });

  it('records a lesson opened, each answer with its objective ids, and after the last answer each criterion with its score and the result', async () => {
    const { tracker, calls } = recordingTracker();
    const session = new PlayerSession(course, tracker);
    await session.begin();
    // Going somewhere before the launch's report went sends it first.
    const lesson = course.outcomes[0]!.lessons[0]!;
    session.go({ page: 'lesson', lesson: lesson.id });
    expect(calls.results).toHaveLength(1);
    expect(calls.lessons).toEqual([lesson.id]);
    expect(session.state.visited).toEqual([lesson.id]);
    calls.criteria.length = 0;
    calls.results.length = 0;
    takeCheck(session, 0, new Set([0]));
    const asked = session.state.outcomes[0]!.attempt!.questions.length;
    expect(calls.answers).toHaveLength(asked);
    for (const a of calls.answers) expect(a.objectiveIds).toEqual(a.question.criteria.map((c) => `criterion-${c}`));
    expect(calls.answers[0]!.correct).toBe(false);
    // Criteria are reported once, after the last answer, with this check's score.
    expect(calls.criteria.map((c) => c.code)).toEqual(course.outcomes[0]!.criteria.map((c) => c.code));
    expect(calls.criteria.every((c) => typeof c.attemptScore === 'number')).toBe(true);
    expect(calls.results).toHaveLength(1);
    // The learner is reading the last answer's feedback: a relaunch comes back to it.
    expect(session.location).toEqual({ page: 'check', outcome: course.outcomes[0]!.number, feedback: asked - 1 });
  });

  it('saves after every change, and the saved state reads back as the session state', async () => {
    const { tracker, calls } = recordingTracker();
    const session = new PlayerSession(course, tracker);
    await session.begin();
    const before = calls.saves.length;
    takeCheck(session, 0);
    expect(calls.saves.length).toBeGreaterThan(before);
    expect(calls.flushes).toBe(calls.saves.length);
    expect(decodeState(course, calls.saves.at(-1)!.data)).toEqual(session.state);
  });

  it('resumes where the learner was, reports nothing again, and never answers a question twice', async () => {
    const first = recordingTracker();
    const s1 = new PlayerSession(course, first.tracker);
    await s1.begin();
    s1.startCheck(0, seededRandom('x'));
    const a = s1.state.outcomes[0]!.attempt!;
    s1.answer(0, 0, exampleResponse(course.outcomes[0]!.questions[a.questions[0]!]!, true), 1000);
    const saved = first.calls.saves.at(-1)!;

    const second = recordingTracker({ resumed: true, suspendData: saved.data });
    const s2 = new PlayerSession(course, second.tracker);
    await s2.begin();
    expect(s2.location).toEqual({ page: 'check', outcome: course.outcomes[0]!.number, feedback: 0 });
    expect(s2.state).toEqual(s1.state);
    expect(second.calls.criteria).toEqual([]);
    s2.answer(0, 0, exampleResponse(course.outcomes[0]!.questions[a.questions[0]!]!, false), 1000);
    expect(second.calls.answers).toEqual([]);
  });

  it('uses the pass mark the LMS gives (cmi5 masteryScore) without changing the course', async () => {
    const { tracker, calls } = recordingTracker({ passMark: 50 });
    const session = new PlayerSession(course, tracker);
    await session.begin();
    expect(session.passMark).toBe(50);
    expect(course.settings.passMark).toBe(80);
    takeCheck(session, 0, new Set([0]));
    expect(calls.criteria.filter((c) => c.status === 'met').length).toBeGreaterThan(0);
  });

  it('ends the session at pagehide and at Exit through the tracker', async () => {
    const { tracker, calls } = recordingTracker();
    const session = new PlayerSession(course, tracker);
    await session.begin();
    session.leave();
    await session.exit();
    expect([calls.left, calls.finished]).toEqual([1, 1]);
  });
});
