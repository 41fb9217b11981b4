import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { buildOverview, type CentreOverview } from '../../../tracking/report/centre-overview.js';
import { browserEvidenceCache, cacheKey, REVISIT_OVERLAP_MS, type CachedEvidence, type EvidenceCache, type ReadUpTo } from '../../../tracking/report/evidence-cache.js';
import { readAnswerDetails } from '../../../tracking/report/answer-details.js';
import { buildGrid, criterionEvidence, EvidenceStore, learnerRecord, type AnswerDetails, type EvidenceGrid } from '../../../tracking/report/evidence-model.js';
import { gridToCsv, isoDate } from '../../../tracking/report/grid-csv.js';
import { authorizationFor, normaliseEndpoint, type LrsReadConnection } from '../../../tracking/report/lrs-connection.js';
import { LrsReadError } from '../../../tracking/report/lrs-read-error.js';
import { readStatements, unitAnswerQueries, unitVerdictQueries, type ReadOptions, type StatementQuery } from '../../../tracking/report/lrs-reader.js';
import { overviewToCsv } from '../../../tracking/report/overview-csv.js';
import { VOIDED, type LearnerIdentity } from '../../../tracking/report/report-statements.js';
import { unitIris, type CatalogueUnit, type UnitCatalogue } from '../../../tracking/report/unit-catalogue.js';
import { theme, tokens } from '../../theme.js';
import '../ccl-centre-overview/ccl-centre-overview.js';
import type { CclCentreOverview } from '../ccl-centre-overview/ccl-centre-overview.js';
import type { OpenUnitEvent } from '../ccl-centre-overview/ccl-centre-overview-events.js';
import '../ccl-criteria-grid/ccl-criteria-grid.js';
import type { CclCriteriaGrid, CellSelection } from '../ccl-criteria-grid/ccl-criteria-grid.js';
import type { OpenRecordEvent, ShowEvidenceEvent } from '../ccl-criteria-grid/ccl-criteria-grid-events.js';
import '../ccl-criterion-evidence/ccl-criterion-evidence.js';
import type { CclCriterionEvidence } from '../ccl-criterion-evidence/ccl-criterion-evidence.js';
import '../ccl-evidence-record/ccl-evidence-record.js';
import type { CclEvidenceRecord } from '../ccl-evidence-record/ccl-evidence-record.js';
import '../ccl-load-status/ccl-load-status.js';
import type { CclLoadStatus } from '../ccl-load-status/ccl-load-status.js';
import '../ccl-lrs-connection/ccl-lrs-connection.js';
import { ALL_UNITS, type CclLrsConnection } from '../ccl-lrs-connection/ccl-lrs-connection.js';
import type { LoadOverviewEvent, LoadReportEvent } from '../ccl-lrs-connection/ccl-lrs-connection-events.js';
import '../ccl-report-filters/ccl-report-filters.js';
import type { FilterValues } from '../ccl-report-filters/ccl-report-filters.js';
import type { FiltersChangeEvent } from '../ccl-report-filters/ccl-report-filters-events.js';
import { dayRange } from '../report-dates.js';
import { reportStrings } from '../report-strings.js';
import { tutorReportStyles } from './ccl-tutor-report.styles.js';

const s = reportStrings;
/** Screen readers hear loading progress at most this often. */
const ANNOUNCE_EVERY_MS = 2000;


/** Runs `task` when the page is next idle (or soon, where the browser cannot say). */
const whenIdle = (task: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 0));

/** What the page was opened with: launch parameters endpoint, auth and unit. */
export interface ReportLaunch {
  endpoint: string;
  auth: string;
  unit: string;
}

type Phase = 'idle' | 'loading' | 'loaded' | 'failed';

/** What the LRS added to this browser's copy of a unit since it was saved. */
interface CopyUpdate {
  savedAt: number;
  added: number;
  voided: number;
}

/** One unit as read: its evidence, and what came from this browser's copy (null when none did). */
interface UnitRead {
  store: EvidenceStore;
  fromCopy: CopyUpdate | null;
  /** When the read ended, and the copy was saved (ms since the epoch). */
  savedAt: number;
}

/** The words progress is shown in while a unit is read. */
interface ReadWords {
  sinceCopy: (savedAt: number) => string;
  progress: (statements: number, learners: number, pages: number) => string;
}

/** What the LRS added to this browser's copies of several units: since the oldest copy, all added and voided. */
function copiesUpdate(reads: Iterable<UnitRead>): CopyUpdate | null {
  const copies = [...reads].flatMap((r) => (r.fromCopy ? [r.fromCopy] : []));
  if (copies.length === 0) return null;
  return {
    savedAt: Math.min(...copies.map((c) => c.savedAt)),
    added: copies.reduce((n, c) => n + c.added, 0),
    voided: copies.reduce((n, c) => n + c.voided, 0),
  };
}

/**
 * The tutor evidence report: connect to an LRS with a read-only key, pick a unit, and see the
 * learners × criteria grid of knowledge checks, the questions and responses behind each cell, a
 * CSV export and a printable evidence record per learner. Reads only the standard statements
 * resource, with progress, a Cancel button, timeouts and a page cap.
 *
 * Or pick all units for the centre overview: every unit is read in turn, then every learner is
 * shown against every unit with evidence; a cell opens that unit's grid for that learner from
 * what was read, and "Back to the centre overview" returns to the cell.
 *
 * The host's data-state attribute says where it is: idle, loading, loaded or failed.
 */
export class CclTutorReport extends LitElement {
  static override styles = [tokens, theme, tutorReportStyles];
  static override properties = {
    catalogue: { attribute: false },
    launch: { attribute: false },
    readOptions: { attribute: false },
    evidenceCache: { attribute: false },
    phase: { state: true },
    progress: { state: true },
    announcement: { state: true },
    error: { state: true },
    store: { state: true },
    answersPending: { state: true },
    revision: { state: true },
    overview: { state: true },
    filters: { state: true },
    selection: { state: true },
    recordFor: { state: true },
  };
  /** The units the report knows, embedded in the page at build time. */
  declare catalogue: UnitCatalogue;
  /** The launch parameters; with endpoint, key and a known unit, the report loads at once. */
  declare launch: ReportLaunch;
  /** Reader settings (timeouts, page cap, fetch) — the defaults suit a real LRS. */
  declare readOptions: ReadOptions;
  /** Where loaded evidence is kept between visits: this browser's IndexedDB, or null for none. */
  declare evidenceCache: EvidenceCache | null;
  declare phase: Phase;
  declare progress: string;
  declare announcement: string;
  declare error: string;
  /** The unit whose grid is shown (on its own, or opened from the centre overview). */
  declare store: EvidenceStore | null;
  /** The grid shows every verdict while the answers behind it are still being read. */
  declare answersPending: boolean;
  /** Counts changes to the store shown (it is one object while it fills). */
  declare revision: number;
  /** The centre overview, while it or a unit opened from it is shown. */
  declare overview: CentreOverview | null;
  declare filters: FilterValues;
  declare selection: CellSelection | null;
  declare recordFor: string | null;

  private controller: AbortController | null = null;
  private lastAnnounced = 0;
  private loadedAt = 0;
  /** What the grid shows came partly from this browser's copy: when it was saved, what the LRS added and voided. */
  private fromCopy: CopyUpdate | null = null;
  /** Every unit read for the centre overview, by id: a cell opens one of these. */
  private overviewReads = new Map<string, UnitRead>();
  /** The overview's cell (or unit heading, learner null) a unit was opened from, for focus on the way back. */
  private openedFrom: { unitId: string; learner: string | null } | null = null;
  private loadedFrom: LrsReadConnection | null = null;
  /** Learners' answers read in full, by unit and learner key: read when a cell or a record is first opened. */
  private details = new Map<string, AnswerDetails>();
  private source = '';
  private grid: EvidenceGrid | null = null;
  private learners: LearnerIdentity[] = [];
  private connection: { endpoint: string; key: string; unitId: string } = { endpoint: '', key: '', unitId: '' };
  /** Where focus goes back to when the evidence record closes. */
  private returnTo: CellSelection | { learner: string } | null = null;
  private announceRows = false;

  constructor() {
    super();
    this.catalogue = { baseIri: '', units: [] };
    this.launch = { endpoint: '', auth: '', unit: '' };
    this.readOptions = {};
    this.evidenceCache = browserEvidenceCache();
    this.phase = 'idle';
    this.progress = '';
    this.announcement = '';
    this.error = '';
    this.store = null;
    this.answersPending = false;
    this.revision = 0;
    this.overview = null;
    this.filters = { from: '', to: '', learner: '' };
    this.selection = null;
    this.recordFor = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.state = this.phase;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('launch')) {
      const only = this.catalogue.units.length === 1 ? this.catalogue.units[0]!.id : '';
      this.connection = { endpoint: this.launch.endpoint, key: this.launch.auth, unitId: this.unitById(this.launch.unit) ? this.launch.unit : only };
    }
    if (changed.has('store')) this.learners = this.store?.learners() ?? [];
    if (changed.has('store') || changed.has('filters') || changed.has('revision')) this.grid = this.store ? buildGrid(this.store, this.gridFilters()) : null;
    if (this.announceRows && this.grid) this.announcement = s.report.showing(this.grid.rows.length);
    this.announceRows = false;
    // "loaded" is set once the grid has rendered (see load).
    if (changed.has('phase') && this.phase !== 'loaded') this.dataset.state = this.phase;
  }

  protected override firstUpdated(): void {
    // Opened with everything it needs (endpoint, key and unit as launch parameters): load at once.
    const endpoint = normaliseEndpoint(this.launch.endpoint);
    if (endpoint && this.launch.auth && this.unitById(this.launch.unit))
      void this.load({ endpoint, auth: authorizationFor(this.launch.auth) }, this.launch.unit);
  }

  private unitById(id: string): CatalogueUnit | undefined {
    return this.catalogue.units.find((u) => u.id === id);
  }

  private get unit(): CatalogueUnit | undefined {
    return this.store?.unit;
  }

  private gridFilters() {
    return { range: dayRange(this.filters.from, this.filters.to), ...(this.filters.learner ? { learner: this.filters.learner } : {}) };
  }

  private el<T extends Element>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  /** This browser's copy of the unit's evidence from this LRS, or null (none, or IndexedDB refused). */
  private async copyOf(key: string): Promise<CachedEvidence | null> {
    try {
      return (await this.evidenceCache?.get(key)) ?? null;
    } catch (e) {
      console.warn(s.copyFailed, e);
      return null;
    }
  }

  /** Starts a load: stops any other, takes away what was shown, and puts focus on Cancel. */
  private begin(): AbortController {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.phase = 'loading';
    this.error = '';
    this.progress = '';
    this.store = null;
    this.answersPending = false;
    this.overview = null;
    this.overviewReads = new Map();
    this.details = new Map();
    this.selection = null;
    this.recordFor = null;
    this.announcement = s.loading.connecting;
    this.lastAnnounced = performance.now();
    void this.updateComplete.then(() => this.el<CclLoadStatus>('ccl-load-status')?.focusCancel());
    return controller;
  }

  /** Shows why a load failed, takes away a grid shown before every answer was read, and puts focus back on the form. */
  private async fail(e: unknown): Promise<void> {
    this.phase = 'failed';
    if (this.answersPending) this.store = null;
    this.answersPending = false;
    this.error = e instanceof LrsReadError ? e.message : String(e);
    this.announcement = '';
    await this.updateComplete;
    this.el<CclLrsConnection>('ccl-lrs-connection')?.focusLoad();
  }

  /**
   * Reads one unit's evidence from the LRS: the verdicts first (and voids), then the answers.
   * `onVerdicts` is called between the two, with the store holding every verdict, so the grid can
   * show while the answers, most of the statements, are read. Where this browser kept a copy from
   * an earlier visit, that copy is the start and the LRS is asked, read by read, only for what it
   * stored since (and what was voided since); `everything` drops the copy and reads it all again.
   * What was read becomes the copy: once the verdicts are read where the answers are still to be
   * read in full (a college's take minutes, and a tutor may close the page meanwhile), and once
   * every answer is read. Null when another load took over meanwhile.
   */
  private async readUnit(
    connection: LrsReadConnection,
    unit: CatalogueUnit,
    controller: AbortController,
    everything: boolean,
    words: ReadWords,
    onVerdicts?: (store: EvidenceStore) => Promise<void>,
  ): Promise<UnitRead | null> {
    const unitIri = unitIris(this.catalogue.baseIri, unit).unit;
    const key = cacheKey(connection.endpoint, unitIri);
    if (everything) await this.evidenceCache?.delete(key).catch(() => undefined);
    const copy = everything ? null : await this.copyOf(key);
    const fromCopy = copy?.readUpTo ?? { verdicts: null, answers: null };
    const sinceOf = (upTo: number | null) => (upTo === null ? {} : { since: new Date(upTo - REVISIT_OVERLAP_MS).toISOString() });
    // Voids since the copy's earliest read: what it holds of either read may have been voided since.
    const earliest = [fromCopy.verdicts, fromCopy.answers].filter((t) => t !== null);
    const voidsSince = earliest.length > 0 ? sinceOf(Math.min(...earliest)).since : undefined;
    if (copy) this.progress = words.sinceCopy(copy.savedAt);
    // Until the copy is a store again, what the LRS sends waits for it (and progress counts the copy's learners).
    let store: EvidenceStore | null = copy ? null : new EvidenceStore(unit, this.catalogue.baseIri);
    const learnersInCopy = Array.isArray(copy?.snapshot.learners) ? copy.snapshot.learners.length : 0;
    const waiting: unknown[][] = [];
    let abandoned = false;
    // Progress counts on across the two reads.
    const done = { statements: 0, pages: 0 };
    const read = async (queries: StatementQuery[]) => {
      const totals = await readStatements(connection, queries, {
        ...this.readOptions,
        signal: controller.signal,
        onStatements: (statements) => (store ? store.add(statements) : waiting.push(statements)),
        onProgress: (p) => {
          if (abandoned) return;
          this.progress = words.progress(done.statements + p.statements, store?.learnerCount ?? learnersInCopy, done.pages + p.pages);
          if (performance.now() - this.lastAnnounced >= ANNOUNCE_EVERY_MS) {
            this.lastAnnounced = performance.now();
            this.announcement = this.progress;
          }
        },
      });
      done.statements += totals.statements;
      done.pages += totals.pages;
    };
    // What the LRS stored since the copy is asked for while the copy is made a store again.
    const verdicts = read([...unitVerdictQueries(unitIri, sinceOf(fromCopy.verdicts)), ...(voidsSince ? [{ verb: VOIDED, since: voidsSince }] : [])]);
    if (copy) {
      try {
        store = await EvidenceStore.from(copy.snapshot, unit, this.catalogue.baseIri);
      } catch (e) {
        // A copy this page cannot read is no copy: everything is read again, and this read is let go.
        console.warn(s.copyFailed, e);
        abandoned = true;
        verdicts.catch(() => undefined);
        return this.readUnit(connection, unit, controller, true, words, onVerdicts);
      }
      // How long this browser's copy took to read back (for the bench).
      performance.measure('ccl-report-copy-read', 'ccl-report-load-start');
    }
    const ready: EvidenceStore = store!;
    const kept = { ...ready.counts };
    for (const statements of waiting.splice(0)) ready.add(statements);
    await verdicts;
    if (this.controller !== controller) return null;
    // Each read holds what the LRS had stored up to the newest statement it sent (or the copy's, when it sent none).
    const readUpTo: ReadUpTo = { verdicts: ready.newestStored ?? fromCopy.verdicts, answers: fromCopy.answers };
    await onVerdicts?.(ready);
    if (this.controller !== controller) return null;
    // The grid shows first; the copy of the verdicts is then kept before any answer is added.
    if (readUpTo.answers === null) await this.keepCopy(key, ready, readUpTo);
    await read(unitAnswerQueries(unitIri, sinceOf(fromCopy.answers)));
    if (this.controller !== controller) return null;
    readUpTo.answers = ready.newestStored ?? fromCopy.answers;
    const savedAt = Date.now();
    const voided = ready.counts.voided - kept.voided;
    const update = copy ? { savedAt: copy.savedAt, added: ready.counts.evidence - kept.evidence + voided, voided } : null;
    // Kept once the page is idle, after the grid shows.
    whenIdle(() => void this.keepCopy(key, ready, readUpTo, savedAt));
    return { store: ready, fromCopy: update, savedAt };
  }

  /**
   * Keeps the store as this browser's copy (when it can: a failure is only told in the console).
   * Resolves once the store has been taken in full, so it may change from then on.
   */
  private async keepCopy(key: string, store: EvidenceStore, readUpTo: ReadUpTo, savedAt = Date.now()): Promise<void> {
    if (!this.evidenceCache) return;
    const warn = (e: unknown) => console.warn(s.copyFailed, e);
    try {
      const snapshot = await store.snapshot();
      this.evidenceCache.put(key, { snapshot, savedAt, readUpTo: { ...readUpTo } }).catch(warn);
    } catch (e) {
      warn(e);
    }
  }

  /**
   * Reads the unit's evidence from the LRS (from this browser's copy and what the LRS stored
   * since, unless `everything`): the grid shows once every verdict is read, and again with every
   * answer's last activity once those are read too.
   */
  async load(connection: LrsReadConnection, unitId: string, { everything = false } = {}): Promise<void> {
    const unit = this.unitById(unitId);
    if (!unit) return;
    const controller = this.begin();
    performance.mark('ccl-report-load-start');
    try {
      const words = { sinceCopy: s.loading.sinceCopy, progress: s.loading.progress };
      const read = await this.readUnit(connection, unit, controller, everything, words, (store) => this.showVerdicts(connection, store));
      if (!read) return;
      const store = read.store;
      this.loadedAt = read.savedAt;
      this.fromCopy = read.fromCopy;
      this.answersPending = false;
      this.revision++;
      this.phase = 'loaded';
      this.announcement = s.loading.loaded(store.learnerCount, store.counts.evidence, store.counts.ignored);
      await this.updateComplete;
      await this.el<CclCriteriaGrid>('ccl-criteria-grid')?.updateComplete;
      // Focus stays where the tutor took it in the grid; from Cancel (now gone) it goes to the heading.
      const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
      if (!focused || focused.localName === 'ccl-load-status') this.el<HTMLElement>('#unit-heading')?.focus();
      this.dataset.state = 'loaded';
      // Load time, up to the grid on screen with every answer read (the frame after it rendered).
      requestAnimationFrame(() => setTimeout(() => performance.measure('ccl-report-load', 'ccl-report-load-start')));
    } catch (e) {
      if (this.controller !== controller) return;
      await this.fail(e);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Shows the grid from every verdict while the answers are read, focus on its heading. */
  private async showVerdicts(connection: LrsReadConnection, store: EvidenceStore): Promise<void> {
    this.source = new URL(connection.endpoint).origin;
    this.loadedFrom = connection;
    this.loadedAt = Date.now();
    this.fromCopy = null;
    this.filters = { from: '', to: '', learner: '' };
    this.answersPending = true;
    this.store = store;
    this.announcement = s.loading.verdictsShown(store.learnerCount);
    await this.updateComplete;
    await this.el<CclCriteriaGrid>('ccl-criteria-grid')?.updateComplete;
    this.el<HTMLElement>('#unit-heading')?.focus();
    // Time to the grid on screen (the frame after it rendered).
    requestAnimationFrame(() => setTimeout(() => performance.measure('ccl-report-grid', 'ccl-report-load-start')));
  }

  /**
   * Reads every unit of the catalogue in turn, each as load() reads one (from this browser's copy
   * and what the LRS stored since, unless `everything`; progress names the unit), then shows the
   * centre overview. A cell then opens its unit's grid from what was read here.
   */
  async loadOverview(connection: LrsReadConnection, { everything = false } = {}): Promise<void> {
    const controller = this.begin();
    const units = this.catalogue.units;
    try {
      const reads = new Map<string, UnitRead>();
      for (const [i, unit] of units.entries()) {
        const reading = s.overview.readingUnit(i + 1, units.length, unit);
        this.progress = reading;
        const read = await this.readUnit(connection, unit, controller, everything, {
          sinceCopy: (at) => `${reading} ${s.overview.sinceCopy(at)}`,
          progress: (statements, learners, pages) => `${reading} ${s.loading.progress(statements, learners, pages)}`,
        });
        if (!read) return;
        reads.set(unit.id, read);
      }
      this.source = new URL(connection.endpoint).origin;
      this.loadedFrom = connection;
      this.loadedAt = Date.now();
      this.fromCopy = copiesUpdate(reads.values());
      this.overviewReads = reads;
      this.openedFrom = null;
      this.filters = { from: '', to: '', learner: '' };
      const overview = buildOverview([...reads.values()].map((r) => r.store));
      this.overview = overview;
      this.phase = 'loaded';
      this.announcement = s.overview.loaded(overview.rows.length, overview.units.length);
      await this.updateComplete;
      await this.el<CclCentreOverview>('ccl-centre-overview')?.updateComplete;
      this.el<HTMLElement>('#overview-heading')?.focus();
      this.dataset.state = 'loaded';
    } catch (e) {
      if (this.controller !== controller) return;
      await this.fail(e);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  private reloadEverything(): void {
    const unitId = this.store?.unit.id;
    if (this.loadedFrom && unitId) void this.load(this.loadedFrom, unitId, { everything: true });
  }

  private reloadOverview(): void {
    if (this.loadedFrom) void this.loadOverview(this.loadedFrom, { everything: true });
  }

  private onLoadReport(e: LoadReportEvent): void {
    this.connection = { ...e.fields, unitId: e.unitId };
    void this.load(e.connection, e.unitId);
  }

  private onLoadOverview(e: LoadOverviewEvent): void {
    this.connection = { ...e.fields, unitId: ALL_UNITS };
    void this.loadOverview(e.connection);
  }

  /** Opens a unit's grid from the overview, for the learner of the cell chosen (or all), from what was read. */
  private async openUnit(e: OpenUnitEvent): Promise<void> {
    const read = this.overviewReads.get(e.unitId);
    if (!read) return;
    this.openedFrom = { unitId: e.unitId, learner: e.learner };
    this.filters = { from: '', to: '', learner: e.learner ?? '' };
    this.selection = null;
    this.store = read.store;
    this.announceRows = true;
    await this.updateComplete;
    await this.el<CclCriteriaGrid>('ccl-criteria-grid')?.updateComplete;
    this.el<HTMLElement>('#unit-heading')?.focus();
  }

  private async backToOverview(): Promise<void> {
    const from = this.openedFrom;
    this.store = null;
    this.selection = null;
    this.filters = { from: '', to: '', learner: '' };
    await this.updateComplete;
    const overview = this.el<CclCentreOverview>('ccl-centre-overview');
    await overview?.updateComplete;
    if (from) await overview?.focusCell(from.unitId, from.learner);
    else this.el<HTMLElement>('#overview-heading')?.focus();
  }

  private cancel(): void {
    this.controller?.abort();
  }

  private onFilters(e: FiltersChangeEvent): void {
    this.filters = e.values;
    this.selection = null;
    this.announceRows = true;
  }

  /** The learner's answers in full on the unit shown, read from the LRS the first time; null when that failed (the error is shown). */
  private async answersOf(learnerKey: string): Promise<AnswerDetails | null> {
    const store = this.store;
    const learner = this.learners.find((l) => l.key === learnerKey);
    if (!store || !learner || !this.loadedFrom) return null;
    const key = `${store.unit.id} ${learnerKey}`;
    const known = this.details.get(key);
    if (known) return known;
    this.error = '';
    this.announcement = s.report.readingAnswers(learner.name);
    try {
      // While the grid's answers are still being read, these complete the learner's own.
      const onStatements = this.answersPending ? (statements: unknown[]) => store.add(statements) : undefined;
      const details = await readAnswerDetails(this.loadedFrom, store.iris, learner, { ...this.readOptions, ...(onStatements ? { onStatements } : {}) });
      this.details.set(key, details);
      this.announcement = '';
      return details;
    } catch (e) {
      this.error = e instanceof LrsReadError ? e.message : String(e);
      return null;
    }
  }

  private detailsOf(learnerKey: string): AnswerDetails {
    return (this.store && this.details.get(`${this.store.unit.id} ${learnerKey}`)) || new Map();
  }

  private async showEvidence(e: ShowEvidenceEvent): Promise<void> {
    if (!(await this.answersOf(e.learner))) return;
    this.selection = { learner: e.learner, code: e.code };
    await this.updateComplete;
    await this.el<CclCriterionEvidence>('ccl-criterion-evidence')?.focusHeading();
  }

  private async backToGrid(): Promise<void> {
    const at = this.selection;
    this.selection = null;
    await this.updateComplete;
    if (at) await this.el<CclCriteriaGrid>('ccl-criteria-grid')?.focusCell(at.learner, at.code);
  }

  private async openRecord(e: OpenRecordEvent): Promise<void> {
    if (!(await this.answersOf(e.learner))) return;
    this.returnTo = this.selection ?? { learner: e.learner };
    this.recordFor = e.learner;
    const learner = this.learners.find((l) => l.key === e.learner);
    if (learner && this.unit) document.title = s.record.documentTitle(learner.name, this.unit);
    await this.updateComplete;
    await this.el<CclEvidenceRecord>('ccl-evidence-record')?.focusHeading();
  }

  private async closeRecord(): Promise<void> {
    this.recordFor = null;
    document.title = s.pageTitle;
    await this.updateComplete;
    const back = this.returnTo;
    if (back && 'code' in back) await this.el<CclCriterionEvidence>('ccl-criterion-evidence')?.focusHeading();
    else if (back) await this.el<CclCriteriaGrid>('ccl-criteria-grid')?.focusRecordButton(back.learner);
  }

  private downloadCsv(): void {
    if (!this.grid || !this.unit) return;
    this.download(gridToCsv(this.grid, s.csv), s.report.csvFile(this.unit.id, isoDate(Date.now())));
  }

  private downloadOverviewCsv(): void {
    if (this.overview) this.download(overviewToCsv(this.overview, s.overviewCsv), s.overview.csvFile(isoDate(Date.now())));
  }

  /** Hands the browser a CSV file to save. */
  private download(csv: string, fileName: string): void {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  private renderRecord() {
    const store = this.store!;
    const record = learnerRecord(store, this.recordFor!, this.detailsOf(this.recordFor!), dayRange(this.filters.from, this.filters.to));
    return html`<main id="main">
      <ccl-evidence-record
        .record=${record}
        .unit=${store.unit}
        .period=${{ from: this.filters.from, to: this.filters.to }}
        .producedAt=${Date.now()}
        .source=${this.source}
        @close-record=${this.closeRecord}
      ></ccl-evidence-record>
    </main>`;
  }

  /** The unit's grid: loaded on its own, or opened from the centre overview (with a way back). */
  private renderUnit(store: EvidenceStore, grid: EvidenceGrid) {
    const unit = store.unit;
    const selected = this.selection;
    const learner = selected ? this.learners.find((l) => l.key === selected.learner) : undefined;
    const fromOverview = this.overview !== null;
    const fromCopy = fromOverview ? (this.overviewReads.get(unit.id)?.fromCopy ?? null) : this.fromCopy;
    return html`<section class="results" aria-labelledby="unit-heading">
      <h2 id="unit-heading" tabindex="-1">${s.unitName(unit)}</h2>
      <p class="source">
        ${this.answersPending ? s.report.answersPending : s.loading.loaded(this.learners.length, store.counts.evidence, store.counts.ignored)} ${s.report.source(this.source, this.loadedAt)}
        ${fromCopy ? s.report.fromCopy(fromCopy.savedAt, fromCopy.added, fromCopy.voided) : nothing}
      </p>
      <ccl-report-filters .learners=${this.learners} .values=${this.filters} @filters-change=${this.onFilters}></ccl-report-filters>
      <div class="actions">
        ${fromOverview ? html`<button type="button" class="secondary back-to-overview" @click=${this.backToOverview}>${s.overview.back}</button>` : nothing}
        <button type="button" class="secondary csv" @click=${this.downloadCsv} ?disabled=${grid.rows.length === 0 || this.answersPending}>${s.report.downloadCsv}</button>
        ${fromOverview ? nothing : html`<button type="button" class="secondary reload" @click=${this.reloadEverything}>${s.report.reloadEverything}</button>`}
      </div>
      ${grid.rows.length === 0
        ? html`<p class="empty">${s.report.noLearners}</p>`
        : html`<ccl-criteria-grid .grid=${grid} .selected=${selected} @show-evidence=${this.showEvidence} @open-record=${this.openRecord}></ccl-criteria-grid>`}
      ${selected && learner
        ? html`<ccl-criterion-evidence
            .learner=${learner}
            .evidence=${criterionEvidence(store, selected.learner, selected.code, this.detailsOf(selected.learner), dayRange(this.filters.from, this.filters.to))}
            @back-to-grid=${this.backToGrid}
            @open-record=${this.openRecord}
          ></ccl-criterion-evidence>`
        : nothing}
    </section>`;
  }

  private renderOverview(overview: CentreOverview) {
    const fromCopy = this.fromCopy;
    return html`<section class="results" aria-labelledby="overview-heading">
      <h2 id="overview-heading" tabindex="-1">${s.overview.heading}</h2>
      <p class="source">
        ${s.overview.loaded(overview.rows.length, overview.units.length)} ${s.report.source(this.source, this.loadedAt)}
        ${fromCopy ? s.report.fromCopy(fromCopy.savedAt, fromCopy.added, fromCopy.voided) : nothing}
      </p>
      <div class="actions">
        <button type="button" class="secondary overview-csv" @click=${this.downloadOverviewCsv} ?disabled=${overview.rows.length === 0}>${s.overview.downloadCsv}</button>
        <button type="button" class="secondary reload" @click=${this.reloadOverview}>${s.report.reloadEverything}</button>
      </div>
      ${overview.rows.length === 0
        ? html`<p class="empty">${s.overview.noEvidence}</p>`
        : html`<ccl-centre-overview .overview=${overview} @open-unit=${this.openUnit}></ccl-centre-overview>`}
    </section>`;
  }

  private renderReport() {
    const store = this.store;
    const grid = this.grid;
    return html`
      <header class="page-header">
        <h1>${s.pageTitle}</h1>
        <p>${s.intro}</p>
        <p class="honesty">${s.honesty}</p>
      </header>
      <main id="main">
        <ccl-lrs-connection
          .units=${this.catalogue.units}
          .endpoint=${this.connection.endpoint}
          .key=${this.connection.key}
          .unitId=${this.connection.unitId}
          ?busy=${this.phase === 'loading'}
          @load-report=${this.onLoadReport}
          @load-overview=${this.onLoadOverview}
        ></ccl-lrs-connection>
        <ccl-load-status
          ?loading=${this.phase === 'loading'}
          .progress=${this.progress}
          .announcement=${this.announcement}
          .error=${this.error}
          @cancel-load=${this.cancel}
        ></ccl-load-status>
        ${store && grid ? this.renderUnit(store, grid) : this.overview ? this.renderOverview(this.overview) : nothing}
      </main>
    `;
  }

  override render() {
    return this.recordFor && this.store ? this.renderRecord() : this.renderReport();
  }
}

customElements.define('ccl-tutor-report', CclTutorReport);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-tutor-report': CclTutorReport;
  }
}
