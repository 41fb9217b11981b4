// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from '../../../tests/support/scorm-again.js';
import { formatProblems } from '../../../tests/support/scorm-formats.js';
import { loadAllCourses } from '../../../tests/support/units.js';
import { xapiProblems } from '../../../tests/support/xapi-validate.js';
import type { CourseData } from '../../../tracking/learner-model/course-data.js';
import { initialState } from '../../../tracking/learner-model/learner-state.js';
import { answerInFull, KINDS,
  answerInWords,
  exampleResponse,
  isCorrect,
  isValidResponse,
  type QuestionData,
  type QuestionType,
  type QuestionTypes,
  type Response, } from '../../../tracking/learner-model/question-kinds/index.js';
import { decodeState, encodeState } from '../../../tracking/learner-model/state-codec.js';
import { NO_RESPONSE, responseInWords } from '../../../tracking/report/response-words.js';
import { readReportStatement } from '../../../tracking/report/report-statements.js';
import { catalogueFromCourses, unitIris } from '../../../tracking/report/unit-catalogue.js';
import { scorm12, scorm2004, type ScormDialect } from '../../../tracking/scorm/scorm-dialects.js';
import { objectiveId } from '../../../tracking/tracker.js';
import { StatementFactory } from '../../../tracking/xapi/statement-factory.js';
import type { AnswerEvent, CclQuestion } from '../ccl-question.js';
import '../ccl-question.js';

/**
 * The contract every question kind meets, run over every kind (like Shoelace's shared form-control
 * suite): answered through its UI, the response is valid and right or wrong as intended, survives
 * the state codec, gives interaction values a strict SCORM 1.2 and 2004 runtime accepts and a
 * valid xAPI statement, is written out in words for My evidence and the tutor report, and the
 * feedback shows once the answer is locked.
 */

/** Every unit, whichever TEST_UNITS names: the contract is the code's, and each kind needs a real sample. */
const courses = loadAllCourses(null);

/** A real question of each kind, with its course and outcome. */
function sampleOf(type: QuestionType): { course: CourseData; outcome: number; index: number; q: QuestionData } {
  for (const course of courses)
    for (const o of course.outcomes) {
      const index = o.questions.findIndex((q) => q.type === type);
      if (index >= 0) return { course, outcome: o.number, index, q: o.questions[index]! };
    }
  throw new Error(`no ${type} question in any unit`);
}

type Root = ShadowRoot;
const all = (root: Root | Element, selector: string) => [...(root as ParentNode).querySelectorAll<HTMLElement>(selector)];
const one = (root: Root | Element, selector: string) => all(root, selector)[0]!;
const change = (input: HTMLInputElement, checked = true) => {
  input.checked = checked;
  input.dispatchEvent(new Event('change'));
};
const clickButton = (root: Root | Element, label: string) => all(root, 'button').find((b) => b.textContent?.includes(label))!.click();

/** How a learner answers each kind through its UI, rightly or not (a table: a kind without a driver is a type error). */
const DRIVERS: { [T in QuestionType]: (el: CclQuestion, q: QuestionTypes[T], right: boolean) => Promise<void> } = {
  async single(el, q, right) {
    change(one(el.shadowRoot!, `input[data-index="${q.options.findIndex((o) => o.correct === right)}"]`) as HTMLInputElement);
    await el.updateComplete;
    clickButton(el.shadowRoot!, 'Check answer');
  },
  async multiple(el, q, right) {
    const picks = right ? q.options.flatMap((o, i) => (o.correct ? [i] : [])) : [q.options.findIndex((o) => !o.correct)];
    for (const i of picks) {
      change(one(el.shadowRoot!, `input[data-index="${i}"]`) as HTMLInputElement);
      await el.updateComplete;
    }
    clickButton(el.shadowRoot!, 'Check answer');
  },
  async 'true-false'(el, q, right) {
    change(one(el.shadowRoot!, `input[data-index="${String(right ? q.correct : !q.correct)}"]`) as HTMLInputElement);
    await el.updateComplete;
    clickButton(el.shadowRoot!, 'Check answer');
  },
  async matching(el, q, right) {
    for (let s = 0; s < q.pairs.length; s++) {
      const select = one(el.shadowRoot!, `select#q-${q.id}-${s}`) as HTMLSelectElement;
      select.value = String(right ? s : (s + 1) % q.pairs.length);
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    clickButton(el.shadowRoot!, 'Check answer');
  },
  async ordering(el, q, right) {
    if (right)
      for (let want = 0; want < q.steps.length; want++) {
        const order = all(el.shadowRoot!, 'ol.order li').map((li) => Number(li.dataset.step));
        for (let pos = order.indexOf(want); pos > want; pos--) {
          all(el.shadowRoot!, 'ol.order li')[pos]!.querySelector('button')!.click();
          await el.updateComplete;
        }
      }
    clickButton(el.shadowRoot!, 'Check answer');
  },
  async 'short-text'(el, q, right) {
    const input = one(el.shadowRoot!, 'input[type="text"]') as HTMLInputElement;
    input.value = right ? answerInFull(q.answers[0]!) : 'not the answer';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    clickButton(el.shadowRoot!, 'Check answer');
  },
  async simulation(el, q, right) {
    // The agent desktop loads when first shown: wait for it to be defined.
    await import('../../ccl-agent-desktop/ccl-agent-desktop.js');
    const desk = one(el.shadowRoot!, 'ccl-agent-desktop') as HTMLElement & { updateComplete: Promise<boolean> };
    // Wrongly: a poor choice at the first turn that has one, as exampleResponse(q, false) does.
    let poorTaken = right;
    for (let k = 0; k < 40; k++) {
      await desk.updateComplete;
      const root = desk.shadowRoot!;
      if (root.querySelector('.debrief')) return;
      if (root.querySelector('.turn-feedback')) {
        clickButton(root, 'Continue');
        continue;
      }
      const turn = q.turns.find((t) => t.id === one(root, '.your-turn').dataset.turn)!;
      if (turn.kind === 'write') {
        const area = one(root, 'textarea') as HTMLTextAreaElement;
        area.value = 'Checked identity; logged the complaint C-1; rebooked; credit applied; she hears by Thursday.';
        area.dispatchEvent(new Event('input'));
        await desk.updateComplete;
      } else {
        const poor = turn.choices.findIndex((c) => c.quality === 'poor');
        const takePoor = !poorTaken && poor >= 0;
        poorTaken ||= takePoor;
        const i = takePoor ? poor : turn.choices.findIndex((c) => c.quality === 'best');
        change(one(root, `.your-turn input[data-index="${i}"]`) as HTMLInputElement);
        await desk.updateComplete;
      }
      (one(root, '.your-turn button.primary') as HTMLButtonElement).click();
    }
  },
};

async function answerThroughUi(q: QuestionData, right: boolean): Promise<{ el: CclQuestion; response: Response }> {
  const el = document.createElement('ccl-question');
  el.question = q;
  el.seed = 'contract';
  let response: Response | undefined;
  el.addEventListener('answer', (e) => (response = (e as AnswerEvent).response));
  document.body.append(el);
  await el.updateComplete;
  await (DRIVERS[q.type] as (el: CclQuestion, q: QuestionData, right: boolean) => Promise<void>)(el, q, right);
  await el.updateComplete;
  if (response === undefined) throw new Error(`answering ${q.id} through the UI fired no answer`);
  return { el, response };
}

function strictRuntime(dialect: ScormDialect) {
  const lms = (dialect.version === '1.2' ? new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 })) as unknown as Record<string, (...a: string[]) => unknown>;
  const is12 = dialect.version === '1.2';
  lms[is12 ? 'LMSInitialize' : 'Initialize']!.call(lms, '');
  return {
    set: (k: string, v: string) => String(lms[is12 ? 'LMSSetValue' : 'SetValue']!.call(lms, k, v)) === 'true',
    error: () => String(lms[is12 ? 'LMSGetLastError' : 'GetLastError']!.call(lms)),
  };
}

afterEach(() => document.body.replaceChildren());

describe.each(Object.keys(KINDS) as QuestionType[])('the %s kind', (type) => {
  const { course, outcome, index, q } = sampleOf(type);

  it.each([true, false])('answered through the UI (right: %s) meets the contract', async (right) => {
    const { el, response } = await answerThroughUi(q, right);

    // A valid response, right or wrong as answered.
    expect(isValidResponse(q, response)).toBe(true);
    expect(isCorrect(q, response)).toBe(right);
    expect(isCorrect(q, exampleResponse(q, right))).toBe(right);

    // It survives the state codec exactly.
    const oi = course.outcomes.findIndex((o) => o.number === outcome);
    const state = initialState(course);
    state.outcomes[oi] = { ...state.outcomes[oi]!, attempt: { questions: [index], answers: [response], day: 20000, criteria: [0] } };
    expect(decodeState(course, encodeState(course, state))!.outcomes[oi]!.attempt!.answers).toEqual([response]);

    // Interaction values a strict runtime takes, in both SCORM versions.
    for (const dialect of [scorm12, scorm2004]) {
      const lms = strictRuntime(dialect);
      const values = dialect.interactionValues(0, { question: q, outcome, response, correct: right, latencyMs: 4200, timestamp: new Date(2026, 11, 2, 9, 0, 0), objectiveIds: q.criteria.map(objectiveId) });
      const interactionType = values.find(([k]) => k.endsWith('.type'))![1];
      for (const [k, v] of values) {
        expect(lms.set(k, v), `${dialect.version} ${k}=${v} (error ${lms.error()})`).toBe(true);
        expect(formatProblems(dialect.version, k, v, interactionType)).toEqual([]);
      }
    }

    // A valid xAPI statement, read back by the tutor report and written out in words there.
    const statement = new StatementFactory(course, { actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'l1' } }, registration: '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d' }).answered(
      { question: q, outcome, response, correct: right, latencyMs: 4200, timestamp: new Date(), objectiveIds: [] },
      outcome,
    );
    expect(xapiProblems(statement)).toEqual([]);
    const unit = catalogueFromCourses([course]).units[0]!;
    const record = readReportStatement(statement, unitIris(course.settings.baseIri, unit));
    expect(record?.kind).toBe('answer');
    if (record?.kind === 'answer') {
      expect(record.success).toBe(right);
      if (!('question' in record)) throw new Error('the statement was read without its question');
      // The tutor report writes it out as the player does for the learner.
      expect(responseInWords(record.question, record.response)).not.toBe(NO_RESPONSE);
      expect(responseInWords(record.question, record.response)).toBe(answerInWords(q, response));
    }

    // Words for My evidence.
    expect(answerInWords(q, response).trim()).not.toBe('');

    // Once locked, the feedback shows, saying right or wrong.
    el.answered = response;
    await el.updateComplete;
    const fb = el.shadowRoot!.querySelector('.feedback');
    expect(fb).not.toBeNull();
    expect(fb!.querySelector('h2')!.textContent).toBe(right ? 'Correct' : 'Incorrect');
    // … and why: more than the heading.
    expect(fb!.textContent!.replace(/\s+/g, ' ').trim().length).toBeGreaterThan((right ? 'Correct' : 'Incorrect').length + 10);
  });
});
