import { Scorm12API, Scorm2004API } from '../../tests/support/scorm-again.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuestionData } from '../learner-model/course-data.js';
import { findScorm12, findScorm2004, type ScormApi } from './scorm-api.js';
import { scorm12, scorm2004 } from './scorm-dialects.js';
import { RETRY_DELAYS_MS, ScormTracker } from './scorm-tracker.js';
import type { SaveStatus } from '../tracker.js';
import { record } from '../../tests/support/fault-ledger.js';

const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const;

/** A window whose parent holds the API, as in an LMS frame. */
function frameWith(name: 'API' | 'API_1484_11', api: unknown): Window {
  const top = { [name]: api } as unknown as Window & { parent: Window };
  top.parent = top;
  const frame = { parent: top, opener: null } as unknown as Window;
  return frame;
}

const choice: QuestionData = {
  id: 'q1-01',
  type: 'multiple',
  criteria: ['1.1'],
  stem: '<p>Which two?</p>',
  stemText: 'Which two? Choose 2.',
  options: [
    { text: 'A', correct: true, feedback: 'f' },
    { text: 'B', correct: false, feedback: 'f' },
    { text: 'C', correct: true, feedback: 'f' },
  ],
};
const matching: QuestionData = {
  id: 'q1-02',
  type: 'matching',
  criteria: ['1.1', '1.2'],
  stem: '<p>Match</p>',
  stemText: 'Match',
  pairs: [
    { source: 'S1', target: 'T1' },
    { source: 'S2', target: 'T2' },
    { source: 'S3', target: 'T3' },
  ],
  feedback: { correct: 'y', incorrect: 'n' },
};
const shortText: QuestionData = {
  id: 'q1-03',
  type: 'short-text',
  criteria: ['1.2'],
  stem: '<p>Word?</p>',
  stemText: 'Word?',
  answers: ['escalate', 'refer'],
  feedback: { correct: 'y', incorrect: 'n' },
};
const when = new Date(2026, 10, 23, 10, 11, 12);

describe('SCORM 1.2 tracker with scorm-again as the LMS', () => {
  let lms: Scorm12API;
  let tracker: ScormTracker;
  beforeEach(async () => {
    lms = new Scorm12API(settings);
    lms.loadFromJSON({ core: { student_id: 'L1', student_name: 'Doe, Jo', entry: 'resume', lesson_mode: 'normal' }, suspend_data: '1saved' }, 'cmi');
    tracker = new ScormTracker(findScorm12(frameWith('API', lms))!, scorm12);
  });

  it('finds the API in a parent frame and reads the launch data', async () => {
    expect(await tracker.start()).toEqual({ resumed: true, mode: 'normal', suspendData: '1saved', learnerId: 'L1', learnerName: 'Doe, Jo' });
  });

  it('writes status, score, one objective per criterion and one interaction per answer', async () => {
    await tracker.start();
    tracker.setCriterion({ outcome: 1, id: 'criterion-1.1', code: '1.1', description: 'Describe', status: 'met', score: 100 });
    tracker.setCriterion({ outcome: 1, id: 'criterion-1.2', code: '1.2', description: 'Explain', status: 'not-attempted', score: null });
    tracker.recordAnswer({ outcome: 1, question: choice, response: [0, 2], correct: true, latencyMs: 12340, timestamp: when, objectiveIds: ['criterion-1.1'] });
    tracker.recordAnswer({ outcome: 1, question: matching, response: [1, 0, 2], correct: false, latencyMs: 5000, timestamp: when, objectiveIds: ['criterion-1.1', 'criterion-1.2'] });
    tracker.recordAnswer({ outcome: 1, question: shortText, response: 'Refer', correct: true, latencyMs: 1000, timestamp: when, objectiveIds: ['criterion-1.2'] });
    tracker.setResult({ completion: 'completed', success: 'passed', scoreRaw: 85, progress: 1 }, 80);
    tracker.saveState('lesson:o1', '1state');
    expect(await tracker.flush()).toBe(true);
    const cmi = lms.renderCMIToJSONObject().cmi as any;
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score).toMatchObject({ raw: '85', min: '0', max: '100' });
    expect(cmi.core.lesson_location).toBe('lesson:o1');
    expect(cmi.suspend_data).toBe('1state');
    expect(cmi.objectives['0']).toMatchObject({ id: 'criterion-1.1', status: 'passed', score: { raw: '100', min: '0', max: '100' } });
    expect(cmi.objectives['1']).toMatchObject({ id: 'criterion-1.2', status: 'not attempted' });
    expect(cmi.interactions['0']).toMatchObject({ id: 'q1-01', type: 'choice', student_response: 'a,c', result: 'correct', latency: '00:00:12.34', time: '10:11:12' });
    expect(cmi.interactions['0'].correct_responses['0'].pattern).toBe('a,c');
    expect(cmi.interactions['0'].objectives['0'].id).toBe('criterion-1.1');
    expect(cmi.interactions['1']).toMatchObject({ type: 'matching', student_response: '1.b,2.a,3.c', result: 'wrong' });
    expect(cmi.interactions['1'].objectives['1'].id).toBe('criterion-1.2');
    expect(cmi.interactions['2']).toMatchObject({ type: 'fill-in', student_response: 'Refer' });
    expect(cmi.interactions['2'].correct_responses['1'].pattern).toBe('refer');
  });

  it('continues objective and interaction numbering from what the LMS already holds', async () => {
    lms = new Scorm12API(settings);
    lms.loadFromJSON({ objectives: { '0': { id: 'criterion-1.2' } }, interactions: { '0': { id: 'q1-09', type: 'choice' } } }, 'cmi');
    tracker = new ScormTracker(findScorm12(frameWith('API', lms))!, scorm12);
    await tracker.start();
    tracker.setCriterion({ outcome: 1, id: 'criterion-1.2', code: '1.2', description: 'x', status: 'not-yet', score: 50 });
    tracker.setCriterion({ outcome: 1, id: 'criterion-1.1', code: '1.1', description: 'x', status: 'met', score: 100 });
    tracker.recordAnswer({ outcome: 1, question: choice, response: [0], correct: false, latencyMs: 1, timestamp: when, objectiveIds: ['criterion-1.1'] });
    await tracker.flush();
    const cmi = lms.renderCMIToJSONObject().cmi as any;
    expect(cmi.objectives['0']).toMatchObject({ id: 'criterion-1.2', status: 'failed' });
    expect(cmi.objectives['1']).toMatchObject({ id: 'criterion-1.1', status: 'passed' });
    expect(cmi.interactions['1'].id).toBe('q1-01');
  });

  it('records nothing in browse or review mode', async () => {
    lms = new Scorm12API(settings);
    lms.loadFromJSON({ core: { lesson_mode: 'review' } }, 'cmi');
    tracker = new ScormTracker(findScorm12(frameWith('API', lms))!, scorm12);
    expect((await tracker.start()).mode).toBe('review');
    tracker.setResult({ completion: 'completed', success: 'failed', scoreRaw: 10, progress: 1 }, 80);
    tracker.recordAnswer({ outcome: 1, question: choice, response: [0], correct: false, latencyMs: 1, timestamp: when, objectiveIds: [] });
    await tracker.flush();
    const cmi = lms.renderCMIToJSONObject().cmi as any;
    expect(cmi.core.lesson_status).toBe('not attempted');
    expect(cmi.interactions).toEqual({});
  });
});

describe('SCORM 2004 tracker with scorm-again as the LMS', () => {
  it('finds objectives the LMS pre-filled from the manifest by id (the primary first, as Moodle does), and writes 2004 formats', async () => {
    const lms = new Scorm2004API(settings);
    lms.loadFromJSON({ learner_id: 'L2', objectives: { '0': { id: 'unit' }, '1': { id: 'criterion-1.1' }, '2': { id: 'criterion-1.2' } } }, 'cmi');
    const tracker = new ScormTracker(findScorm2004(frameWith('API_1484_11', lms))!, scorm2004);
    await tracker.start();
    tracker.setCriterion({ outcome: 1, id: 'criterion-1.2', code: '1.2', description: 'Explain tests', status: 'not-yet', score: 50 });
    tracker.recordAnswer({ outcome: 1, question: matching, response: [0, 1, 2], correct: true, latencyMs: 3500, timestamp: when, objectiveIds: ['criterion-1.1', 'criterion-1.2'] });
    tracker.recordAnswer({ outcome: 1, question: shortText, response: 'Escalate', correct: true, latencyMs: 1000, timestamp: when, objectiveIds: ['criterion-1.2'] });
    tracker.setResult({ completion: 'completed', success: 'failed', scoreRaw: 50, progress: 0.75 }, 80);
    expect(await tracker.flush()).toBe(true);
    const cmi = lms.renderCMIToJSONObject().cmi as any;
    expect(cmi.objectives['2']).toMatchObject({ id: 'criterion-1.2', success_status: 'failed', completion_status: 'completed', description: '1.2 Explain tests' });
    expect(cmi.objectives['2'].score).toMatchObject({ scaled: '0.5', raw: '50', min: '0', max: '100' });
    expect(cmi.objectives['3']).toBeUndefined();
    // The primary objective carries the unit's status and score, so no column of the LMS's report is empty.
    expect(cmi.objectives['0']).toMatchObject({ id: 'unit', success_status: 'failed', completion_status: 'completed', progress_measure: '0.75' });
    expect(cmi.objectives['0'].score).toMatchObject({ scaled: '0.5', raw: '50' });
    expect(cmi.interactions['0']).toMatchObject({ type: 'matching', learner_response: '1[.]a[,]2[.]b[,]3[.]c', result: 'correct', latency: 'PT3.5S', timestamp: '2026-11-23T10:11:12', description: 'Match' });
    expect(cmi.interactions['1'].correct_responses['0'].pattern).toBe('{case_matters=false}escalate');
    expect(cmi).toMatchObject({ completion_status: 'completed', success_status: 'failed', progress_measure: '0.75' });
    expect(cmi.score).toMatchObject({ scaled: '0.5', raw: '50', min: '0', max: '100' });
  });
});

describe('when the LMS fails', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function flakyApi(failures: { commit?: number; set?: number; throws?: boolean }) {
    const lms = new Scorm12API(settings);
    const real = findScorm12(frameWith('API', lms))!;
    let commits = 0;
    let sets = 0;
    const api: ScormApi = {
      ...real,
      set: (k, v) => {
        if (failures.throws && sets++ < (failures.set ?? 0)) throw new Error('LMS gone');
        if (!failures.throws && sets++ < (failures.set ?? 0)) return false;
        return real.set(k, v);
      },
      commit: () => (commits++ < (failures.commit ?? 0) ? false : real.commit()),
      lastError: () => 101,
    };
    return { lms, api };
  }

  it('initialises again when the first Initialize failed, and then saves', async () => {
    const { lms, api } = flakyApi({});
    let refusals = 3;
    const tracker = new ScormTracker({ ...api, initialize: () => (refusals-- > 0 ? false : api.initialize()) }, scorm12);
    const statuses: SaveStatus[] = [];
    tracker.onStatus((s) => statuses.push(s));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const started = tracker.start();
    await vi.advanceTimersByTimeAsync(1000); // the start's own retries of Initialize
    await started;
    expect(statuses.at(-1)).toBe('unsaved');
    tracker.saveState('home', '1state');
    expect(await tracker.flush()).toBe(true);
    expect((lms.renderCMIToJSONObject().cmi as any).suspend_data).toBe('1state');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('tries Initialize again at the start, so a slow LMS frame still gives back the saved progress', async () => {
    const lms = new Scorm12API(settings);
    lms.loadFromJSON({ suspend_data: '1earlier-progress' }, 'cmi');
    const api = findScorm12(frameWith('API', lms))!;
    let refusals = 1;
    const tracker = new ScormTracker({ ...api, initialize: () => (refusals-- > 0 ? false : api.initialize()) }, scorm12);
    const started = tracker.start();
    await vi.advanceTimersByTimeAsync(400);
    expect((await started).suspendData).toBe('1earlier-progress');
  });

  it('never replaces saved progress it could not read at the start', async () => {
    const lms = new Scorm12API(settings);
    lms.loadFromJSON({ suspend_data: '1earlier-progress' }, 'cmi');
    const api = findScorm12(frameWith('API', lms))!;
    let refusals = 3;
    const tracker = new ScormTracker({ ...api, lastError: () => 0, initialize: () => (refusals-- > 0 ? false : api.initialize()) }, scorm12);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const started = tracker.start();
    await vi.advanceTimersByTimeAsync(1000);
    const launch = await started;
    expect(launch.suspendData).toBeUndefined();
    tracker.saveState('home', '1fresh-state');
    await tracker.flush();
    expect((lms.renderCMIToJSONObject().cmi as any).suspend_data).toBe('1earlier-progress');
    record({ faultsInjected: 1, progressLost: (lms.renderCMIToJSONObject().cmi as any).suspend_data === '1earlier-progress' ? 0 : 1 });
  });

  it.each([
    ['refuses commits', { commit: 2 }],
    ['refuses values', { set: 3 }],
    ['throws', { set: 2, throws: true }],
  ])('keeps the data, tells the learner, and delivers it once the LMS %s no more', async (_, failures) => {
    const { lms, api } = flakyApi(failures);
    const tracker = new ScormTracker(api, scorm12);
    const statuses: SaveStatus[] = [];
    tracker.onStatus((s) => statuses.push(s));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await tracker.start();
    tracker.saveState('check:1', '1state');
    tracker.recordAnswer({ outcome: 1, question: choice, response: [0, 2], correct: true, latencyMs: 1, timestamp: when, objectiveIds: ['criterion-1.1'] });
    expect(await tracker.flush()).toBe(false);
    expect(statuses).toContain('unsaved');
    for (const delay of RETRY_DELAYS_MS.slice(0, 3)) await vi.advanceTimersByTimeAsync(delay);
    expect(statuses.at(-1)).toBe('saved');
    const cmi = lms.renderCMIToJSONObject().cmi as any;
    expect(cmi.suspend_data).toBe('1state');
    expect(cmi.interactions['0']).toMatchObject({ id: 'q1-01', student_response: 'a,c' });
    expect(Object.keys(cmi.interactions)).toHaveLength(1);
  });
});

describe('exit-safe saving (an LMS keeps what arrives during the session, whatever happens at unload)', () => {
  /** scorm-again behind a recorder of every call, as the LMS would see them. */
  function recorded(version: '1.2' | '2004', data: Record<string, unknown> = {}) {
    const lms = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
    lms.loadFromJSON(data, 'cmi');
    const real = (version === '1.2' ? findScorm12(frameWith('API', lms)) : findScorm2004(frameWith('API_1484_11', lms)))!;
    const calls: string[] = [];
    const api: ScormApi = {
      ...real,
      set: (k, v) => (calls.push(`set ${k}=${v}`), real.set(k, v)),
      commit: () => (calls.push('commit'), real.commit()),
      terminate: () => (calls.push('terminate'), real.terminate()),
    };
    return { lms, api, calls };
  }

  it.each([
    ['1.2', 'cmi.core.exit', 'cmi.core.session_time'],
    ['2004', 'cmi.exit', 'cmi.session_time'],
  ] as const)('SCORM %s: exit is suspend and the session time is set in the first commit, long before the page closes', async (version, exitKey, timeKey) => {
    const { api, calls } = recorded(version);
    let now = 1000;
    const tracker = new ScormTracker(api, version === '1.2' ? scorm12 : scorm2004, () => now);
    await tracker.start();
    tracker.saveState('home', 'state-1');
    now += 65_000;
    expect(await tracker.flush()).toBe(true);
    const firstCommit = calls.indexOf('commit');
    expect(calls.slice(0, firstCommit)).toContain(`set ${exitKey}=suspend`);
    expect(calls.slice(0, firstCommit).some((c) => c.startsWith(`set ${timeKey}=`))).toBe(true);
    // Later saves carry the running session time again.
    tracker.saveState('lesson:1-01', 'state-2');
    now += 60_000;
    await tracker.flush();
    expect(calls.filter((c) => c.startsWith(`set ${timeKey}=`))).toHaveLength(2);
  });

  it('at pagehide sends only the session time and Terminate: no separate Commit, nothing large', async () => {
    const { api, calls } = recorded('2004');
    const tracker = new ScormTracker(api, scorm2004);
    await tracker.start();
    tracker.saveState('home', 'state-1');
    await tracker.flush();
    calls.length = 0;
    tracker.leave();
    expect(calls.map((c) => c.replace(/=.*/, ''))).toEqual(['set cmi.session_time', 'terminate']);
    tracker.leave();
    expect(calls.filter((c) => c === 'terminate')).toHaveLength(1);
  });

  it('with no saved state, reads the criterion scores the LMS still holds, so a fresh start cannot wipe them', async () => {
    const { api } = recorded('2004', {
      objectives: { '0': { id: 'unit' }, '1': { id: 'criterion-1.1', score: { raw: '100' } }, '2': { id: 'criterion-1.2' } },
    });
    const launch = await new ScormTracker(api, scorm2004).start();
    expect(launch.suspendData).toBeUndefined();
    expect(launch.earnedScores).toEqual({ 'criterion-1.1': 100 });
  });
});
