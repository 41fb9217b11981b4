// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import type { SingleQuestion, QuestionData } from '../learner-model/course-data.js';
import { answerInWords, exampleResponse, type Response } from '../learner-model/question-kinds/index.js';
import { StatementFactory } from '../xapi/statement-factory.js';
import { readReportStatement, type AskedQuestion } from './report-statements.js';
import { correctResponsesInWords, questionOptions, responseInWords } from './response-words.js';
import { catalogueFromCourses, unitIris } from './unit-catalogue.js';

const course = buildCourse(readUnitSources(process.cwd(), 'f-503-0389'), DEFAULTS).data;
const iris = unitIris(course.settings.baseIri, catalogueFromCourses([course]).units[0]!);
const factory = new StatementFactory(course, {
  actor: { objectType: 'Agent', name: 'Ada Brown', account: { homePage: 'https://lms.example.org', name: 'ada' } },
  registration: '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d',
});

/** A wrong-ish response of each type, so the words cannot come out right by accident. */
function responseFor(q: QuestionData): Response {
  switch (q.type) {
    case 'single':
      return q.options.length - 1;
    case 'multiple':
      return [0, q.options.length - 1];
    case 'true-false':
      return !q.correct;
    case 'matching':
      return q.pairs.map((_, i) => (i + 1) % q.pairs.length);
    case 'ordering':
      return q.steps.map((_, i) => q.steps.length - 1 - i);
    case 'short-text':
      return 'a typed answer';
    case 'simulation':
      return exampleResponse(q, false);
  }
}

function asked(q: QuestionData, response: Response) {
  const outcome = course.outcomes.find((o) => o.questions.includes(q))!.number;
  const record = readReportStatement(factory.answered({ question: q, outcome, response, correct: false, latencyMs: 1, timestamp: new Date(), objectiveIds: [] }, outcome), iris);
  if (record?.kind !== 'answer' || !('question' in record)) throw new Error('not read as an answer in full');
  return record;
}

const all = course.outcomes.flatMap((o) => o.questions);

describe('responses in words', () => {
  it.each(['single', 'multiple', 'true-false', 'matching', 'ordering', 'short-text'] as const)(
    'a %s response reads as the player writes it out for the learner',
    (type) => {
      for (const q of all.filter((x) => x.type === type)) {
        const r = responseFor(q);
        const record = asked(q, r);
        expect(responseInWords(record.question, record.response)).toBe(answerInWords(q, r));
      }
    },
  );

  it('writes out the correct response from the pattern', () => {
    const single = all.find((q) => q.type === 'single')! as SingleQuestion;
    const right = single.options.findIndex((o) => o.correct);
    expect(correctResponsesInWords(asked(single, 0).question)).toEqual([answerInWords(single, right)]);
    const short = all.find((q) => q.type === 'short-text')! as Extract<QuestionData, { type: 'short-text' }>;
    expect(correctResponsesInWords(asked(short, 'x').question)).toEqual(short.answers); // {case_matters=false} taken off
    const ordering = all.find((q) => q.type === 'ordering')! as Extract<QuestionData, { type: 'ordering' }>;
    expect(correctResponsesInWords(asked(ordering, [0]).question)).toEqual([answerInWords(ordering, ordering.steps.map((_, i) => i))]);
  });

  it('lists the options the learner had', () => {
    const matching = all.find((q) => q.type === 'matching')! as Extract<QuestionData, { type: 'matching' }>;
    const options = questionOptions(asked(matching, [0]).question);
    expect(options.kind).toBe('matching');
    if (options.kind === 'matching') expect(options.sources).toHaveLength(matching.pairs.length);
    expect(questionOptions(asked(all.find((q) => q.type === 'true-false')!, true).question)).toEqual({ kind: 'true-false' });
  });

  it('writes a call simulation out step by step, with the conversation as its options', () => {
    const sim: AskedQuestion = {
      activityId: 'x',
      text: 'Phone, bank.',
      interactionType: 'performance',
      choices: [],
      source: [],
      target: [],
      steps: [
        { id: '1', text: 'Caller: I need to change my address.' },
        { id: '2', text: 'Caller: It is Sara Khan.' },
      ],
      correctResponsesPattern: ['1[.]Check who she is first[,]2[.]Ask the security questions'],
    };
    expect(responseInWords(sim, '1[.]Change it now[,]2[.]Ask the security questions')).toBe(
      'Caller: I need to change my address. → Change it now | Caller: It is Sara Khan. → Ask the security questions',
    );
    expect(correctResponsesInWords(sim)).toEqual(['Caller: I need to change my address. → Check who she is first | Caller: It is Sara Khan. → Ask the security questions']);
    expect(questionOptions(sim)).toEqual({ kind: 'conversation', items: ['Caller: I need to change my address.', 'Caller: It is Sara Khan.'] });
  });

  it('keeps unknown identifiers and empty responses visible rather than guessing', () => {
    const q: AskedQuestion = { activityId: 'x', text: 'Q', interactionType: 'choice', choices: [{ id: 'a', text: 'Alpha' }], source: [], target: [], steps: [], correctResponsesPattern: ['a'] };
    expect(responseInWords(q, 'a[,]z')).toBe('Alpha; z');
    expect(responseInWords(q, '')).toBe('(no response)');
    expect(responseInWords({ ...q, interactionType: 'numeric' }, '4[:]6')).toBe('4[:]6');
  });
});
