import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAllCourses } from '../../../tests/support/units.js';
import { creditOf, displayOrder, isCorrect, pathScore, walk, type SimulationPath, type SimulationQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { plainText } from '../../../tracking/plain-text.js';
import { simulationContent } from './simulation.js';

/** A small valid simulation: the validator's rules are tried by breaking it one way at a time. */
const valid = () =>
  parse(`
id: q1-sim
type: simulation
channel: phone
customer: Sam
criteria: ["1.1", "1.2"]
stem: A caller.
desktop:
  knowledge:
    - { id: kb-a, title: Article A, body: About A. }
    - { id: kb-b, title: Article B, body: About B. }
openings: [t1]
turns:
  - id: t1
    kind: say
    customer: Hello.
    task: Reply.
    criteria: ["1.1"]
    choices:
      - { text: "Greet and ask how you can help today", quality: best, feedback: Good., next: t2 }
      - { text: "Ask for the account number straight away", quality: poor, feedback: Abrupt., reply: Rude!, next: t2 }
  - id: t2
    kind: search
    task: Find the article.
    criteria: ["1.2"]
    choices:
      - { text: Use article A, article: kb-a, quality: best, feedback: Right one., next: end:ok }
      - { text: Use article B, article: kb-b, quality: poor, feedback: Wrong one., next: end:ok }
ends:
  - { id: ok, outcome: good, text: Done. }
`) as Record<string, unknown> & { turns: Record<string, unknown>[] };

function problems(q: Record<string, unknown>): string[] {
  const out: string[] = [];
  const parsed = simulationContent.schema.safeParse(q);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  simulationContent.check(parsed.data, (message) => out.push(message));
  return out;
}

describe('the simulation validator', () => {
  it('accepts a well-formed contact', () => {
    expect(problems(valid())).toEqual([]);
  });

  it.each([
    ['an unreachable turn', (q: ReturnType<typeof valid>) => q.turns.push({ id: 't9', kind: 'say', task: 'x', criteria: ['1.1'], choices: [{ text: 'a', quality: 'best', feedback: 'f', next: 'end:ok' }, { text: 'b', quality: 'poor', feedback: 'f', next: 'end:ok' }] }), /turn t9 cannot be reached/],
    ['a path that never ends', (q: ReturnType<typeof valid>) => ((q.turns[1]!.choices as { next: string }[])[1]!.next = 't1'), /goes round in a circle and might never end: t1 → t2 → t1/],
    ['a turn with no best choice', (q: ReturnType<typeof valid>) => ((q.turns[0]!.choices as { quality: string }[])[0]!.quality = 'acceptable'), /turn t1 has no best choice/],
    ['a criterion no turn evidences', (q: ReturnType<typeof valid>) => (q.criteria = ['1.1', '1.2', '1.3']), /criterion 1.3 is listed but no turn evidences it/],
    ['a turn evidencing a criterion the simulation does not list', (q: ReturnType<typeof valid>) => (q.turns[0]!.criteria = ['1.4']), /turn t1 evidences 1.4/],
    ['a next that names nothing', (q: ReturnType<typeof valid>) => ((q.turns[0]!.choices as { next: string }[])[0]!.next = 't7'), /"t7" names no turn/],
    ['a search choice with an article not in the knowledge base', (q: ReturnType<typeof valid>) => ((q.turns[1]!.choices as { article: string }[])[0]!.article = 'kb-z'), /article "kb-z" is not in the desktop's knowledge base/],
    ['a write turn without a model note', (q: ReturnType<typeof valid>) => (q.turns[1] = { id: 't2', kind: 'write', task: 'Note.', criteria: ['1.2'], checklist: ['a', 'b'], next: 'end:ok' }), /write turn t2 needs a model note/],
    [
      'choices that give the answer away by length',
      (q: ReturnType<typeof valid>) => {
        (q.turns[0]!.choices as { text: string }[])[0]!.text = 'Greet the caller warmly by name, and ask how you can help them today with their account';
        (q.turns[1]!.choices as { text: string }[])[0]!.text = 'Use article A, which covers exactly this situation in full detail';
      },
      /the best choice is the longest in 2 of 2 turns/,
    ],
  ])('rejects %s', (_, breakIt, expected) => {
    const q = valid();
    breakIt(q);
    expect(problems(q).join('\n')).toMatch(expected);
  });
});

const simulations = loadAllCourses().flatMap((c) =>
  c.outcomes.flatMap((o) => o.questions.filter((q): q is SimulationQuestion => q.type === 'simulation').map((q) => ({ unit: c.unit.id, passMark: c.settings.passMark, q }))),
);

/** Walks a contact choosing by a rule of thumb at every turn; returns the path. */
function play(q: SimulationQuestion, pick: (p: SimulationPath) => number, opening = 0): number[] {
  const path = [opening];
  for (let p = walk(q, path)!; p.current; p = walk(q, path)!) path.push(p.current.kind === 'write' ? 0 : pick(p));
  return path;
}

describe('no simulation of any unit can be passed by a rule of thumb', () => {
  it('there are simulations to try', () => {
    expect(simulations.length).toBeGreaterThan(0);
  });

  it.each(simulations.map((s) => [`${s.unit} ${s.q.id}`, s] as const))('%s: always the longest, second longest or shortest, always the first or last (as written or as shown) do not pass', (_, { q, passMark }) => {
    const byLength = (cs: { text: string; index: number }[]) => [...cs].sort((a, b) => b.text.length - a.text.length);
    const rules = {
      longest: (cs: { text: string; index: number }[]) => byLength(cs)[0]!.index,
      'second longest': (cs: { text: string; index: number }[]) => byLength(cs)[Math.min(1, cs.length - 1)]!.index,
      shortest: (cs: { text: string; index: number }[]) => byLength(cs).at(-1)!.index,
      'first as written': () => 0,
      'last as written': (cs: { text: string; index: number }[]) => cs.length - 1,
    };
    // As the player shows them, for the seeds of a learner's first ten attempts.
    const shownFirst = (seed: string) => (p: SimulationPath) => displayOrder(q, p.current!, p.steps.length, seed)[0]!;
    const tries: [string, (p: SimulationPath) => number][] = [
      ...Object.entries(rules).map(([name, rule]): [string, (p: SimulationPath) => number] => [name, (p) => rule(p.current!.choices.map((c, index) => ({ text: plainText(c.text), index })))]),
      ...Array.from({ length: 10 }, (_, a): [string, (p: SimulationPath) => number] => [`first as shown (attempt ${a})`, shownFirst(`${a}:0`)]),
    ];
    for (const [name, rule] of tries)
      for (let opening = 0; opening < q.openings.length; opening++) {
        const path = play(q, rule, opening);
        const p = walk(q, path)!;
        const passed = isCorrect(q, path) && Math.round(pathScore(p) * 100) >= passMark;
        expect(passed, `${name} from opening ${opening}: ${Math.round(pathScore(p) * 100)}%`).toBe(false);
      }
  });

  it('credits each criterion by the quality of the turns that evidence it on the path taken', () => {
    const { q } = simulations[0]!;
    const best = play(q, (p) => p.current!.choices.findIndex((c) => c.quality === 'best'));
    for (const c of creditOf(q, best)) expect(c.earned).toBe(c.possible);
  });
});
