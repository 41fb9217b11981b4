import { describe, expect, it } from 'vitest';
import { answerInFull, SHORT_TEXT_MAX, exampleResponse, longestResponse, type QuestionData } from '../../tracking/learner-model/question-kinds/index.js';
import type { Response } from '../../tracking/learner-model/question-kinds/index.js';
import { scorm12, scorm2004, type ScormDialect } from '../../tracking/scorm/scorm-dialects.js';
import { objectiveId } from '../../tracking/tracker.js';
import { record } from '../support/fault-ledger.js';
import { Scorm12API, Scorm2004API } from '../support/scorm-again.js';
import { formatProblems } from '../support/scorm-formats.js';
import { loadAllCourses } from '../support/units.js';

const courses = loadAllCourses();

/** The right answer, and the answer that takes the most room in the data model. */
function responses(q: QuestionData): Response[] {
  const up = (n: number) => Array.from({ length: n }, (_, i) => i);
  switch (q.type) {
    case 'single':
      return [q.options.findIndex((o) => o.correct), q.options.length - 1];
    case 'multiple':
      return [q.options.flatMap((o, i) => (o.correct ? [i] : [])), up(q.options.length)];
    case 'true-false':
      return [q.correct, !q.correct];
    case 'matching':
      return [up(q.pairs.length), up(q.pairs.length).reverse()];
    case 'ordering':
      return [up(q.steps.length), up(q.steps.length).reverse()];
    case 'short-text':
      return [answerInFull(q.answers[0]!), 'é"\\<>&'.repeat(10).slice(0, SHORT_TEXT_MAX)];
    case 'simulation':
      return [exampleResponse(q, true), exampleResponse(q, false), longestResponse(q)];
  }
}

describe('the format checks themselves', () => {
  it('reject values a strict LMS would refuse', () => {
    expect(formatProblems('1.2', 'cmi.interactions.0.student_response', 'aa,bb', 'choice')).toHaveLength(1);
    expect(formatProblems('1.2', 'cmi.interactions.0.id', 'q 1', 'choice')).toHaveLength(1);
    expect(formatProblems('2004', 'cmi.interactions.0.learner_response', '1.a,2.b', 'matching')).toHaveLength(1);
    expect(formatProblems('2004', 'cmi.interactions.0.description', 'x'.repeat(251), 'choice')).toHaveLength(1);
    expect(formatProblems('2004', 'cmi.interactions.0.learner_response', 'a[,]a', 'choice')).toHaveLength(1);
    expect(formatProblems('2004', 'cmi.interactions.0.latency', 'PT', 'choice')).toHaveLength(1);
  });
});

describe.each([
  ['SCORM 1.2', scorm12, () => new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 })],
  ['SCORM 2004', scorm2004, () => new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 })],
] as const)('%s: a strict runtime accepts every interaction of every question', (_, dialect: ScormDialect, makeLms) => {
  it.each(courses.map((c) => [c.unit.id, c] as const))('%s', (_, course) => {
    const lms = makeLms() as unknown as Record<string, (...a: string[]) => unknown>;
    const is12 = dialect.version === '1.2';
    const call = (name12: string, name2004: string, ...args: string[]) => lms[is12 ? name12 : name2004]!.call(lms, ...args);
    call('LMSInitialize', 'Initialize', '');
    const set = (k: string, v: string) => String(call('LMSSetValue', 'SetValue', k, v)) === 'true';
    const error = () => String(call('LMSGetLastError', 'GetLastError'));
    const refused: string[] = [];
    let n = 0;
    for (const o of course.outcomes)
      for (const q of o.questions)
        for (const response of responses(q)) {
          const values = dialect.interactionValues(n++, {
            question: q,
            outcome: o.number,
            response,
            correct: true,
            latencyMs: 123456,
            timestamp: new Date(2026, 10, 23, 9, 5, 7),
            objectiveIds: q.criteria.map(objectiveId),
          });
          const type = values.find(([k]) => k.endsWith('.type'))![1];
          for (const [k, v] of values) {
            if (!set(k, v)) refused.push(`${q.id} ${k}=${v.slice(0, 60)} (error ${error()})`);
            refused.push(...formatProblems(dialect.version, k, v, type).map((p) => `${q.id} ${p}`));
          }
        }
    expect(refused).toEqual([]);
    record({ badInputsTried: n });
  });
});
