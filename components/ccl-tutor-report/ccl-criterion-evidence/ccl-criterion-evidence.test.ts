// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { criterionEvidence } from '../../../tracking/report/evidence-model.js';
import { formatDateTime } from '../report-strings.js';
import { detailsFrom, question, rightOption, sampleStatements, sampleStore, wrongOption } from '../report-test-fixtures.js';
import type { CclCriterionEvidence } from './ccl-criterion-evidence.js';
import './ccl-criterion-evidence.js';

const plain = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(code: string): Promise<CclCriterionEvidence> {
  const statements = sampleStatements();
  const store = sampleStore(statements);
  const ada = store.learners()[0]!;
  const el = document.createElement('ccl-criterion-evidence');
  el.learner = ada;
  el.evidence = criterionEvidence(store, ada.key, code, detailsFrom(statements));
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('ccl-criterion-evidence', () => {
  it('writes out every question asked for the criterion: options, response, correct response, right or wrong, when', async () => {
    const el = await mount('1.1');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).toBe('Ada Brown: 1.1');
    expect(text(root.querySelector('.summary'))).toContain('Knowledge check met · 2 attempts');
    expect([...root.querySelectorAll('ul.checks li')].map(text)).toEqual([
      `${formatDateTime(Date.parse('2026-03-01T09:05:00Z'))}: Not met (score 50%)`,
      `${formatDateTime(Date.parse('2026-03-08T10:05:00Z'))}: Met (score 100%)`,
    ]);
    const answers = [...root.querySelectorAll('li.answer')];
    expect(answers).toHaveLength(2);
    const [first, second] = answers.map((li) => Object.fromEntries([...li.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)])));
    expect(text(answers[0]!.querySelector('.question'))).toBe(`Question: ${question.stemText}`);
    expect([...answers[0]!.querySelectorAll('ul.options li')].map(text)).toEqual(question.options.map((o) => plain(o.text)));
    expect(first!['Learner’s response']).toBe(plain(question.options[wrongOption]!.text));
    expect(first!['Correct response']).toBe(plain(question.options[rightOption]!.text));
    expect(first!['Result']).toBe('✗ Wrong');
    expect(first!['Answered']).toBe(formatDateTime(Date.parse('2026-03-01T09:00:00Z')));
    expect(second!['Learner’s response']).toBe(plain(question.options[rightOption]!.text));
    expect(second!['Result']).toBe('✓ Right');
  });

  it('says so when nothing was asked, and offers the way back and the record', async () => {
    const el = await mount('1.3');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.summary'))).toBe('Not attempted · 0 attempts');
    expect(root.textContent).toContain('No questions answered for this criterion in this period.');
    const fired: string[] = [];
    el.addEventListener('back-to-grid', () => fired.push('back'));
    el.addEventListener('open-record', (e) => fired.push(`record ${e.learner}`));
    root.querySelector<HTMLButtonElement>('button.back')!.click();
    root.querySelector<HTMLButtonElement>('button.open-record')!.click();
    expect(fired).toEqual(['back', 'record account https://lms.example.org ada']);
  });
});
