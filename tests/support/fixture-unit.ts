import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A small valid unit: 1 outcome, 2 criteria, 5 questions each. Tests change one file to break it. */
export function fixtureFiles(): Record<string, string> {
  const q = (id: string, code: string, stem: string) => `  - id: ${id}
    type: single
    criteria: ["${code}"]
    stem: ${stem}
    options:
      - text: Right answer
        correct: true
        feedback: Yes, because the lesson says so.
      - text: Wrong answer one
        feedback: No, see the lesson.
      - text: Wrong answer two
        feedback: No, see the lesson again.
`;
  return {
    'modules/t-1/unit.yaml': `id: t-1
awardingBody: OCR
title: Test unit
reference: T/000/0001
level: "3"
credit: "4"
guidedLearningHours: 20
purpose: A unit for tests.
outcomes:
  - number: 1
    title: Understand testing
    criteria:
      - code: "1.1"
        text: Describe tests
      - code: "1.2"
        text: Explain tests
    teachingContent:
      - what tests are
`,
    'modules/t-1/glossary.yaml': `- term: Test
  definition: A check that can fail.
`,
    'modules/t-1/assessment.md': `---
title: How this unit is assessed
---
Your assessor decides.
`,
    'modules/t-1/lessons/1-01-tests.md': `---
id: o1-tests
outcome: 1
title: Tests
criteria: ["1.1", "1.2"]
---
Intro about a [[test]].

## What tests are {1.1}
Some words about tests.

## Why tests matter {1.2}
More words about why.
`,
    'quizzes/t-1/outcome-1.yaml':
      'outcome: 1\nquestions:\n' +
      [1, 2, 3, 4, 5].map((n) => q(`q1-0${n}`, '1.1', `Question ${n} about describing`)).join('') +
      [6, 7, 8, 9, 10].map((n) => q(`q1-${String(n).padStart(2, '0')}`, '1.2', `Question ${n} about explaining`)).join(''),
  };
}

/** Writes the fixture (with any files replaced) into a fresh temporary folder and returns it. */
export function writeFixture(overrides: Record<string, string | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'ccl-fixture-'));
  const files = { ...fixtureFiles(), ...overrides };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
