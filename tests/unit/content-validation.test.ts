import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { ContentError, formatProblem } from '../../build-scripts/content/content-error.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import { fixtureFiles, writeFixture } from '../support/fixture-unit.js';

const load = (overrides: Record<string, string | null> = {}) => buildCourse(readUnitSources(writeFixture(overrides), 't-1'), DEFAULTS);

/** The problems a broken fixture produces, as "file:line: message" lines. */
function problems(overrides: Record<string, string | null>): string[] {
  try {
    load(overrides);
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

const edit = (path: string, from: string, to: string) => ({ [path]: fixtureFiles()[path]!.replace(from, to) });
const UNIT = 'modules/t-1/unit.yaml';
const LESSON = 'modules/t-1/lessons/1-01-tests.md';
const BANK = 'quizzes/t-1/outcome-1.yaml';

describe('content loader', () => {
  it('loads a valid unit and renders its lessons, glossary links and criterion headings', () => {
    const { data, coverage } = load();
    expect(data.outcomes[0]!.questions).toHaveLength(10);
    const html = data.outcomes[0]!.lessons[0]!.html;
    expect(html).toContain('<a class="glossary-term" href="#glossary-test">test</a>');
    expect(html).toContain('<h2 id="criterion-1-1"><span class="criterion-tag">AC 1.1</span> What tests are</h2>');
    expect(coverage).toEqual([
      { code: '1.1', lessonWords: 4, questions: 5 },
      { code: '1.2', lessonWords: 4, questions: 5 },
    ]);
  });

  it('gives each heading of a page its own id, also when a criterion has more than one part', () => {
    const lesson = edit(LESSON, '## Why tests matter {1.2}', '## Why tests matter {1.2}\nSome.\n\n## Why tests matter more {1.2}');
    const html = load(lesson).data.outcomes[0]!.lessons[0]!.html;
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['criterion-1-1', 'criterion-1-2', 'criterion-1-2-2']);
  });

  it.each([
    ['malformed YAML', { [UNIT]: 'id: t-1\n  title: [broken' }, /^modules\/t-1\/unit.yaml:\d+: this is not valid YAML/],
    ['an unknown field', edit(UNIT, 'credit: "4"', 'credit: "4"\ncolour: red'), /^modules\/t-1\/unit.yaml:1: unknown field "colour"/],
    ['a wrong type', edit(UNIT, 'guidedLearningHours: 20', 'guidedLearningHours: many'), /^modules\/t-1\/unit.yaml:7: guidedLearningHours: expected number, got string "many"/],
    ['a missing file', { 'modules/t-1/glossary.yaml': null }, /^modules\/t-1\/glossary.yaml: this file is missing/],
    ['an oversized file', { [LESSON]: fixtureFiles()[LESSON]! + 'x'.repeat(300 * 1024) }, /1-01-tests.md: this file is \d+ bytes; the limit is 262144/],
    ['missing front matter', { [LESSON]: '# Tests\n' }, /1-01-tests.md:1: front matter is missing/],
    ['a bad criterion code', edit(UNIT, 'code: "1.2"', 'code: "one"'), /unit.yaml:15: outcomes.0.criteria.1.code: a criterion code looks like/],
  ])('reports %s with the file and line', (_, overrides, expected) => {
    expect(problems(overrides).join('\n')).toMatch(expected);
  });

  it.each([
    ['a criterion that does not exist', edit(BANK, 'criteria: ["1.2"]', 'criteria: ["1.9"]'), /outcome-1.yaml:\d+: question q1-06: criterion 1.9 does not exist in unit.yaml/],
    ['a criterion with too few questions', edit(BANK, 'criteria: ["1.2"]', 'criteria: ["1.1"]'), /unit.yaml:15: criterion 1.2 has 4 questions; it needs at least 5/],
    ['a duplicate question id', edit(BANK, 'id: q1-02', 'id: q1-01'), /outcome-1.yaml:\d+: question q1-01: this id is used twice/],
    ['a duplicate stem', edit(BANK, 'Question 2 about describing', 'Question 1 about describing'), /question q1-02: its stem is the same as question q1-01's/],
    ['a question with no correct answer', edit(BANK, '        correct: true\n', ''), /outcome-1.yaml:\d+: question q1-01: a single-choice question needs exactly 1 correct option; it has 0/],
    ['a criterion no lesson teaches', edit(LESSON, '## Why tests matter {1.2}', '## Why tests matter'), /1-01-tests.md:\d+: criterion 1.2 is listed but no "## … \{1.2\}" heading teaches it/],
    ['a heading for an unlisted criterion', edit(LESSON, 'criteria: ["1.1", "1.2"]', 'criteria: ["1.1"]'), /1-01-tests.md:12: heading names criterion 1.2/],
    ['an undefined glossary term', edit(LESSON, '[[test]]', '[[probe]]'), /1-01-tests.md:7: "probe" is marked as a glossary term but the glossary does not define it/],
    ['"all of the above"', edit(BANK, 'Wrong answer one', 'All of the above'), /"all\/none of the above" is not allowed/],
  ])('rejects %s', (_, overrides, expected) => {
    expect(problems(overrides).join('\n')).toMatch(expected);
  });

  it('asks multiple-response stems to say how many to choose', () => {
    const bank = fixtureFiles()[BANK]!.replace('type: single', 'type: multiple').replace('        feedback: No, see the lesson.\n', '        correct: true\n        feedback: No, see the lesson.\n');
    expect(problems({ [BANK]: bank }).join('\n')).toMatch(/question q1-01: the stem must say how many to choose \("Choose 2\."\)/);
    expect(problems({ [BANK]: bank.replace('Question 1 about describing', 'Question 1 about describing. Choose 2.') })).toEqual([]);
  });

  it('sanitises hostile Markdown: no scripts, handlers, javascript: or data: URLs, iframes or forms', () => {
    const hostile = `---
id: o1-tests
outcome: 1
title: Tests
criteria: ["1.1", "1.2"]
---
A [[test]] <script>alert(1)</script> <img src=x onerror="alert(2)">
<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name=a></form>

[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [fine](https://www.ico.org.uk/)

## What tests are {1.1}
Words <a href="javascript:alert(4)" onclick="alert(5)">link</a>.

## Why tests matter {1.2}
More words.
`;
    const html = load({ [LESSON]: hostile }).data.outcomes[0]!.lessons[0]!.html;
    expect(html).not.toMatch(/<(script|iframe|form|input|img)\b/i);
    expect(html).not.toMatch(/\son[a-z]+=|href="(javascript|data):/i);
    expect(html).toContain('<a rel="noopener noreferrer" target="_blank">click</a>');
    expect(html).toContain('<a href="https://www.ico.org.uk/" rel="noopener noreferrer" target="_blank">fine</a>');
  });
});
