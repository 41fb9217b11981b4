import { describe, expect, it } from 'vitest';
import { AnswerRows, QuestionTable } from './answer-rows.js';
import { decodeSnapshot, encodeSnapshot, type LearnerRecords } from './evidence-snapshot.js';
import type { LearnerIdentity } from './report-statements.js';

const learner = (n: number): LearnerIdentity => ({
  key: `account https://lms.example.org learner-${n}`,
  name: `Learner ${n}`,
  id: `learner-${n}`,
  agent: { account: { homePage: 'https://lms.example.org', name: `learner-${n}` } },
});

/** A college's worth of records: more rows than one slice, so the slices' seams are crossed. */
function records(learners: number, answersEach: number): { entries: LearnerRecords[]; questions: QuestionTable } {
  const questions = new QuestionTable();
  const criteria = [['1.1'], ['1.2', '1.3'], ['2.1']];
  const entries = Array.from({ length: learners }, (_, n) => {
    const identity = learner(n);
    const answers = new AnswerRows();
    for (let k = 0; k < answersEach; k++)
      answers.push(crypto.randomUUID(), questions.of(`https://w3id.org/ccl/units/u/questions/q${k % 3}`, criteria[k % 3]!), k % 5 === 0 ? null : k % 2 === 0, 1_700_000_000_000 + n * 1000 + k);
    return {
      learner: identity,
      namedAt: 1_700_000_000_000 + n,
      judgements: ['1.1', '1.2', '2.1'].map((criterion, k) => ({ kind: 'judgement' as const, statementId: crypto.randomUUID(), learner: identity, criterion, passed: k !== 1, scaled: k === 2 ? null : k / 2, time: 1_700_000_000_000 + n * 1000 + k })),
      answers,
    };
  });
  return { entries, questions };
}

describe('evidence snapshot', () => {
  it('gives back every record as it was, across slices, with every statement id read', async () => {
    const { entries, questions } = records(300, 80); // 24,900 rows
    const other = [crypto.randomUUID(), crypto.randomUUID()];
    const seen = new Set([...entries.flatMap((e) => [...e.judgements.map((j) => j.statementId), ...e.answers.ids]), ...other]);
    const counts = { evidence: 24_900, ignored: 1, repeated: 0, voided: 1 };
    const snapshot = structuredClone(await encodeSnapshot(entries, questions, seen, counts));
    expect(snapshot.names).toHaveLength(4 + 3); // four criterion codes and three questions, each once
    expect(snapshot.questions).toHaveLength(3);
    const back = await decodeSnapshot(snapshot);
    expect(back.entries).toEqual(entries);
    expect(back.questions.list).toEqual(questions.list);
    expect(back.seen).toEqual(seen);
    // Answers to one question share its criteria, and a learner's records their identity.
    const marks = (n: number) => back.entries[n]!.answers.marks(back.entries[n]!.learner, back.questions);
    expect(marks(7)[0]!.criteria).toBe(marks(9)[3]!.criteria);
    expect(marks(7)[1]!.learner).toBe(back.entries[7]!.learner);
    expect(marks(7)[5]).toEqual({ kind: 'answer', statementId: entries[7]!.answers.ids[5], learner: entries[7]!.learner, criteria: ['2.1'], questionId: 'https://w3id.org/ccl/units/u/questions/q2', success: null, time: 1_700_000_007_005 });
    expect(snapshot).toMatchObject({ counts });
  });

  it('refuses an id it could not give back whole', async () => {
    const { entries, questions } = records(1, 1);
    entries[0]!.answers.ids[0] = 'two\nlines';
    await expect(encodeSnapshot(entries, questions, new Set(), { evidence: 1, ignored: 0, repeated: 0, voided: 0 })).rejects.toThrow(/line break/);
  });
});
