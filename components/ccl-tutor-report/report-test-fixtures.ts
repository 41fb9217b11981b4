/**
 * Statements for the report's component tests: the real a-500-7158 unit, made by the packages'
 * own StatementFactory. Imported by tests only.
 */
import type { Statement } from '@xapi/xapi';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import type { SingleQuestion, CourseData } from '../../tracking/learner-model/course-data.js';
import { answerDetailsFrom } from '../../tracking/report/answer-details.js';
import { EvidenceStore, type AnswerDetails } from '../../tracking/report/evidence-model.js';
import { catalogueFromCourses, unitIris, type UnitCatalogue } from '../../tracking/report/unit-catalogue.js';
import { StatementFactory, type Actor } from '../../tracking/xapi/statement-factory.js';

export const course: CourseData = buildCourse(readUnitSources(process.cwd(), 'a-500-7158'), DEFAULTS).data;
export const catalogue: UnitCatalogue = catalogueFromCourses([course]);
export const unit = catalogue.units[0]!;

const actor = (name: string, id: string): Actor => ({ objectType: 'Agent', name, account: { homePage: 'https://lms.example.org', name: id } });
const factory = (a: Actor) => new StatementFactory(course, { actor: a, registration: '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d' });
const at = (iso: string, s: Statement): Statement => ({ ...s, timestamp: iso });

/** A single-choice question on 1.1, and its right and first wrong option. */
export const question = course.outcomes[0]!.questions.find((q): q is SingleQuestion => q.type === 'single' && q.criteria.includes('1.1'))!;
export const rightOption = question.options.findIndex((o) => o.correct);
export const wrongOption = question.options.findIndex((o) => !o.correct);

/**
 * Ada: 1.1 answered wrongly then rightly (not met, then met); 1.2 not met. Ben: 2.1 met.
 */
export function sampleStatements(): Statement[] {
  const ada = factory(actor('Ada Brown', 'ada'));
  const ben = factory(actor('Ben Carter', 'ben'));
  const answer = (f: StatementFactory, option: number, iso: string) =>
    at(iso, f.answered({ question, outcome: 1, response: option, correct: question.options[option]!.correct, latencyMs: 2000, timestamp: new Date(iso), objectiveIds: [] }, 1));
  return [
    answer(ada, wrongOption, '2026-03-01T09:00:00Z'),
    at('2026-03-01T09:05:00Z', ada.criterionJudged('1.1', 1, 50, false)),
    at('2026-03-01T09:05:00Z', ada.criterionJudged('1.2', 1, 0, false)),
    answer(ada, rightOption, '2026-03-08T10:00:00Z'),
    at('2026-03-08T10:05:00Z', ada.criterionJudged('1.1', 1, 100, true)),
    at('2026-03-10T11:00:00Z', ben.criterionJudged('2.1', 2, 100, true)),
  ];
}

export function sampleStore(statements: Statement[] = sampleStatements()): EvidenceStore {
  const store = new EvidenceStore(unit, catalogue.baseIri);
  store.add(statements);
  return store;
}

/** The answers among these statements in full, as the report reads them when a cell is opened. */
export function detailsFrom(statements: readonly Statement[]): AnswerDetails {
  return answerDetailsFrom(statements, unitIris(catalogue.baseIri, unit));
}
