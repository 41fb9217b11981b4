import { describe, expect, it } from 'vitest';
import { record } from '../tests/support/fault-ledger.js';
import type { LaunchData, Tracker } from './tracker.js';
import { TrackerWithBackup } from './tracker-with-backup.js';

/** An LMS that confirms saves only while `accepting` is true, and forgets everything it did not confirm. */
function lms(kept: { suspendData?: string }) {
  const state = { accepting: true, pending: '' };
  const tracker: Tracker = {
    standard: 'scorm12',
    start: async (): Promise<LaunchData> => ({ resumed: !!kept.suspendData, mode: 'normal', learnerId: 'L1', ...kept }),
    saveState: (_l, d) => void (state.pending = d),
    flush: async () => {
      if (!state.accepting) return false;
      kept.suspendData = state.pending;
      return true;
    },
    recordAnswer() {},
    recordLesson() {},
    setCriterion() {},
    setResult() {},
    finish: async () => {},
    leave() {},
    onStatus() {},
    refused: () => [],
    onRefusedChange() {},
  };
  return { tracker, state };
}

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, get length() { return m.size; } };
}

describe('a copy in the browser of every state the LMS has not confirmed', () => {
  it('survives an LMS that stopped taking saves before the tab closed, and is offered at the next launch', async () => {
    const storage = memoryStorage();
    const kept: { suspendData?: string } = {};
    const first = lms(kept);
    const a = new TrackerWithBackup(first.tracker, 'unit-1', () => storage);
    await a.start();
    a.saveState('home', 'S1');
    expect(await a.flush()).toBe(true);
    first.state.accepting = false;
    a.saveState('check:1', 'S2');
    expect(await a.flush()).toBe(false);
    a.leave(); // the tab closes; the LMS never got S2

    const b = new TrackerWithBackup(lms(kept).tracker, 'unit-1', () => storage);
    const launch = await b.start();
    expect(launch.suspendData).toBe('S1');
    expect(launch.unsavedState).toBe('S2');
    record({ faultsInjected: 1, progressLost: launch.unsavedState === 'S2' ? 0 : 1 });
  });

  it('is removed once the LMS has the state, and never offered for another learner', async () => {
    const storage = memoryStorage();
    const kept: { suspendData?: string } = {};
    const a = new TrackerWithBackup(lms(kept).tracker, 'unit-1', () => storage);
    await a.start();
    a.saveState('home', 'S1');
    await a.flush();
    expect((await new TrackerWithBackup(lms(kept).tracker, 'unit-1', () => storage).start()).unsavedState).toBeUndefined();

    const failing = lms({});
    failing.state.accepting = false;
    const c = new TrackerWithBackup(failing.tracker, 'unit-1', () => storage);
    await c.start();
    c.saveState('home', 'S-of-L1');
    await c.flush();
    const other = lms({});
    other.tracker.start = async () => ({ resumed: false, mode: 'normal', learnerId: 'L2' });
    expect((await new TrackerWithBackup(other.tracker, 'unit-1', () => storage).start()).unsavedState).toBeUndefined();
  });
});
