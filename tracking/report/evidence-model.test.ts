import type { Statement } from '@xapi/xapi';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import type { CourseData, QuestionData } from '../learner-model/course-data.js';
import type { Response } from '../learner-model/question-kinds/index.js';
import { StatementFactory, type Actor } from '../xapi/statement-factory.js';
import { activityIris } from '../xapi/vocabulary.js';
import { statementByIds } from '../../tests/support/xapi-ids-format.js';
import { answerDetailsFrom } from './answer-details.js';
import { buildGrid, criterionEvidence, EvidenceStore, learnerRecord } from './evidence-model.js';
import { gridToCsv, type CsvLabels } from './grid-csv.js';
import { catalogueFromCourses, unitIris } from './unit-catalogue.js';

const course: CourseData = buildCourse(readUnitSources(process.cwd(), 'a-500-7158'), DEFAULTS).data;
const catalogue = catalogueFromCourses([course]);
const unit = catalogue.units[0]!;
const outcome1 = course.outcomes[0]!;
const q11 = outcome1.questions.filter((q) => q.criteria.includes('1.1') && q.type === 'single');

const ada: Actor = { objectType: 'Agent', name: 'Ada Brown', account: { homePage: 'https://lms.example.org', name: 'ada' } };
const ben: Actor = { objectType: 'Agent', name: 'Ben Carter', mbox: 'mailto:ben@example.org' };
const factoryFor = (actor: Actor, cmi5 = false) =>
  new StatementFactory(course, {
    actor,
    registration: '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d',
    ...(cmi5
      ? {
          cmi5: {
            auId: `${activityIris(course).unit}/au`,
            contextTemplate: {
              extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' },
              contextActivities: { grouping: [{ objectType: 'Activity', id: `${activityIris(course).unit}/au` }] },
            },
          },
        }
      : {}),
  });
const at = (iso: string) => (s: Statement) => ({ ...s, timestamp: iso });
/** An answered statement at a given time (set after it is made: a factory's own clock only moves forward). */
const answer = (f: StatementFactory, q: QuestionData, response: Response, correct: boolean, iso: string) =>
  at(iso)(f.answered({ question: q, outcome: 1, response, correct, latencyMs: 3000, timestamp: new Date(iso), objectiveIds: [] }, 1));

describe('unit catalogue', () => {
  it('names the same activities the packages send statements about', () => {
    const iris = unitIris(catalogue.baseIri, unit);
    const sent = activityIris(course);
    expect(iris.unit).toBe(sent.unit);
    expect(iris.criteria.get('2.6')).toBe(sent.criterion('2.6'));
    expect(sent.question(1, 'q1-01').startsWith(iris.questionsPrefix)).toBe(true);
    expect(unit.outcomes.map((o) => o.criteria.map((c) => c.code))).toEqual([
      ['1.1', '1.2', '1.3', '1.4'],
      ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'],
    ]);
  });
});

describe('evidence model', () => {
  const a = factoryFor(ada);
  const b = factoryFor(ben, true);
  const statements: unknown[] = [
    // Ada: 1.1 failed, then passed on a retake; 1.2 failed only.
    answer(a, q11[0]!, 1, false, '2026-03-01T09:00:00Z'),
    at('2026-03-01T09:05:00Z')(a.criterionJudged('1.1', 1, 50, false)),
    at('2026-03-01T09:05:00Z')(a.criterionJudged('1.2', 1, 0, false)),
    answer(a, q11[1]!, q11[1]!.type === 'single' ? q11[1]!.options.findIndex((o) => o.correct) : 0, true, '2026-03-08T10:00:00Z'),
    at('2026-03-08T10:05:00Z')(a.criterionJudged('1.1', 1, 100, true)),
    // Ben (cmi5): 2.1 passed.
    at('2026-03-10T11:00:00Z')(b.criterionJudged('2.1', 2, 100, true)),
    // Not evidence: a lesson, the unit's own verdict, a session verb, another unit's criterion.
    a.lessonExperienced(outcome1.lessons[0]!),
    a.unitJudged(false, 50, 1000),
    a.session('terminated', 1000),
    { ...a.criterionJudged('1.1', 1, 100, true), object: { objectType: 'Activity', id: 'https://w3id.org/contact-centre-learning/units/f-503-0389/criteria/1.1' } },
    { ...a.criterionJudged('1.1', 1, 100, true), object: { objectType: 'Activity', id: `${activityIris(course).unit}/criteria/9.9` } },
    { not: 'a statement' },
  ];
  /** The answers in full, as the report reads them when a cell is opened. */
  const details = answerDetailsFrom(statements, unitIris(catalogue.baseIri, unit));

  it('reads passed, failed and answered statements of the unit and ignores everything else', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add(statements);
    store.add(statements.slice(0, 2)); // a page read twice
    expect(store.counts).toEqual({ evidence: 6, ignored: 6, repeated: 2, voided: 0 });
    expect(store.learners().map((l) => [l.name, l.id])).toEqual([
      ['Ada Brown', 'ada'],
      ['Ben Carter', 'ben@example.org'],
    ]);
  });

  it('takes a voided statement out of the evidence, and a learner left with none out of the grid', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add(statements);
    const idOf = (n: number) => (statements[n] as { id: string }).id;
    const voiding = (target: string) => ({ id: crypto.randomUUID(), actor: ada, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } });
    // Ada's passed 1.1 and Ben's only statement are voided.
    store.add([voiding(idOf(4)), voiding(idOf(5))]);
    expect(store.counts).toMatchObject({ evidence: 4, voided: 2 });
    const grid = buildGrid(store);
    expect(grid.rows.map((r) => r.learner.name)).toEqual(['Ada Brown']);
    expect(grid.rows[0]!.cells.find((c) => c.code === '1.1')).toMatchObject({ status: 'not-yet', attempts: 1 });
  });

  it('leaves out a voided statement that arrives after its void (the verdicts are read before the answers)', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    const idOf = (n: number) => (statements[n] as { id: string }).id;
    store.add([{ id: crypto.randomUUID(), actor: ada, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: idOf(4) } }]);
    store.add(statements);
    expect(store.counts).toMatchObject({ evidence: 5, repeated: 1 });
    expect(buildGrid(store).rows[0]!.cells.find((c) => c.code === '1.1')).toMatchObject({ status: 'not-yet', attempts: 1 });
  });

  it('keeps each learner’s tallies as it reads, through voids and a copy: the grid without a period is the grid counted from every record', async () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add(statements);
    const idOf = (n: number) => (statements[n] as { id: string }).id;
    const everything = { range: { from: 0 } };
    expect(buildGrid(store)).toEqual(buildGrid(store, everything));
    store.add([{ id: crypto.randomUUID(), actor: ada, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: idOf(4) } }]);
    const afterVoid = buildGrid(store);
    expect(afterVoid).toEqual(buildGrid(store, everything));
    expect(afterVoid.rows[0]!.cells.find((c) => c.code === '1.1')).toMatchObject({ status: 'not-yet', attempts: 1 });
    const copy = await EvidenceStore.from(structuredClone(await store.snapshot()), unit, catalogue.baseIri);
    expect(buildGrid(copy)).toEqual(afterVoid);
  });

  it('keeps everything it holds in a snapshot, and counts nothing twice when a re-read overlaps it', async () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add(statements.map((s, i) => (typeof s === 'object' && s && 'id' in s ? { ...s, stored: new Date(Date.UTC(2026, 2, 20, 9, 0, i)).toISOString() } : s)));
    const copy = await EvidenceStore.from(structuredClone(await store.snapshot()), unit, catalogue.baseIri);
    expect(store.newestStored).toBe(Date.UTC(2026, 2, 20, 9, 0, statements.length - 2));
    expect(buildGrid(copy)).toEqual(buildGrid(store));
    expect(learnerRecord(copy, copy.learners()[0]!.key, details)).toEqual(learnerRecord(store, store.learners()[0]!.key, details));
    const reread = statements.slice(3, -1); // the last has no id, so it could only count again
    copy.add(reread);
    expect(copy.counts).toEqual({ ...store.counts, repeated: reread.length });
  });

  it('builds the grid: met on any passed, not yet on only failed, attempts, last activity, totals', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add(statements);
    const grid = buildGrid(store);
    const [adaRow, benRow] = grid.rows;
    const cell = (row: typeof adaRow, code: string) => row!.cells.find((c) => c.code === code)!;
    expect(cell(adaRow, '1.1')).toEqual({ code: '1.1', status: 'met', attempts: 2, lastActivity: Date.parse('2026-03-08T10:05:00Z') });
    expect(cell(adaRow, '1.2')).toEqual({ code: '1.2', status: 'not-yet', attempts: 1, lastActivity: Date.parse('2026-03-01T09:05:00Z') });
    expect(cell(adaRow, '2.1')).toEqual({ code: '2.1', status: 'not-attempted', attempts: 0, lastActivity: null });
    expect(cell(benRow, '2.1').status).toBe('met');
    expect(adaRow!.outcomes).toEqual([
      { number: 1, met: 1, of: 4 },
      { number: 2, met: 0, of: 6 },
    ]);
    expect([adaRow!.met, adaRow!.of, benRow!.met]).toEqual([1, 10, 1]);
    expect(grid.totals.criteria.find((t) => t.code === '1.1')).toEqual({ code: '1.1', met: 1, notYet: 0, notAttempted: 1, learners: 2 });
    expect(grid.totals.criteria.find((t) => t.code === '1.2')).toEqual({ code: '1.2', met: 0, notYet: 1, notAttempted: 1, learners: 2 });
    expect(grid.totals.outcomes).toEqual([
      { number: 1, met: 1, of: 8 },
      { number: 2, met: 1, of: 12 },
    ]);
    expect([grid.totals.met, grid.totals.of]).toEqual([2, 20]);
  });

  it('filters by date range (whole statements in or out) and by learner', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add(statements);
    const early = buildGrid(store, { range: { to: Date.parse('2026-03-02T00:00:00Z') } });
    expect(early.rows.map((r) => r.learner.name)).toEqual(['Ada Brown']); // Ben has nothing before then
    expect(early.rows[0]!.cells.find((c) => c.code === '1.1')).toMatchObject({ status: 'not-yet', attempts: 1 });
    const late = buildGrid(store, { range: { from: Date.parse('2026-03-08T00:00:00Z') } });
    expect(late.rows[0]!.cells.find((c) => c.code === '1.2')).toMatchObject({ status: 'not-attempted', attempts: 0 });
    const onlyBen = buildGrid(store, { learner: store.learners()[1]!.key });
    expect(onlyBen.rows.map((r) => r.learner.name)).toEqual(['Ben Carter']);
    expect(onlyBen.totals.of).toBe(10);
  });

  it('gives the evidence behind a cell: verdicts and every question asked, oldest first', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add([...statements].reverse());
    const adaKey = store.learners()[0]!.key;
    const e = criterionEvidence(store, adaKey, '1.1', details);
    expect(e.text).toBe(outcome1.criteria[0]!.text);
    expect(e.judgements.map((j) => [j.passed, j.scaled])).toEqual([
      [false, 0.5],
      [true, 1],
    ]);
    expect(e.answers.map((x) => [x.question.text, x.success])).toEqual([
      [q11[0]!.stemText, false],
      [q11[1]!.stemText, true],
    ]);
    expect(e.answers[0]!.response).toBe('b');
    expect(criterionEvidence(store, adaKey, '1.3', details)).toMatchObject({ status: 'not-attempted', judgements: [], answers: [] });
  });

  it('makes a per-learner record of every outcome and criterion', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add(statements);
    const record = learnerRecord(store, store.learners()[0]!.key, details)!;
    expect(record.outcomes.map((o) => [o.outcome.number, o.met, o.criteria.map((c) => c.status)])).toEqual([
      [1, 1, ['met', 'not-yet', 'not-attempted', 'not-attempted']],
      [2, 0, ['not-attempted', 'not-attempted', 'not-attempted', 'not-attempted', 'not-attempted', 'not-attempted']],
    ]);
    expect([record.met, record.of]).toEqual([1, 10]);
    expect(learnerRecord(store, 'nobody', details)).toBeNull();
  });

  it('reads answers sent by ids alone as marks for the grid, the same grid as from answers in full, with the names from named statements', () => {
    const full = new EvidenceStore(unit, catalogue.baseIri);
    full.add(statements);
    const ids = new EvidenceStore(unit, catalogue.baseIri);
    // Ada's latest statement is an answer by ids, with no name.
    const late = statementByIds(at('2026-03-20T09:00:00Z')(answer(a, q11[2]!, 0, false, '2026-03-20T09:00:00Z')));
    ids.add([...statements.map((st) => (st && typeof st === 'object' && (st as Statement).verb?.id?.endsWith('/answered') ? statementByIds(st) : st)), late]);
    full.add([late]);
    expect(ids.counts).toEqual(full.counts);
    expect(buildGrid(ids)).toEqual(buildGrid(full));
    expect(ids.learners().map((l) => l.name)).toEqual(['Ada Brown', 'Ben Carter']);
    // The cell's questions come from the answers in full; one the LRS did not send in full shows by its id.
    const e = criterionEvidence(ids, ids.learners()[0]!.key, '1.1', details);
    expect(e.answers.map((x) => x.question.text)).toEqual([q11[0]!.stemText, q11[1]!.stemText, (late.object as { id: string }).id]);
  });

  it('shows a learner by the name on their latest statement', () => {
    const store = new EvidenceStore(unit, catalogue.baseIri);
    const renamed = factoryFor({ ...ada, name: 'Ada Brown-Smith' } as Actor);
    store.add([at('2026-04-01T09:00:00Z')(renamed.criterionJudged('1.3', 1, 100, true)), ...statements]);
    expect(store.learners().map((l) => l.name)).toEqual(['Ada Brown-Smith', 'Ben Carter']);
  });
});

describe('CSV export', () => {
  const labels: CsvLabels = {
    learner: 'Learner',
    learnerId: 'Learner id',
    status: (c) => `${c} status`,
    attempts: (c) => `${c} attempts`,
    lastActivity: (c) => `${c} last activity`,
    outcomeMet: (n) => `Outcome ${n} met`,
    unitMet: 'Unit met',
    statuses: { met: 'Knowledge check met', 'not-yet': 'Not yet met', 'not-attempted': 'Not attempted' },
    totalsRow: 'Learners met',
    ofTotal: (m, o) => `${m} of ${o}`,
  };

  it('writes one row per learner and a totals row, quoting and defusing what needs it', () => {
    const a = factoryFor({ objectType: 'Agent', name: '=HYPERLINK("x"), Ada', account: { homePage: 'https://lms.example.org', name: 'ada' } });
    const store = new EvidenceStore(unit, catalogue.baseIri);
    store.add([at('2026-03-01T12:00:00Z')(a.criterionJudged('1.1', 1, 100, true))]);
    const csv = gridToCsv(buildGrid(store), labels);
    expect(csv.startsWith('\uFEFFLearner,Learner id,1.1 status,1.1 attempts,1.1 last activity,1.2 status')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, one learner, totals, final empty
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""x""), Ada",ada,Knowledge check met,1,2026-03-01,${Array(9).fill('Not attempted,0,,').join('')}1 of 4,0 of 6,1 of 10`,
    );
    expect(lines[2]).toBe(`Learners met,,1 of 1,,,${Array(9).fill('0 of 1,,,').join('')}1 of 4,0 of 6,1 of 10`);
  });
});
