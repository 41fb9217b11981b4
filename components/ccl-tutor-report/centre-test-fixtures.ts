/**
 * Statements of two units for the centre overview's component tests: the report fixtures' unit
 * (a-500-7158) and a second real unit (a-503-0391), made by the packages' own StatementFactory.
 * Imported by tests only.
 */
import type { Statement } from '@xapi/xapi';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { EvidenceStore } from '../../tracking/report/evidence-model.js';
import { catalogueFromCourses, type UnitCatalogue } from '../../tracking/report/unit-catalogue.js';
import { StatementFactory, type Actor } from '../../tracking/xapi/statement-factory.js';
import { course, sampleStatements } from './report-test-fixtures.js';

export const secondCourse: CourseData = buildCourse(readUnitSources(process.cwd(), 'a-503-0391'), DEFAULTS).data;
export const twoUnits: UnitCatalogue = catalogueFromCourses([course, secondCourse]);

const actor = (name: string, id: string): Actor => ({ objectType: 'Agent', name, account: { homePage: 'https://lms.example.org', name: id } });
const judged = (a: Actor, code: string, passed: boolean, iso: string): Statement => ({
  ...new StatementFactory(secondCourse, { actor: a, registration: '5e0c2b7a-1f3d-4c6e-8a9b-0c1d2e3f4a5b' }).criterionJudged(code, Number(code.split('.')[0]), passed ? 100 : 0, passed),
  timestamp: iso,
});

/** On the second unit: Ada met 1.1 and not yet 1.2; Cara met 2.1 (Ben has nothing on it). */
export function secondUnitStatements(): Statement[] {
  const ada = actor('Ada Brown', 'ada');
  return [judged(ada, '1.1', true, '2026-04-02T10:00:00Z'), judged(ada, '1.2', false, '2026-04-03T10:00:00Z'), judged(actor('Cara Diaz', 'cara'), '2.1', true, '2026-04-01T10:00:00Z')];
}

/** Every statement of both units, as one LRS would hold them. */
export function centreStatements(): Statement[] {
  return [...sampleStatements(), ...secondUnitStatements()];
}

/** One evidence store per unit, in the catalogue's order. */
export function centreStores(): EvidenceStore[] {
  return twoUnits.units.map((u) => {
    const store = new EvidenceStore(u, twoUnits.baseIri);
    store.add(centreStatements());
    return store;
  });
}
