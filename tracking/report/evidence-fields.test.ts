import type { Statement } from '@xapi/xapi';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import { statementByIds } from '../../tests/support/xapi-ids-format.js';
import type { CourseData } from '../learner-model/course-data.js';
import { exampleResponse } from '../learner-model/question-kinds/index.js';
import { StatementFactory } from '../xapi/statement-factory.js';
import { activityIris } from '../xapi/vocabulary.js';
import { evidenceFields } from './evidence-fields.js';
import { EvidenceStore, buildGrid } from './evidence-model.js';
import { readReportStatement, VOIDED } from './report-statements.js';
import { catalogueFromCourses, unitIris } from './unit-catalogue.js';

const course: CourseData = buildCourse(readUnitSources(process.cwd(), 'dn8j-11'), DEFAULTS).data;
const unit = catalogueFromCourses([course]).units[0]!;
const iris = unitIris(course.settings.baseIri, unit);
/** As an LRS returns them: stored, authority and version added. */
const fromLrs = (s: Statement, i: number) => ({ ...s, stored: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), authority: { objectType: 'Agent', name: 'LRS key', mbox: 'mailto:key@lrs.example.org' }, version: '1.0.3' });

/** Every kind of statement a unit's learners send, in full and in the "ids" format, from two learners and a re-issued cmi5 session. */
function statements(): unknown[] {
  const out: Statement[] = [];
  const learners = [
    { objectType: 'Agent' as const, name: 'Ada Brown', account: { homePage: 'https://lms.example.org', name: 'ada' } },
    { objectType: 'Agent' as const, name: 'Ben Carter', mbox: 'mailto:ben@example.org' },
  ];
  for (const actor of learners) {
    const f = new StatementFactory(course, { actor, registration: '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d' });
    out.push(f.session('initialized'));
    for (const o of course.outcomes) {
      out.push(f.lessonExperienced(o.lessons[0]!));
      // One question of every kind the outcome has, rightly and wrongly.
      const kinds = [...new Map(o.questions.map((q) => [q.type, q])).values()];
      kinds.forEach((q, i) => out.push(f.answered({ question: q, outcome: o.number, response: exampleResponse(q, i % 2 === 0), correct: i % 2 === 0, latencyMs: 9000, timestamp: new Date(), objectiveIds: [] }, o.number)));
      o.criteria.forEach((c, i) => out.push(f.criterionJudged(c.code, o.number, i % 3 ? 100 : 40, i % 3 !== 0)));
    }
    // Re-issued in a later session: read at the time it was first made.
    out.push(f.reissue({ ...out.at(-1)!, timestamp: '2026-10-01T09:00:00.000Z' }), f.unitCompleted(60_000), f.unitJudged(false, 50, 60_000));
  }
  const lrs = out.map(fromLrs);
  const voiding = { id: '5c1e0f4e-2a7b-4c8e-9d1f-3b2a1c0d9e8f', actor: learners[0], verb: { id: VOIDED, display: { 'en-GB': 'voided' } }, object: { objectType: 'StatementRef', id: lrs[5]!.id } };
  return [...lrs, ...lrs.map((s) => ({ ...statementByIds(s), id: `${s.id!.slice(0, -4)}beef` })), fromLrs(voiding as Statement, 999), 'not a statement', null, { verb: 'odd' }];
}

describe('evidence fields', () => {
  it('keep everything the report reads of every kind of statement a unit sends', () => {
    const all = statements();
    for (const s of all) expect(readReportStatement(evidenceFields(s), iris)).toEqual(readReportStatement(s, iris));
    // The grid, counts and records of a store fed the cut statements are those of the whole statements.
    const whole = new EvidenceStore(unit, course.settings.baseIri);
    const cut = new EvidenceStore(unit, course.settings.baseIri);
    whole.add(all);
    cut.add(all.map(evidenceFields));
    expect(cut.counts).toEqual(whole.counts);
    expect(whole.counts.voided).toBe(1);
    expect(cut.newestStored).toBe(whole.newestStored);
    expect(buildGrid(cut)).toEqual(buildGrid(whole));
  });

  it('cut a verdict to under half its size', () => {
    const verdict = statements().find((s) => (s as Statement).verb?.id.endsWith('/passed') && (s as { object: { id: string } }).object.id.startsWith(activityIris(course).criterion('')))!;
    expect(JSON.stringify(evidenceFields(verdict)).length).toBeLessThan(JSON.stringify(verdict).length / 2);
  });
});
