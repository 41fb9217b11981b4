import type { UnitResult } from '../learner-model/learner-state.js';
import type { ScormApi } from './scorm-api.js';
import type { ScormDialect } from './scorm-dialects.js';
import { SaveStatusEmitter } from '../save-status.js';
import type { AnsweredQuestion, CriterionProgress, LaunchData, RefusedRecord, SaveStatus, Tracker } from '../tracker.js';

/** Retry delays after a failed save, in milliseconds (the last repeats). */
export const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

/**
 * Reports to a SCORM 1.2 or 2004 LMS. Values wait in a pending list until the LMS has taken them
 * and committed; a refused or failed save is kept and retried with backoff, and the learner is
 * told progress is not saved yet. Nothing here throws into the player.
 */
export class ScormTracker implements Tracker {
  readonly standard;
  private readonly pending = new Map<string, string>();
  /** Values the LMS is known to hold (read from it, or committed to it): not sent again. */
  private readonly lmsHas = new Map<string, string>();
  private readonly objectiveSlots = new Map<string, number>();
  /** Slots whose id the LMS already holds (pre-filled from the manifest, or sent by us). */
  private readonly objectiveIdsSent = new Set<number>();
  private nextObjective = 0;
  private objectiveSlotsRead = false;
  /** -1 until the LMS's interaction count is read. */
  private nextInteraction = -1;
  private started = 0;
  private tracking = true;
  private ended = false;
  /** False until the LMS has accepted Initialize; a failed one is tried again before each save. */
  private initialised = false;
  /** The session started without reading the LMS's saved state: never overwrite a saved state it may hold. */
  private savedStateUnread = false;
  private keepSaved = false;
  private retry = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly status = new SaveStatusEmitter('saved');

  constructor(
    private readonly api: ScormApi,
    private readonly dialect: ScormDialect,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.standard = dialect.standard;
  }

  async start(): Promise<LaunchData> {
    this.started = this.now();
    // An LMS frame may not be ready at once: try Initialize a few times before going on without it.
    for (let tries = 0; tries < 3 && !this.initialised; tries++) {
      if (tries) await new Promise((r) => setTimeout(r, 300));
      this.initialised = this.call(() => this.api.initialize(), false);
    }
    if (!this.initialised) {
      this.status.set('unsaved');
      this.savedStateUnread = true;
    }
    const k = this.dialect.keys;
    const get = (key: string) => this.call(() => this.api.get(key), '');
    const modeValue = get(k.mode);
    const mode = modeValue === 'browse' || modeValue === 'review' ? modeValue : 'normal';
    this.tracking = mode === 'normal';
    const suspendData = get(k.suspendData);
    this.lmsHas.set(k.suspendData, suspendData);
    this.lmsHas.set(k.location, get(k.location));
    const learnerId = get(k.learnerId);
    const learnerName = get(k.learnerName);
    // Without saved state, the LMS may still hold what the learner earned (an LMS that hands state
    // back only after a suspended exit, say): the criteria's scores, so nothing earned is overwritten.
    const earned = suspendData ? {} : this.earnedScores();
    if (this.tracking) {
      // Resume is possible whichever way the session ends: the exit is suspend from the first commit on.
      this.pending.set(k.exit, 'suspend');
    }
    return {
      resumed: get(k.entry) === 'resume',
      mode,
      ...(suspendData ? { suspendData } : {}),
      ...(Object.keys(earned).length ? { earnedScores: earned } : {}),
      ...(learnerId ? { learnerId } : {}),
      ...(learnerName ? { learnerName } : {}),
    };
  }

  /** A count the LMS keeps (objectives, interactions); 0 when it gives none. */
  private count(key: string): number {
    const n = Number(this.call(() => this.api.get(key), ''));
    return Number.isInteger(n) && n >= 0 ? n : 0;
  }

  /**
   * Reads which objective slots the LMS already holds (SCORM 2004 LMSs pre-fill them from the
   * manifest), the first time a slot is needed: not at launch, so the first view waits for no
   * more than resume needs.
   */
  private readObjectiveSlots(): void {
    if (this.objectiveSlotsRead) return;
    this.objectiveSlotsRead = true;
    const held = this.count(this.dialect.keys.objectiveCount);
    for (let n = 0; n < held; n++) {
      const id = this.call(() => this.api.get(`cmi.objectives.${n}.id`), '');
      if (id && !this.objectiveSlots.has(id)) this.objectiveSlots.set(id, n);
      this.objectiveIdsSent.add(n);
    }
    this.nextObjective = Math.max(this.nextObjective, held);
  }

  /** The next interaction slot, counted from what the LMS holds the first time one is needed. */
  private interactionSlot(): number {
    if (this.nextInteraction < 0) this.nextInteraction = this.count(this.dialect.keys.interactionCount);
    return this.nextInteraction++;
  }

  /** Scores the LMS holds for the criteria's objectives (objective id → 0–100). */
  private earnedScores(): Record<string, number> {
    this.readObjectiveSlots();
    const out: Record<string, number> = {};
    for (const [id, n] of this.objectiveSlots) {
      if (!id.startsWith('criterion-')) continue;
      const raw = this.call(() => this.api.get(`cmi.objectives.${n}.score.raw`), '');
      const score = Number(raw);
      if (raw !== '' && Number.isFinite(score) && score >= 0 && score <= 100) out[id] = score;
    }
    return out;
  }

  saveState(location: string, suspendData: string): void {
    if (!this.tracking || this.keepSaved) return;
    this.stage(this.dialect.keys.location, location.slice(0, this.dialect.locationMax));
    this.stage(this.dialect.keys.suspendData, suspendData);
  }

  recordAnswer(answer: AnsweredQuestion): void {
    if (!this.tracking) return;
    for (const [key, value] of this.dialect.interactionValues(this.interactionSlot(), answer)) this.pending.set(key, value);
    for (const note of answer.notes ?? []) for (const [key, value] of this.dialect.noteValues(this.interactionSlot(), answer, note)) this.pending.set(key, value);
  }

  recordLesson(): void {}

  setCriterion(c: CriterionProgress): void {
    if (!this.tracking) return;
    const slot = this.slotFor(c.id);
    const idKey = `cmi.objectives.${slot}.id`;
    for (const [key, value] of this.dialect.objectiveValues(slot, c)) {
      // An id is written once: SCORM 2004 refuses a rewrite of a slot's id (error 351).
      if (key === idKey && this.objectiveIdsSent.has(slot)) continue;
      this.stage(key, value, key !== idKey);
    }
    this.objectiveIdsSent.add(slot);
  }

  setResult(r: UnitResult, passMark: number): void {
    if (!this.tracking) return;
    // A relaunch after completion sends nothing new: values the LMS already holds are skipped.
    for (const [key, value] of this.dialect.resultValues(r, passMark)) this.stage(key, value, true);
    const primary = this.dialect.primaryObjective;
    if (primary) {
      // The unit's own objective (SCORM 2004's primary objective, which the LMS lists beside the criteria).
      const slot = this.slotFor(primary);
      for (const [key, value] of this.dialect.unitObjectiveValues(slot, r)) {
        if (key === `cmi.objectives.${slot}.id` && this.objectiveIdsSent.has(slot)) continue;
        this.stage(key, value, !key.endsWith('.id'));
      }
      this.objectiveIdsSent.add(slot);
    }
  }

  private slotFor(id: string): number {
    this.readObjectiveSlots();
    let slot = this.objectiveSlots.get(id);
    if (slot === undefined) {
      slot = this.nextObjective++;
      this.objectiveSlots.set(id, slot);
    }
    return slot;
  }

  /**
   * Queues a value unless the LMS already holds it. `readable` elements (status, scores,
   * objectives) are read from the LMS the first time, so a relaunch does not resend them.
   */
  private stage(key: string, value: string, readable = false): void {
    if (!this.pending.has(key)) {
      if (readable && !this.lmsHas.has(key)) {
        const current = this.call(() => this.api.get(key), '');
        if (this.call(() => this.api.lastError(), 0) === 0) this.lmsHas.set(key, current);
      }
      if (this.lmsHas.get(key) === value) return;
    }
    this.pending.set(key, value);
  }

  flush(): Promise<boolean> {
    return Promise.resolve(this.flushNow());
  }

  /** Sends everything pending and commits, synchronously. */
  private flushNow(): boolean {
    if (this.ended) return true;
    if (this.pending.size === 0 && this.status.current !== 'unsaved') return true;
    // The session's time so far goes with every save, so an LMS has it however the session ends.
    if (this.tracking) this.pending.set(this.dialect.keys.sessionTime, this.dialect.sessionTime(this.now() - this.started));
    clearTimeout(this.retryTimer);
    this.status.set('saving');
    if (!this.initialised) {
      this.initialised = this.call(() => this.api.initialize(), false);
      if (this.initialised && this.savedStateUnread && this.call(() => this.api.get(this.dialect.keys.suspendData), '') !== '') {
        // The learner has saved progress this session never saw: keep it rather than replace it.
        this.pending.delete(this.dialect.keys.suspendData);
        this.pending.delete(this.dialect.keys.location);
        this.keepSaved = true;
      }
    }
    const { written, failed } = this.writePending();
    const committed = !failed && this.call(() => this.api.commit(), false);
    if (committed) {
      for (const [key, value] of written) this.lmsHas.set(key, value);
      this.retry = 0;
      this.status.set('saved');
      return true;
    }
    // The LMS may not have kept what it took: send it again next time, ahead of newer values.
    for (const [key, value] of written) if (!this.pending.has(key)) this.pending.set(key, value);
    this.scheduleRetry();
    this.status.set('unsaved');
    return false;
  }

  /** Sets every pending value; keeps what the LMS refused for now, drops what it will never take. */
  private writePending(): { written: [string, string][]; failed: boolean } {
    const written: [string, string][] = [];
    let failed = false;
    for (const [key, value] of [...this.pending]) {
      const ok = this.call(() => this.api.set(key, value), false);
      if (ok) {
        this.pending.delete(key);
        written.push([key, value]);
        continue;
      }
      const code = this.call(() => this.api.lastError(), 0);
      if (this.dialect.permanentErrors.includes(code)) {
        // The LMS will never take this value; keep the rest flowing.
        console.warn(`LMS refused ${key} (error ${code})`);
        this.pending.delete(key);
      } else {
        failed = true;
      }
    }
    return { written, failed };
  }

  private scheduleRetry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.retry++, RETRY_DELAYS_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => this.flushNow(), delay);
  }

  async finish(): Promise<void> {
    this.leave();
  }

  /**
   * Ends the session with as little as possible: the session time and anything still pending are
   * set, then Terminate (LMSFinish), which saves them; no separate Commit. Everything resume needs
   * was committed during the session, so a Terminate the LMS or the browser refuses as the page
   * closes loses at most this session's time.
   */
  leave(): void {
    if (this.ended) return;
    clearTimeout(this.retryTimer);
    this.ended = true;
    if (this.tracking) this.pending.set(this.dialect.keys.sessionTime, this.dialect.sessionTime(this.now() - this.started));
    if (this.initialised) this.writePending();
    this.call(() => this.api.terminate(), false);
  }

  refused(): RefusedRecord[] {
    return [];
  }

  onRefusedChange(): void {}

  onStatus(listener: (status: SaveStatus) => void): void {
    this.status.listen(listener);
  }

  private call<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (e) {
      console.warn('LMS call failed', e);
      return fallback;
    }
  }
}
