import type { Statement } from '@xapi/xapi';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import type { CourseData, SingleQuestion } from '../learner-model/course-data.js';
import { StatementFactory, type Actor } from '../xapi/statement-factory.js';
import { buildOverview } from './centre-overview.js';
import { buildGrid, EvidenceStore } from './evidence-model.js';
import { isoDate } from './grid-csv.js';
import { overviewToCsv, type OverviewCsvLabels } from './overview-csv.js';
import { catalogueFromCourses } from './unit-catalogue.js';

const care: CourseData = buildCourse(readUnitSources(process.cwd(), 'a-500-7158'), DEFAULTS).data;
const procedures: CourseData = buildCourse(readUnitSources(process.cwd(), 'a-503-0391'), DEFAULTS).data;
const catalogue = catalogueFromCourses([care, procedures]);
const [careUnit, proceduresUnit] = catalogue.units as [(typeof catalogue.units)[0], (typeof catalogue.units)[0]];

const account = (name: string, id: string): Actor => ({ objectType: 'Agent', name, account: { homePage: 'https://lms.example.org', name: id } });
const ada = account('Ada Brown', 'ada');
const ben = account('Ben Carter', 'ben');
const cara = account('Cara Diaz', 'cara');
const registration = '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d';
const at = (iso: string, s: Statement): Statement => ({ ...s, timestamp: iso });
const judged = (course: CourseData, actor: Actor, code: string, passed: boolean, iso: string) =>
  at(iso, new StatementFactory(course, { actor, registration }).criterionJudged(code, Number(code.split('.')[0]), passed ? 100 : 0, passed));
const q11 = care.outcomes[0]!.questions.find((q): q is SingleQuestion => q.type === 'single' && q.criteria.includes('1.1'))!;

/** Ada and Ben on customer care; Ada (renamed since) and Cara on procedures. */
function stores(): [EvidenceStore, EvidenceStore] {
  const careStore = new EvidenceStore(careUnit, catalogue.baseIri);
  careStore.add([
    at('2026-03-01T09:00:00Z', new StatementFactory(care, { actor: ada, registration }).answered(
      { question: q11, outcome: 1, response: 0, correct: q11.options[0]!.correct, latencyMs: 2000, timestamp: new Date('2026-03-01T09:00:00Z'), objectiveIds: [] },
      1,
    )),
    judged(care, ada, '1.1', true, '2026-03-01T09:05:00Z'),
    judged(care, ada, '1.2', false, '2026-03-01T09:05:00Z'),
    judged(care, ada, '2.1', true, '2026-03-03T14:00:00Z'),
    judged(care, ben, '2.1', true, '2026-03-10T11:00:00Z'),
  ]);
  const proceduresStore = new EvidenceStore(proceduresUnit, catalogue.baseIri);
  proceduresStore.add([
    judged(procedures, { ...ada, name: 'Ada Brown-Smith' } as Actor, '1.1', true, '2026-04-02T10:00:00Z'),
    judged(procedures, cara, '1.1', true, '2026-04-01T10:00:00Z'),
    judged(procedures, cara, '2.1', true, '2026-04-01T10:10:00Z'),
    judged(procedures, cara, '3.1', true, '2026-04-01T10:20:00Z'),
  ]);
  return [careStore, proceduresStore];
}

describe('centre overview', () => {
  it('has a row for every learner on any unit, by name, and a column for every unit with evidence', () => {
    const [careStore, proceduresStore] = stores();
    const overview = buildOverview([careStore, proceduresStore]);
    expect(overview.units.map((u) => u.unit.id)).toEqual(['a-500-7158', 'a-503-0391']);
    expect(overview.rows.map((r) => [r.learner.name, r.learner.id])).toEqual([
      ['Ada Brown-Smith', 'ada'],
      ['Ben Carter', 'ben'],
      ['Cara Diaz', 'cara'],
    ]);
    const [adaRow, benRow, caraRow] = overview.rows;
    expect(adaRow!.cells).toEqual([
      { met: 2, of: 10, lastActivity: Date.parse('2026-03-03T14:00:00Z') },
      { met: 1, of: 12, lastActivity: Date.parse('2026-04-02T10:00:00Z') },
    ]);
    expect(benRow!.cells).toEqual([{ met: 1, of: 10, lastActivity: Date.parse('2026-03-10T11:00:00Z') }, null]);
    expect(caraRow!.cells).toEqual([null, { met: 3, of: 12, lastActivity: Date.parse('2026-04-01T10:20:00Z') }]);
  });

  it('gives each cell the numbers of that unit’s grid', () => {
    const all = stores();
    const overview = buildOverview(all);
    all.forEach((store, u) => {
      for (const row of buildGrid(store).rows) {
        const cell = overview.rows.find((r) => r.learner.key === row.learner.key)!.cells[u]!;
        const last = Math.max(...row.cells.flatMap((c) => (c.lastActivity === null ? [] : [c.lastActivity])));
        expect(cell).toEqual({ met: row.met, of: row.of, lastActivity: last });
      }
    });
  });

  it('totals each unit: learners with evidence and knowledge checks met on average', () => {
    const overview = buildOverview(stores());
    expect(overview.units.map(({ learners, meanMet, of }) => ({ learners, meanMet, of }))).toEqual([
      { learners: 2, meanMet: 1.5, of: 10 },
      { learners: 2, meanMet: 2, of: 12 },
    ]);
  });

  it('leaves out a unit with no evidence, and keeps apart two learners who share a name', () => {
    const [careStore] = stores();
    const empty = new EvidenceStore(proceduresUnit, catalogue.baseIri);
    empty.add([{ not: 'a statement' }]);
    careStore.add([judged(care, { objectType: 'Agent', name: 'Ben Carter', mbox: 'mailto:ben.c@example.org' }, '1.3', true, '2026-03-12T09:00:00Z')]);
    const overview = buildOverview([empty, careStore]);
    expect(overview.units.map((u) => u.unit.id)).toEqual(['a-500-7158']);
    expect(overview.rows.map((r) => [r.learner.name, r.learner.id])).toEqual([
      ['Ada Brown', 'ada'],
      ['Ben Carter', 'ben'],
      ['Ben Carter', 'ben.c@example.org'],
    ]);
    expect(buildOverview([empty])).toEqual({ units: [], rows: [] });
  });
});

describe('centre overview CSV', () => {
  const labels: OverviewCsvLabels = {
    learner: 'Learner',
    learnerId: 'Learner id',
    met: (u) => `${u.reference} knowledge checks met`,
    lastActivity: (u) => `${u.reference} last activity`,
    ofTotal: (met, of) => `${met} of ${of}`,
    learnersRow: 'Learners with evidence',
    meanRow: 'Mean knowledge checks met',
  };

  /** The date a CSV gives a time (the tutor's own day). */
  const day = (iso: string) => isoDate(Date.parse(iso));

  it('writes one row per learner, met and last activity per unit, then the units’ totals', () => {
    const csv = overviewToCsv(buildOverview(stores()), labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Learner,Learner id,A/500/7158 knowledge checks met,A/500/7158 last activity,A/503/0391 knowledge checks met,A/503/0391 last activity',
      `Ada Brown-Smith,ada,2 of 10,${day('2026-03-03T14:00:00Z')},1 of 12,${day('2026-04-02T10:00:00Z')}`,
      `Ben Carter,ben,1 of 10,${day('2026-03-10T11:00:00Z')},,`,
      `Cara Diaz,cara,,,3 of 12,${day('2026-04-01T10:20:00Z')}`,
      'Learners with evidence,,2,,2,',
      'Mean knowledge checks met,,1.5 of 10,,2 of 12,',
      '',
    ]);
  });

  it('quotes and defuses learner text a spreadsheet would run as a formula', () => {
    const store = new EvidenceStore(careUnit, catalogue.baseIri);
    store.add([judged(care, account('=HYPERLINK("x"), Ada', '+ada'), '1.1', true, '2026-03-01T12:00:00Z')]);
    const lines = overviewToCsv(buildOverview([store]), labels).slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x""), Ada",'+ada,1 of 10,${day('2026-03-01T12:00:00Z')}`);
  });
});
