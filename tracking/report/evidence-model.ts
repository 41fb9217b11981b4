import type { AnsweredQuestion, AnswerMark, CriterionJudgement, LearnerIdentity, ReportRecord } from './report-statements.js';
import { readReportStatement, VOIDED } from './report-statements.js';
import { AnswerRows, QuestionTable } from './answer-rows.js';
import { decodeSnapshot, encodeSnapshot, slices, type EvidenceSnapshot, type LearnerRecords } from './evidence-snapshot.js';
import { nextTask } from './next-task.js';
import { criteriaOf, unitIris, type CatalogueOutcome, type CatalogueUnit, type UnitIris } from './unit-catalogue.js';

/**
 * The evidence model of one unit: statements in, then a learners × criteria grid, the evidence
 * behind each cell, and a per-learner record. A criterion's knowledge check is met when any
 * passed statement exists on its objective, not yet met when it has only failed ones, and not
 * attempted when it has none; attempts count those passed and failed statements.
 */

export type KnowledgeCheckStatus = 'met' | 'not-yet' | 'not-attempted';

/** Milliseconds since the epoch, both ends included; either may be left open. */
export interface TimeRange {
  from?: number;
  to?: number;
}

export interface ReportFilters {
  range?: TimeRange;
  /** Only this learner (by key); every learner when absent. */
  learner?: string;
}

export type { EvidenceSnapshot };

/** The statement a voiding statement voids, or null when it is not one. */
function voidedBy(s: unknown): string | null {
  if (typeof s !== 'object' || s === null) return null;
  const { verb, object } = s as { verb?: { id?: unknown }; object?: { objectType?: unknown; id?: unknown } };
  return verb?.id === VOIDED && object?.objectType === 'StatementRef' && typeof object.id === 'string' ? object.id : null;
}

/**
 * Collects the unit's evidence from statements, page by page, ignoring anything else. A voiding
 * statement takes the statement it voids out of the evidence.
 */
export class EvidenceStore {
  readonly iris: UnitIris;
  /** Statements read as evidence, ignored (not this unit's evidence), repeats skipped, and evidence voided. */
  readonly counts = { evidence: 0, ignored: 0, repeated: 0, voided: 0 };
  /** The latest time the LRS stored any statement added (ms since the epoch), null when none; a store from a snapshot starts with none. */
  newestStored: number | null = null;
  private seen = new Set<string>();
  private readonly byLearner = new Map<string, LearnerRecords>();
  /** Each question's id and criteria once, numbered: every answer to it names it by number. */
  private questions = new QuestionTable();
  /** Per learner, each criterion's tally over all their records, kept as records come and go: the grid without a period. */
  private readonly talliesByLearner = new Map<string, Tallies>();

  constructor(
    readonly unit: CatalogueUnit,
    baseIri: string,
  ) {
    this.iris = unitIris(baseIri, unit);
  }

  add(statements: readonly unknown[]): void {
    const voided: string[] = [];
    for (const s of statements) {
      const { id, stored } = typeof s === 'object' && s !== null ? (s as { id?: unknown; stored?: unknown }) : {};
      if (typeof id === 'string') {
        if (this.seen.has(id)) {
          this.counts.repeated++;
          continue;
        }
        this.seen.add(id);
      }
      const at = typeof stored === 'string' ? Date.parse(stored) : NaN;
      if (!Number.isNaN(at) && (this.newestStored === null || at > this.newestStored)) this.newestStored = at;
      const target = voidedBy(s);
      if (target !== null) {
        voided.push(target);
        // A voided statement read after its void (another query's page) is then skipped as a repeat.
        this.seen.add(target);
        continue;
      }
      const record = readReportStatement(s, this.iris);
      if (!record) {
        this.counts.ignored++;
        continue;
      }
      this.keep(record);
    }
    if (voided.length) this.void(new Set(voided));
  }

  private keep(record: ReportRecord): void {
    this.counts.evidence++;
    let entry = this.byLearner.get(record.learner.key);
    if (!entry) {
      entry = { learner: record.learner, namedAt: record.time, judgements: [], answers: new AnswerRows() };
      this.byLearner.set(record.learner.key, entry);
    } else if (named(record.learner) && (record.time >= entry.namedAt || !named(entry.learner))) {
      entry.learner = record.learner;
      entry.namedAt = record.time;
    }
    // Judgements share their learner's one identity object; answers are rows naming their question.
    let tallies = this.talliesByLearner.get(record.learner.key);
    if (!tallies) this.talliesByLearner.set(record.learner.key, (tallies = new Map()));
    if (record.kind === 'judgement') {
      entry.judgements.push({ ...record, learner: entry.learner });
      tallyJudgement(tallies, record);
    } else {
      const question = this.questions.of(record.questionId, record.criteria);
      entry.answers.push(record.statementId, question, record.success, record.time);
      tallyAnswer(tallies, this.questions.list[question]!.criteria, record.time);
    }
  }

  /** Takes voided statements out of the evidence; a learner left with none is left out. */
  private void(ids: ReadonlySet<string>): void {
    for (const [key, entry] of this.byLearner) {
      const judgements = entry.judgements.filter((j) => !ids.has(j.statementId));
      const answers = entry.answers.filter((id) => !ids.has(id));
      const gone = entry.judgements.length + entry.answers.length - judgements.length - answers.length;
      if (gone === 0) continue;
      this.counts.evidence -= gone;
      this.counts.voided += gone;
      if (judgements.length + answers.length === 0) {
        this.byLearner.delete(key);
        this.talliesByLearner.delete(key);
      } else {
        Object.assign(entry, { judgements, answers });
        this.talliesByLearner.set(key, this.talliesOf(entry));
      }
    }
  }

  /** Everything the store holds, for keeping between visits. */
  snapshot(): Promise<EvidenceSnapshot> {
    return encodeSnapshot([...this.byLearner.values()], this.questions, this.seen, this.counts);
  }

  /** A store holding what a snapshot of it held (read in slices, the page free between them). */
  static async from(snapshot: EvidenceSnapshot, unit: CatalogueUnit, baseIri: string): Promise<EvidenceStore> {
    const store = new EvidenceStore(unit, baseIri);
    const { entries, seen, questions } = await decodeSnapshot(snapshot);
    store.seen = seen;
    store.questions = questions;
    const sliceEnds = slices();
    for (const entry of entries) {
      store.byLearner.set(entry.learner.key, entry);
      store.talliesByLearner.set(entry.learner.key, store.talliesOf(entry));
      if (sliceEnds(entry.judgements.length + entry.answers.length)) await nextTask();
    }
    Object.assign(store.counts, snapshot.counts);
    return store;
  }

  /** How many learners have evidence. */
  get learnerCount(): number {
    return this.byLearner.size;
  }

  /** Every learner with evidence, by name (then identifier). */
  learners(): LearnerIdentity[] {
    return [...this.byLearner.values()].map((e) => e.learner).sort(byLearnerName);
  }

  /**
   * A learner's tally per criterion over their records, or those in a period: without one, the
   * tallies kept as records come and go. Undefined when the learner has no records.
   */
  tallies(learnerKey: string, range?: TimeRange): ReadonlyMap<string, Tally> | undefined {
    if (!range) return this.talliesByLearner.get(learnerKey);
    const entry = this.byLearner.get(learnerKey);
    return entry && this.talliesOf(entry, range);
  }

  /** A learner's verdicts and answers (each answer made an object for the asking); undefined when they have none. */
  records(learnerKey: string): { judgements: readonly CriterionJudgement[]; answers: readonly AnswerMark[] } | undefined {
    const entry = this.byLearner.get(learnerKey);
    return entry && { judgements: entry.judgements, answers: entry.answers.marks(entry.learner, this.questions) };
  }

  /** Each criterion's tally over a learner's records (those in the period, when one is given). */
  private talliesOf({ judgements, answers }: LearnerRecords, range?: TimeRange): Tallies {
    const tallies: Tallies = new Map();
    for (const j of judgements) if (inRange(j.time, range)) tallyJudgement(tallies, j);
    for (let i = 0; i < answers.length; i++) if (inRange(answers.times[i]!, range)) tallyAnswer(tallies, this.questions.list[answers.questions[i]!]!.criteria, answers.times[i]!);
    return tallies;
  }
}

/** Whether an identity carries the actor's name (answers read by ids carry the identifier alone). */
const named = (l: LearnerIdentity) => l.name !== l.id;

/** The order learners are listed in: by name (then identifier, then key), as English sorts them. */
export const byLearnerName = (a: LearnerIdentity, b: LearnerIdentity): number => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id, 'en-GB') || a.key.localeCompare(b.key);
const inRange = (t: number, r: TimeRange = {}) => (r.from === undefined || t >= r.from) && (r.to === undefined || t <= r.to);

export interface CriterionSummary {
  code: string;
  status: KnowledgeCheckStatus;
  /** Knowledge checks taken on the criterion (its passed and failed statements). */
  attempts: number;
  /** Time of the latest statement on the criterion (verdict or answer), null when none. */
  lastActivity: number | null;
}

export interface GridRow {
  learner: LearnerIdentity;
  cells: CriterionSummary[];
  /** Knowledge checks met in each outcome, of its criteria. */
  outcomes: { number: number; met: number; of: number }[];
  met: number;
  of: number;
}

export interface EvidenceGrid {
  unit: CatalogueUnit;
  criteria: { code: string; text: string; outcome: number }[];
  rows: GridRow[];
  totals: {
    /** Per criterion: how many of the learners shown have met it, not yet met it, not attempted it. */
    criteria: { code: string; met: number; notYet: number; notAttempted: number; learners: number }[];
    /** Per outcome: knowledge checks met over all learners shown and the outcome's criteria. */
    outcomes: { number: number; met: number; of: number }[];
    met: number;
    of: number;
  };
}

/** A learner's knowledge checks on one criterion: passed and failed verdicts, and the time of the latest statement on it (null when none). */
export interface Tally {
  passed: number;
  failed: number;
  last: number | null;
}
type Tallies = Map<string, Tally>;

function tallyOf(tallies: Tallies, code: string): Tally {
  let t = tallies.get(code);
  if (!t) tallies.set(code, (t = { passed: 0, failed: 0, last: null }));
  return t;
}
function tallyJudgement(tallies: Tallies, j: CriterionJudgement): void {
  const t = tallyOf(tallies, j.criterion);
  if (j.passed) t.passed++;
  else t.failed++;
  if (t.last === null || j.time > t.last) t.last = j.time;
}
function tallyAnswer(tallies: Tallies, criteria: readonly string[], time: number): void {
  for (const code of criteria) {
    const t = tallyOf(tallies, code);
    if (t.last === null || time > t.last) t.last = time;
  }
}

function cellOf(code: string, t: Tally | undefined): CriterionSummary {
  if (!t) return { code, status: 'not-attempted', attempts: 0, lastActivity: null };
  return { code, status: t.passed > 0 ? 'met' : t.failed > 0 ? 'not-yet' : 'not-attempted', attempts: t.passed + t.failed, lastActivity: t.last };
}

/**
 * The learners × criteria grid for the filters. A learner appears when they have evidence on the
 * unit in the period (so a date range leaves out learners with nothing in it).
 */
export function buildGrid(store: EvidenceStore, filters: ReportFilters = {}): EvidenceGrid {
  const unit = store.unit;
  const criteria = criteriaOf(unit);
  const rows: GridRow[] = [];
  for (const learner of store.learners()) {
    if (filters.learner !== undefined && learner.key !== filters.learner) continue;
    // Without a period, the tallies the store keeps as it reads; with one, counted from the records in it.
    const tallies = store.tallies(learner.key, filters.range);
    const cells = criteria.map((c) => cellOf(c.code, tallies?.get(c.code)));
    if (cells.every((c) => c.lastActivity === null)) continue;
    const outcomes = unit.outcomes.map((o) => {
      const mine = cells.filter((_, i) => criteria[i]!.outcome === o.number);
      return { number: o.number, met: mine.filter((c) => c.status === 'met').length, of: mine.length };
    });
    const met = cells.filter((c) => c.status === 'met').length;
    rows.push({ learner, cells, outcomes, met, of: cells.length });
  }
  const count = (i: number, s: KnowledgeCheckStatus) => rows.filter((r) => r.cells[i]!.status === s).length;
  return {
    unit,
    criteria,
    rows,
    totals: {
      criteria: criteria.map((c, i) => ({ code: c.code, met: count(i, 'met'), notYet: count(i, 'not-yet'), notAttempted: count(i, 'not-attempted'), learners: rows.length })),
      outcomes: unit.outcomes.map((o, k) => ({
        number: o.number,
        met: rows.reduce((n, r) => n + r.outcomes[k]!.met, 0),
        of: rows.length * o.criteria.length,
      })),
      met: rows.reduce((n, r) => n + r.met, 0),
      of: rows.length * criteria.length,
    },
  };
}

export interface CriterionEvidence extends CriterionSummary {
  text: string;
  /** Each knowledge check's verdict on the criterion, oldest first. */
  judgements: CriterionJudgement[];
  /** Every question asked for the criterion, oldest first. */
  answers: AnsweredQuestion[];
}

/** A learner's answers in full (the question as asked and the response), by statement id. */
export type AnswerDetails = ReadonlyMap<string, AnsweredQuestion>;

/** An answer whose statement the LRS did not send in full: shown by its question's id. */
function undetailed(mark: AnswerMark): AnsweredQuestion {
  const question = { activityId: mark.questionId, text: mark.questionId, interactionType: 'other', choices: [], source: [], target: [], steps: [], correctResponsesPattern: [] };
  return { ...mark, question, response: '' };
}

/**
 * Everything behind one cell of the grid: the verdicts and every question asked, with the
 * learner's responses (from `details`, the learner's answers read in full).
 */
export function criterionEvidence(store: EvidenceStore, learnerKey: string, code: string, details: AnswerDetails, range?: TimeRange): CriterionEvidence {
  const records = store.records(learnerKey) ?? { judgements: [], answers: [] };
  const text = criteriaOf(store.unit).find((c) => c.code === code)?.text ?? '';
  const oldestFirst = <T extends { time: number }>(a: T, b: T) => a.time - b.time;
  return {
    ...cellOf(code, store.tallies(learnerKey, range)?.get(code)),
    text,
    judgements: records.judgements.filter((j) => j.criterion === code && inRange(j.time, range)).sort(oldestFirst),
    answers: records.answers
      .filter((a) => a.criteria.includes(code) && inRange(a.time, range))
      .sort(oldestFirst)
      .map((a) => details.get(a.statementId) ?? undetailed(a)),
  };
}

export interface LearnerRecord {
  learner: LearnerIdentity;
  outcomes: { outcome: CatalogueOutcome; met: number; criteria: CriterionEvidence[] }[];
  met: number;
  of: number;
}

/** One learner's evidence record for the unit: every outcome and criterion, with the questions and responses. */
export function learnerRecord(store: EvidenceStore, learnerKey: string, details: AnswerDetails, range?: TimeRange): LearnerRecord | null {
  const learner = store.learners().find((l) => l.key === learnerKey);
  if (!learner) return null;
  const outcomes = store.unit.outcomes.map((outcome) => {
    const criteria = outcome.criteria.map((c) => criterionEvidence(store, learnerKey, c.code, details, range));
    return { outcome, met: criteria.filter((c) => c.status === 'met').length, criteria };
  });
  return { learner, outcomes, met: outcomes.reduce((n, o) => n + o.met, 0), of: outcomes.reduce((n, o) => n + o.criteria.length, 0) };
}
