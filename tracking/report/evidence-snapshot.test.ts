import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, type LearnerRecords } from './evidence-snapshot.js';
import type { LearnerIdentity } from './report-statements.js';

const learner = (n: number): LearnerIdentity => ({
  key: `account https://lms.example.org learner-${n}`,
  name: `Learner ${n}`,
  id: `learner-${n}`,
  agent: { account: { homePage: 'https://lms.example.org', name: `learner-${n}` } },
});

/** A college's worth of records: more rows than one slice, so the slices' seams are crossed. */
function records(learners: number, answersEach: number): LearnerRecords[] {
  return Array.from({ length: learners }, (_, n) => {
    const identity = learner(n);
    const criteria = [['1.1'], ['1.2', '1.3'], ['2.1']];
    return {
      learner: identity,
      namedAt: 1_700_000_000_000 + n,
      judgements: ['1.1', '1.2', '2.1'].map((criterion, k) => ({ kind: 'judgement' as const, statementId: crypto.randomUUID(), learner: identity, criterion, passed: k !== 1, scaled: k === 2 ? null : k / 2, time: 1_700_000_000_000 + n * 1000 + k })),
      answers: Array.from({ length: answersEach }, (_, k) => ({
        kind: 'answer' as const,
        statementId: crypto.randomUUID(),
        learner: identity,
        criteria: criteria[k % 3]!,
        questionId: `https://w3id.org/ccl/units/u/questions/q${k % 3}`,
        success: k % 5 === 0 ? null : k % 2 === 0,
        time: 1_700_000_000_000 + n * 1000 + k,
      })),
    };
  });
}

describe('evidence snapshot', () => {
  it('gives back every record as it was, across slices, with every statement id read', async () => {
    const entries = records(300, 80); // 24,900 rows
    const other = [crypto.randomUUID(), crypto.randomUUID()];
    const seen = new Set([...entries.flatMap((e) => [...e.judgements, ...e.answers].map((r) => r.statementId)), ...other]);
    const counts = { evidence: 24_900, ignored: 1, repeated: 0, voided: 1 };
    const snapshot = structuredClone(await encodeSnapshot(entries, seen, counts));
    expect(snapshot.names).toHaveLength(4 + 3); // four criterion codes and three questions, each once
    expect(snapshot.questions).toHaveLength(3);
    const back = await decodeSnapshot(snapshot);
    expect(back.entries).toEqual(entries);
    expect(back.seen).toEqual(seen);
    // Answers to one question share its criteria, and a learner's records their identity.
    expect(back.entries[7]!.answers[0]!.criteria).toBe(back.entries[9]!.answers[3]!.criteria);
    expect(back.entries[7]!.answers[1]!.learner).toBe(back.entries[7]!.learner);
    expect(snapshot).toMatchObject({ counts });
  });

  it('refuses an id it could not give back whole', async () => {
    const [entry] = records(1, 1);
    entry!.answers[0]!.statementId = 'two\nlines';
    await expect(encodeSnapshot([entry!], new Set(), { evidence: 1, ignored: 0, repeated: 0, voided: 0 })).rejects.toThrow(/line break/);
  });
});
