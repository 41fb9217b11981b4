import type { CriterionJudgement, LearnerIdentity } from './report-statements.js';
import { AnswerRows, QuestionTable } from './answer-rows.js';
import { nextTask } from './next-task.js';

/**
 * What an evidence store holds, in columns, to be kept between visits (see evidence-cache.ts):
 * each learner, criterion code and question once, each record a row of numbers, and the
 * statement ids as one string. A browser stores and reads this back in a few milliseconds where
 * the same evidence as objects takes a structured clone of every field of every record.
 */
export interface EvidenceSnapshot {
  learners: { identity: LearnerIdentity; namedAt: number }[];
  /** Criterion codes and question ids, each once: the records name them by index. */
  names: string[];
  /** Each question asked: its id and the codes of its criteria, by index into names. */
  questions: { id: number; criteria: number[] }[];
  judgements: RecordColumns;
  answers: RecordColumns;
  /** Ids of statements read that are no evidence kept (ignored, voids, voided), one per line. */
  otherSeen: string;
  counts: { evidence: number; ignored: number; repeated: number; voided: number };
}

/** One kind of record, a row per record. */
interface RecordColumns {
  /** Statement ids, one per line. */
  ids: string;
  learner: Uint32Array;
  /** A judgement's criterion (index into names) or an answer's question (index into questions). */
  subject: Uint32Array;
  /** Passed (1) or not (0); an answer right (1), wrong (0) or not said (-1). */
  flag: Int8Array;
  /** A judgement's score, NaN when none; 0 for answers. */
  scaled: Float64Array;
  time: Float64Array;
}

/** One learner's records as the store holds them. */
export interface LearnerRecords {
  learner: LearnerIdentity;
  /** Time of the statement the shown name came from (the latest wins). */
  namedAt: number;
  judgements: CriterionJudgement[];
  answers: AnswerRows;
}

/** Gives each distinct key a number, in the order first met. */
class Numbering<K> {
  readonly keys: K[] = [];
  private readonly index = new Map<K, number>();
  of(key: K): number {
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.keys.length;
      this.index.set(key, n);
      this.keys.push(key);
    }
    return n;
  }
}

function columns(length: number): RecordColumns {
  return { ids: '', learner: new Uint32Array(length), subject: new Uint32Array(length), flag: new Int8Array(length), scaled: new Float64Array(length), time: new Float64Array(length) };
}

/** Rows handled in one task: a college's copy is written and read in slices, the page kept free between them. */
const ROWS_PER_SLICE = 20_000;

/**
 * Counts rows of work (one, or as many as given): true once another ROWS_PER_SLICE have been
 * done, when the loop waits for nextTask. A college's evidence is handled this way in slices.
 */
export function slices(): (rows?: number) => boolean {
  let rows = 0;
  let next = ROWS_PER_SLICE;
  return (n = 1) => {
    rows += n;
    if (rows < next) return false;
    next = rows + ROWS_PER_SLICE;
    return true;
  };
}

/** The lines of a text, split a slice at a time: a college's copy holds 700,000 ids. */
async function lines(text: string): Promise<string[]> {
  const out: string[] = [];
  if (text === '') return out;
  const sliceEnds = slices();
  for (let at = 0; ; ) {
    const end = text.indexOf('\n', at);
    if (end < 0) {
      out.push(text.slice(at));
      return out;
    }
    out.push(text.slice(at, end));
    at = end + 1;
    if (sliceEnds()) await nextTask();
  }
}
/** Ids one per line, a slice at a time: an LRS's ids are UUIDs, and one that is not such cannot be kept this way. */
async function joinIds(ids: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; i += ROWS_PER_SLICE) {
    const slice = ids.slice(i, i + ROWS_PER_SLICE);
    if (slice.some((id) => id.includes('\n'))) throw new Error('A statement id holds a line break, so this copy cannot be kept');
    parts.push(slice.join('\n'));
    if (i + ROWS_PER_SLICE < ids.length) await nextTask();
  }
  return parts.join('\n');
}

/** The snapshot of a store's learners' records (their answers' questions numbered in `questions`) and every statement id it has read. */
export async function encodeSnapshot(entries: readonly LearnerRecords[], questions: QuestionTable, seen: ReadonlySet<string>, counts: EvidenceSnapshot['counts']): Promise<EvidenceSnapshot> {
  const sliceEnds = slices();
  const names = new Numbering<string>();
  const questionRows = questions.list.map((q) => ({ id: names.of(q.id), criteria: q.criteria.map((c) => names.of(c)) }));
  const judgements = columns(entries.reduce((n, e) => n + e.judgements.length, 0));
  const answers = columns(entries.reduce((n, e) => n + e.answers.length, 0));
  const judgementIds: string[] = [];
  const answerIds: string[] = [];
  const kept = new Set<string>();
  for (const [l, entry] of entries.entries()) {
    for (const j of entry.judgements) {
      const row = judgementIds.push(j.statementId) - 1;
      kept.add(j.statementId);
      judgements.learner[row] = l;
      judgements.subject[row] = names.of(j.criterion);
      judgements.flag[row] = j.passed ? 1 : 0;
      judgements.scaled[row] = j.scaled ?? NaN;
      judgements.time[row] = j.time;
      if (sliceEnds()) await nextTask();
    }
    const rows = entry.answers;
    for (let i = 0; i < rows.length; i++) {
      const row = answerIds.push(rows.ids[i]!) - 1;
      kept.add(rows.ids[i]!);
      answers.learner[row] = l;
      answers.subject[row] = rows.questions[i]!;
      answers.flag[row] = rows.flags[i]!;
      answers.time[row] = rows.times[i]!;
      if (sliceEnds()) await nextTask();
    }
  }
  judgements.ids = await joinIds(judgementIds);
  answers.ids = await joinIds(answerIds);
  const otherSeen: string[] = [];
  for (const id of seen) {
    if (!kept.has(id)) otherSeen.push(id);
    if (sliceEnds()) await nextTask();
  }
  return {
    learners: entries.map((e) => ({ identity: e.learner, namedAt: e.namedAt })),
    names: names.keys,
    questions: questionRows,
    judgements,
    answers,
    otherSeen: await joinIds(otherSeen),
    counts: { ...counts },
  };
}

/** The learners' records a snapshot holds (each sharing its learner's identity), the questions their answers name, and every statement id read. */
export async function decodeSnapshot(snapshot: EvidenceSnapshot): Promise<{ entries: LearnerRecords[]; seen: Set<string>; questions: QuestionTable }> {
  const sliceEnds = slices();
  const { names } = snapshot;
  const entries: LearnerRecords[] = snapshot.learners.map(({ identity, namedAt }) => ({ learner: identity, namedAt, judgements: [], answers: new AnswerRows() }));
  const questions = new QuestionTable();
  // Numbered as the snapshot numbers them: each question is in it once.
  for (const q of snapshot.questions) questions.of(names[q.id]!, q.criteria.map((c) => names[c]!));
  const judgementIds = await lines(snapshot.judgements.ids);
  for (const [row, statementId] of judgementIds.entries()) {
    const j = snapshot.judgements;
    const entry = entries[j.learner[row]!]!;
    const scaled = j.scaled[row]!;
    entry.judgements.push({ kind: 'judgement', statementId, learner: entry.learner, criterion: names[j.subject[row]!]!, passed: j.flag[row] === 1, scaled: Number.isNaN(scaled) ? null : scaled, time: j.time[row]! });
    if (sliceEnds()) await nextTask();
  }
  const answerIds = await lines(snapshot.answers.ids);
  const a = snapshot.answers;
  for (const [row, statementId] of answerIds.entries()) {
    const flag = a.flag[row]!;
    entries[a.learner[row]!]!.answers.push(statementId, a.subject[row]!, flag === -1 ? null : flag === 1, a.time[row]!);
    if (sliceEnds()) await nextTask();
  }
  const seen = new Set<string>();
  for (const ids of [judgementIds, answerIds, await lines(snapshot.otherSeen)])
    for (const id of ids) {
      seen.add(id);
      if (sliceEnds()) await nextTask();
    }
  return { entries, seen, questions };
}
