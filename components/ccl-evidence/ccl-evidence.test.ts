// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { initialState, type LearnerState } from '../../tracking/learner-model/learner-state.js';
import { loadAllCourses } from '../../tests/support/units.js';
import '../ccl-results/ccl-results.js';
import './ccl-evidence.js';
import { answerInFull } from '../../tracking/learner-model/question-kinds/index.js';

const course = loadAllCourses().find((c) => c.unit.id === 'f-503-0389')!;
const hostile = '<img src=x onerror="alert(1)">';

/** A state whose outcome-1 check asked a short-text question the learner answered with markup. */
function stateWithHostileAnswer(): LearnerState {
  const o = course.outcomes[0]!;
  const shortText = o.questions.findIndex((q) => q.type === 'short-text');
  const single = o.questions.findIndex((q) => q.type === 'single');
  const s = initialState(course);
  s.outcomes[0] = {
    attempts: 1,
    criterionBest: o.criteria.map(() => 50),
    seen: [shortText, single],
    attempt: { questions: [shortText, single], answers: [hostile, 0], day: 20415, criteria: o.criteria.map((_, j) => j) },
  };
  return s;
}

afterEach(() => document.body.replaceChildren());

describe('learner free text', () => {
  it('is shown as text, never as markup, in the evidence record and the results review', async () => {
    const state = stateWithHostileAnswer();
    const evidence = document.createElement('ccl-evidence');
    Object.assign(evidence, { course, state, learnerName: '<b>Jo</b>' });
    const results = document.createElement('ccl-results');
    Object.assign(results, { outcome: course.outcomes[0], progress: state.outcomes[0], passMark: 80, criterionLabel: 'Assessment criterion' });
    document.body.append(evidence, results);
    await evidence.updateComplete;
    await results.updateComplete;
    for (const el of [evidence, results]) {
      expect(el.shadowRoot!.querySelector('img, b')).toBeNull();
      expect(el.shadowRoot!.textContent).toContain(hostile);
    }
    expect(evidence.shadowRoot!.textContent).toContain('<b>Jo</b>');
  });
});

describe('ccl-evidence', () => {
  it('writes out each question under its criterion with the response, the correct answer, the result and the date', async () => {
    const state = stateWithHostileAnswer();
    const el = document.createElement('ccl-evidence');
    Object.assign(el, { course, state, learnerName: 'Jo Bloggs' });
    document.body.append(el);
    await el.updateComplete;
    const textContent = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const o = course.outcomes[0]!;
    const q = o.questions.find((x) => x.type === 'short-text')!;
    expect(textContent).toContain('Jo Bloggs');
    expect(textContent).toContain(`${q.criteria[0]} ${o.criteria.find((c) => c.code === q.criteria[0])!.text}`);
    expect(textContent).toContain(q.stemText);
    expect(textContent).toContain(`Correct answer ${answerInFull(q.answers[0]!)}`);
    expect(textContent).toContain('Result Incorrect');
    expect(textContent).toContain('started 23 November 2025');
    expect(textContent).toContain('knowledge evidence for your assessor’s judgement');
    expect(textContent).toContain('No knowledge check finished yet for this outcome.');
  });
});
