import { describe, expect, it } from 'vitest';
import type { CourseData, QuestionData, QuestionType } from '../../tracking/learner-model/course-data.js';
import type { Response } from '../../tracking/learner-model/question-kinds/index.js';
import { StatementFactory } from '../../tracking/xapi/statement-factory.js';
import { CMI5, VERBS } from '../../tracking/xapi/vocabulary.js';
import { loadAllCourses } from '../support/units.js';
import { xapiProblems } from '../support/xapi-validate.js';

const courses = loadAllCourses();
const course = courses.find((c) => c.unit.id === 'f-503-0389')!;
const actor = { objectType: 'Agent' as const, name: 'Test Learner', account: { homePage: 'https://lms.example.org', name: 'learner-1' } };
const registration = '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d';

/** A question of the type (from f-503-0389 where it has one), with a response of the right shape. */
function sample(type: QuestionType): { q: QuestionData; outcome: number; r: Response; unit: CourseData } {
  for (const unit of [course, ...courses])
  for (const o of unit.outcomes)
    for (const q of o.questions)
      if (q.type === type) {
        const identity = (n: number) => Array.from({ length: n }, (_, i) => i);
        const r: Response =
          q.type === 'single' ? 0
          : q.type === 'multiple' ? [0, 1]
          : q.type === 'true-false' ? true
          : q.type === 'short-text' ? 'an answer'
          : q.type === 'matching' ? identity(q.pairs.length)
          : identity('steps' in q ? q.steps.length : 0);
        return { q, outcome: o.number, r, unit };
      }
  throw new Error(`no ${type} question`);
}

describe('xAPI statements', () => {
  const f = new StatementFactory(course, { actor, registration });

  it.each(['single', 'multiple', 'true-false', 'matching', 'ordering', 'short-text'] as const)('an answered %s question is a valid cmi.interaction statement', (type) => {
    const { q, outcome, r, unit } = sample(type);
    const s = new StatementFactory(unit, { actor, registration }).answered({ question: q, outcome, response: r, correct: true, latencyMs: 4200, timestamp: new Date('2026-11-23T10:00:00Z'), objectiveIds: [] }, outcome);
    expect(xapiProblems(s)).toEqual([]);
    expect(s.verb.id).toBe(VERBS.answered);
    const object = s.object as { id: string; definition: Record<string, unknown> };
    expect(object.id).toBe(`${unit.settings.baseIri}/units/${unit.unit.id}/outcomes/${outcome}/questions/${q.id}`);
    expect(object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
    expect(object.definition.correctResponsesPattern).toBeInstanceOf(Array);
    expect(s.result).toMatchObject({ success: true, duration: 'PT4.2S' });
    expect(typeof s.result!.response).toBe('string');
    expect(s.context!.registration).toBe(registration);
    expect(s.context!.contextActivities!.parent![0]!.id).toBe(`${unit.settings.baseIri}/units/${unit.unit.id}/outcomes/${outcome}`);
    const grouping = s.context!.contextActivities!.grouping!.map((a) => a.id);
    expect(grouping).toContain(`${unit.settings.baseIri}/units/${unit.unit.id}`);
    for (const c of q.criteria) expect(grouping).toContain(`${unit.settings.baseIri}/units/${unit.unit.id}/criteria/${c}`);
  });

  it('matching and ordering definitions list their components', () => {
    const m = sample('matching');
    const object = f.answered({ question: m.q, outcome: m.outcome, response: m.r, correct: true, latencyMs: 1, timestamp: new Date(), objectiveIds: [] }, m.outcome).object;
    const def = (object as unknown as { definition: Record<string, unknown> }).definition;
    expect(def.interactionType).toBe('matching');
    expect((def.source as unknown[]).length).toBe((m.q as { pairs: unknown[] }).pairs.length);
    expect(def.correctResponsesPattern).toEqual([(m.q as { pairs: unknown[] }).pairs.map((_, i) => `${i + 1}[.]${String.fromCharCode(97 + i)}`).join('[,]')]);
  });

  it('criterion, lesson, unit and session statements are valid, with stable ids and unique statement ids', () => {
    const lesson = course.outcomes[0]!.lessons[0]!;
    const all = [
      f.session('initialized'),
      f.lessonExperienced(lesson),
      f.criterionJudged('1.1', 1, 75, false),
      f.unitCompleted(60000),
      f.unitJudged(true, 85, 61000),
      f.session('suspended', 62000),
      f.session('terminated', 62000),
    ];
    for (const s of all) expect(xapiProblems(s)).toEqual([]);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all[2]!.object).toMatchObject({ id: `${course.settings.baseIri}/units/f-503-0389/criteria/1.1` });
    expect(all[2]!.result).toMatchObject({ success: false, score: { scaled: 0.75, raw: 75 } });
  });

  it('in cmi5, merges the context template and marks defined statements with the cmi5 and moveOn categories', () => {
    const auId = 'https://example.org/au/1';
    const template = {
      contextActivities: { grouping: [{ objectType: 'Activity' as const, id: 'https://example.org/publisher/1' }] },
      extensions: { [CMI5.sessionId]: 'session-1' },
    };
    const c = new StatementFactory(course, { actor, registration, cmi5: { contextTemplate: template, auId, masteryScore: 0.8 } });
    const init = c.session('initialized');
    const passed = c.unitJudged(true, 90, 1000);
    const answered = c.answered({ ...sample('single'), question: sample('single').q, correct: true, latencyMs: 1, timestamp: new Date(), objectiveIds: [], response: 0 }, 1);
    for (const s of [init, passed, answered]) {
      expect(xapiProblems(s)).toEqual([]);
      expect(s.context!.registration).toBe(registration);
      expect(s.context!.extensions![CMI5.sessionId]).toBe('session-1');
      expect(s.context!.contextActivities!.grouping!.map((a) => a.id)).toContain('https://example.org/publisher/1');
    }
    expect(init.object).toEqual({ objectType: 'Activity', id: auId });
    expect(init.context!.contextActivities!.category!.map((a) => a.id)).toEqual([CMI5.category]);
    expect(passed.context!.contextActivities!.category!.map((a) => a.id)).toEqual([CMI5.category, CMI5.moveOn]);
    expect(passed.context!.extensions![CMI5.masteryScore]).toBe(0.8);
    // Allowed statements carry no cmi5 category.
    expect(answered.context!.contextActivities!.category).toBeUndefined();
  });
});
