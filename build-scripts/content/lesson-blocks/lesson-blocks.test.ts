// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, writeFixture } from '../../../tests/support/fixture-unit.js';
import { DEFAULTS } from '../../options.js';
import { buildCourse } from '../build-course.js';
import { ContentError, formatProblem } from '../content-error.js';
import { readUnitSources } from '../load-unit.js';
import { DIAGRAMS } from './diagram.js';
import { WIDTH } from './diagrams/svg.js';

const LESSON = 'modules/t-1/lessons/1-01-tests.md';
/** Line of the fixture lesson's "Some words about tests." (blocks are put after it). */
const AFTER_LINE = 10;

/** The fixture lesson with `blocks` inserted in the part that teaches 1.1. */
const withBlocks = (blocks: string, atEnd = '') => ({ [LESSON]: fixtureFiles()[LESSON]!.replace('Some words about tests.\n', `Some words about tests.\n${blocks}\n`) + atEnd });

function build(blocks: string, atEnd = '') {
  return buildCourse(readUnitSources(writeFixture(withBlocks(blocks, atEnd)), 't-1'), DEFAULTS);
}

function problems(blocks: string): string[] {
  try {
    build(blocks);
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

/** The lesson's HTML as a document, to ask what a browser would make of it. */
function lessonDom(blocks: string, atEnd = ''): Document {
  const html = build(blocks, atEnd).data.outcomes[0]!.lessons[0]!.html;
  const doc = document.implementation.createHTMLDocument('lesson');
  doc.body.innerHTML = html;
  return doc;
}

const EVERY_BLOCK = `
:::dialogue phone Checking who is calling
Customer (Mrs Patel): Why has my bill gone up?
Adviser (Sam): I can look into that. First I need to check a few details.
Note (went well): Sam says what he will do before asking for anything.
:::

:::steps Changing an address
1. Check the caller's identity.
2. Do the details match?
   - Yes: go on to step 3.
   - No: change nothing, and say what they can do instead.
3. Update the record and confirm it.
:::

:::diagram flow
title: The complaint route
description: A complaint goes from the adviser to a team leader, then to the complaints team.
nodes:
  - label: Adviser
    arrow: if not resolved
  - label: Team leader
  - label: Complaints team
:::

:::try-it
question: What comes first on a call about an account?
options:
  - text: Checking the caller's identity
    correct: true
    feedback: Yes, before anything about the account.
  - text: Reading out the latest bill
    feedback: Not before you know who is calling.
:::

:::reveal What would you say to a caller who will not give a date of birth?
Explain why you ask, and offer another way to check.
:::

:::more The regulations in detail
Detail for those who want it.
:::

:::compare Apologising
Do:
- Say sorry for what happened.
Don't:
- Say "I'm sorry you feel that way".
:::

:::law Consumer Rights Act 2015
Services must be carried out with reasonable care and skill.
:::

:::at-work 1.1
- Collect a note of a call you handled.
:::
`;

describe('lesson blocks', () => {
  it('a lesson using every block builds, and each renders what a learner and a screen reader need', () => {
    const doc = lessonDom(EVERY_BLOCK, '\n:::key-points\n- One thing.\n- Another thing.\n:::\n');
    // Dialogue: a captioned list of turns, each saying who speaks first.
    const dialogue = doc.querySelector('figure.dialogue')!;
    expect(dialogue.querySelector('figcaption')!.textContent).toBe('Phone call Checking who is calling');
    expect([...dialogue.querySelectorAll('ol.turns > li .speaker')].map((s) => s.textContent)).toEqual(['Mrs Patel (customer)', 'Sam (adviser)']);
    expect(dialogue.querySelector('.turn.adviser .turn-note.went-well')!.textContent).toBe('What went well: Sam says what he will do before asking for anything.');
    // Steps: numbered, the decision marked in words with its answers.
    const steps = [...doc.querySelectorAll('.step-list > li')];
    expect(steps.map((s) => s.querySelector('.step-n')!.textContent)).toEqual(['1', '2', '3']);
    expect(steps[1]!.classList.contains('decision')).toBe(true);
    expect(steps[1]!.querySelector('p')!.textContent).toBe('Decision: Do the details match?');
    expect([...steps[1]!.querySelectorAll('.branches li')].map((b) => b.textContent)).toEqual(['Yes: go on to step 3.', 'No: change nothing, and say what they can do instead.']);
    // Diagram: an SVG image named by its title and description, and the diagram in words.
    const svg = doc.querySelector('figure.diagram svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(svg.querySelector(`title[id="${titleId}"]`)!.textContent).toBe('The complaint route');
    expect(svg.querySelector(`desc[id="${descId}"]`)!.textContent).toMatch(/^A complaint goes from the adviser/);
    expect([...doc.querySelectorAll('figure.diagram details.in-words ol li')].map((l) => l.textContent)).toEqual(['Adviser (if not resolved)', 'Team leader', 'Complaints team']);
    // Try it: a group of radios, a check button, and feedback in a live region, all hidden at first.
    const tryIt = doc.querySelector('.try-it')!;
    expect(tryIt.querySelectorAll('input[type="radio"]')).toHaveLength(2);
    expect(tryIt.querySelector('legend')!.textContent).toContain('What comes first on a call about an account?');
    expect(tryIt.querySelector('.try-feedback')!.getAttribute('aria-live')).toBe('polite');
    expect([...tryIt.querySelectorAll('.try-why')].every((w) => w.hasAttribute('hidden'))).toBe(true);
    // Reveal and more: closed details.
    expect(doc.querySelector('.reveal details summary')!.textContent).toBe('Show an answer');
    expect(doc.querySelector('details.more summary')!.textContent).toBe('Going further The regulations in detail');
    // Compare: two labelled columns, do and don't marked by shape as well as colour.
    expect([...doc.querySelectorAll('.compare .column-label')].map((l) => l.textContent)).toEqual(['✓ Do', "✗ Don't"]);
    // Law and at-work: notes named by their labels.
    const law = doc.querySelector('.law')!;
    expect(law.getAttribute('role')).toBe('note');
    expect(doc.getElementById(law.getAttribute('aria-labelledby')!)!.textContent).toBe('The law: Consumer Rights Act 2015');
    const atWork = doc.querySelector('.at-work')!;
    expect(doc.getElementById(atWork.getAttribute('aria-labelledby')!)!.textContent).toBe('At work: AC 1.1');
    expect(atWork.textContent).toContain('Your assessor decides what counts as evidence');
    // Key points: a headed section at the end.
    expect(doc.querySelector('section.key-points h2')!.textContent).toBe('Key points');
    // Every id on the page is unique.
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('records which blocks each lesson uses and in which criterion part, and a reading time that counts them', () => {
    const plain = build('').data.outcomes[0]!.lessons[0]!;
    const built = build(EVERY_BLOCK);
    expect(built.lessons[0]!.blocks.map((b) => `${b.kind}@${b.part?.criterion}`)).toEqual(
      ['dialogue', 'steps', 'diagram', 'try-it', 'reveal', 'more', 'compare', 'law', 'at-work'].map((k) => `${k}@1.1`),
    );
    expect(plain.minutes).toBe(1);
    expect(built.data.outcomes[0]!.lessons[0]!.minutes).toBeGreaterThan(plain.minutes);
  });

  it('carries no author markup: HTML in a block is text, and a link must be https', () => {
    const doc = lessonDom(':::law Act <script>alert(1)</script>\nSee <img src=x onerror=alert(1)> [this](javascript:alert(1)).\n:::');
    expect(doc.querySelector('script, img, [onerror]')).toBeNull();
    expect(doc.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it.each([
    ['an unknown block', ':::quiz\nx\n:::', 1, /there is no ":::quiz" block; the blocks are :::dialogue, :::steps/],
    ['a block never closed', ':::reveal Why?\nBecause.', 1, /the ":::reveal" block opened here is never closed/],
    ['a block inside a block', ':::more Detail\n:::law Act\nx\n:::\n:::', 2, /a ":::law" block starts inside the ":::more" block opened at line \d+/],
    ['a stray closer', 'Text.\n:::', 2, /this ":::" closes no block/],
    ['a heading inside a block', ':::more Detail\n## A heading\n:::', 2, /:::more: a heading cannot go inside a more block/],
    ['a dialogue without its channel', ':::dialogue\nCustomer: Hi.\nAdviser: Hello.\n:::', 1, /:::dialogue: start with the channel/],
    ['a dialogue line without a speaker', ':::dialogue chat\nhello there\nAdviser: Hello.\n:::', 2, /each turn starts with who speaks/],
    ['a dialogue note before any turn', ':::dialogue chat\nNote (went well): Good.\nCustomer: Hi.\nAdviser: Hello.\n:::', 2, /a note comes after the turn it is about/],
    ['a dialogue of one turn', ':::dialogue chat\nCustomer: Hi.\n:::', 1, /a dialogue needs at least two turns; this one has 1/],
    ['steps out of order', ':::steps\n1. One.\n3. Three.\n:::', 3, /this step is numbered 3; number the steps 1, 2, 3 … in order \(this is step 2\)/],
    ['a decision that is not a question', ':::steps\n1. Check.\n   - Yes: go on.\n   - No: stop.\n2. End.\n:::', 1, /step 1 has answers under it, so it is a decision: write it as a question ending "\?"/],
    ['a decision with one answer', ':::steps\n1. Match?\n   - Yes: go on.\n2. End.\n:::', 1, /step 1 has one answer/],
    ['a diagram of no known kind', ':::diagram venn\ntitle: x\n:::', 1, /name the kind of diagram after ":::diagram": flow, timeline, band, cycle, tree/],
    ['a diagram without a description', ':::diagram flow\ntitle: Route\nnodes:\n  - label: A\n  - label: B\n:::', 2, /:::diagram: description: expected string, got nothing/],
    ['a diagram field of the wrong kind', ':::diagram flow\ntitle: Route\ndescription: A to B.\nnodes:\n  - label: A\n  - label: B\n    colour: red\n:::', 6, /:::diagram: nodes.1: unknown field "colour"/],
    ['a band whose zones run backwards', ':::diagram band\ntitle: T\ndescription: D.\nscale: { from: 0, to: 10 }\nzones:\n  - { to: 8, rating: green, label: Fine }\n  - { to: 5, rating: red, label: Bad }\n:::', 1, /zone 2 ends at 5, not after where it starts \(8\)/],
    ['a try-it with two right options', ':::try-it\nquestion: Q?\noptions:\n  - { text: A, correct: true, feedback: F. }\n  - { text: B, correct: true, feedback: F. }\n:::', 1, /mark exactly one option "correct: true"; this try-it has 2/],
    ['a try-it that gives its answer away', ':::try-it\nquestion: Q?\noptions:\n  - { text: "Check the identity of the caller against the record, every time", correct: true, feedback: F. }\n  - { text: Guess, feedback: F. }\n:::', 1, /the right option is much the longest, which gives it away/],
    ['try-it feedback that repeats the verdict', ':::try-it\nquestion: Q?\noptions:\n  - { text: Ask, correct: true, feedback: "Right. It checks." }\n  - { text: Tell, feedback: F. }\n:::', 1, /option 1's feedback begins "Right": the player already says "Right\." before it, so begin with the reason/],
    ['malformed YAML in a try-it', ':::try-it\nquestion: [Q\n:::', 2, /:::try-it: this is not valid YAML/],
    ['a compare of one column', ':::compare\nDo:\n- Listen.\n:::', 1, /a compare block has two columns, each starting with a line "Label:"; this one has 1: "Do" \(line 12\)/],
    ['a compare with a stray label line', ':::compare\nDo:\n- Listen.\nFor example:\n- Nod.\nDon\'t:\n- Interrupt.\n:::', 1, /this one has 3: "Do" \(line 12\), "For example" \(line 14\), "Don't" \(line 16\)/],
    ['a law block without its law', ':::law\nSomething.\n:::', 1, /name the law after ":::law"/],
    ['an at-work box for a criterion the lesson does not teach', ':::at-work 2.1\n- x\n:::', 1, /criterion 2.1 is not one this lesson teaches \(its front matter lists 1.1, 1.2\)/],
    ['key points of one point', ':::key-points\n- One.\n:::', 1, /list at least two key points/],
    ['key points before the end', ':::key-points\n- One.\n- Two.\n:::\nMore text.', 1, /key points end the lesson: move this block to the end/],
  ])('reports %s at its line', (_, blocks, line, expected) => {
    const found = problems(blocks);
    expect(found.join('\n')).toMatch(expected);
    expect(found.find((p) => expected.test(p))).toMatch(new RegExp(`^${LESSON}:${AFTER_LINE + line}: `));
  });
});

describe('the examples in modules/README.md', () => {
  it('build as written', () => {
    const readme = readFileSync(join(process.cwd(), 'modules/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Lesson blocks'), readme.indexOf('## Question banks'));
    const examples = [...section.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples).toHaveLength(2);
    const [blocks, diagram] = examples;
    const keyPoints = blocks!.slice(blocks!.indexOf(':::key-points'));
    const built = build(blocks!.slice(0, blocks!.indexOf(':::key-points')) + diagram, `\n${keyPoints}`);
    expect(built.lessons[0]!.blocks.map((b) => b.kind)).toEqual(['dialogue', 'steps', 'try-it', 'compare', 'law', 'at-work', 'diagram', 'key-points']);
  });
});

describe('diagrams', () => {
  const samples: Record<keyof typeof DIAGRAMS, string> = {
    flow: 'nodes:\n  - { label: Adviser, detail: Resolves what they can on the first contact, arrow: if not resolved }\n  - { label: Team leader }\n  - { label: Complaints team, detail: Investigates and sends the final response }',
    timeline: 'points:\n  - { at: Day 1, label: Complaint received and acknowledged }\n  - { at: 6 weeks, label: The customer can take it to the ADR scheme }',
    band: 'scale: { from: 60, to: 100, unit: "%" }\nzones:\n  - { to: 75, rating: red, label: Over-staffed }\n  - { to: 80, rating: amber, label: Watch }\n  - { to: 88, rating: green, label: In tolerance }\n  - { to: 92, rating: amber, label: Watch }\n  - { to: 100, rating: red, label: Burn-out risk }\nmarkers:\n  - { at: 91, label: "This week: 91%" }',
    cycle: 'steps: [Plan, Do, Check, Act]\ncentre: Continuous improvement',
    tree: 'root: A contact centre\nchildren:\n  - { label: Advisers, detail: "Answer calls, chats and emails" }\n  - { label: Team leaders }\n  - { label: Workforce planning }',
  };

  it.each(Object.entries(samples))('%s: drawn within its width, coloured only by the theme, every text inside the picture', (kind, fields) => {
    const doc = lessonDom(`:::diagram ${kind}\ntitle: A ${kind}\ndescription: What the ${kind} shows.\n${fields}\n:::`);
    const svg = doc.querySelector('svg')!;
    const [, , width, height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect(width).toBe(WIDTH);
    expect(height).toBeGreaterThan(40);
    // No colour is written into the picture: classes take it from the theme (and a centre's colour).
    expect(svg.outerHTML).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(|\b(fill|stroke)="(?!none)/i);
    for (const t of svg.querySelectorAll('text')) {
      const y = Number(t.getAttribute('y'));
      expect(y, t.textContent!).toBeGreaterThan(0);
      expect(y, t.textContent!).toBeLessThanOrEqual(height!);
      const x = Number(t.getAttribute('x'));
      expect(x, t.textContent!).toBeGreaterThanOrEqual(0);
      expect(x, t.textContent!).toBeLessThanOrEqual(width!);
    }
    expect(doc.querySelectorAll('details.in-words li').length).toBeGreaterThan(1);
  });

  it('a band names each zone in words, not by colour alone', () => {
    const doc = lessonDom(`:::diagram band\ntitle: Occupancy\ndescription: Tolerance for occupancy.\n${samples.band}\n:::`);
    const words = [...doc.querySelectorAll('details.in-words li')].map((l) => l.textContent);
    expect(words[0]).toBe('Red, 60% to 75%: Over-staffed');
    expect(words.at(-1)).toBe('Marked at 91%: This week: 91%');
    expect([...doc.querySelectorAll('svg text.dg-on-zone')].map((t) => t.textContent)).toEqual(['Red', 'A', 'Green', 'A', 'Red']);
  });
});
