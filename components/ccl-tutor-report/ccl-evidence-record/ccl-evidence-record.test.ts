// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { learnerRecord } from '../../../tracking/report/evidence-model.js';
import { detailsFrom, sampleStatements, sampleStore, unit } from '../report-test-fixtures.js';
import type { CclEvidenceRecord } from './ccl-evidence-record.js';
import './ccl-evidence-record.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(period = { from: '', to: '' }): Promise<CclEvidenceRecord> {
  const statements = sampleStatements();
  const store = sampleStore(statements);
  const el = document.createElement('ccl-evidence-record');
  el.record = learnerRecord(store, store.learners()[0]!.key, detailsFrom(statements));
  el.unit = unit;
  el.period = period;
  el.producedAt = Date.parse('2026-04-01T12:00:00Z');
  el.source = 'https://lrs.example.org';
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('ccl-evidence-record', () => {
  it('heads the record with the learner, unit, period and the knowledge-evidence statement', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe('Knowledge evidence record');
    const facts = Object.fromEntries([...root.querySelectorAll('dl.facts dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(facts).toMatchObject({
      Learner: 'Ada Brown (ada)',
      Unit: 'Customer care in ICT',
      'Awarding body and unit reference': 'OCR A/500/7158',
      Period: 'All dates',
      'Knowledge checks met': '1 of 10',
    });
    expect(facts['Produced']).toContain('https://lrs.example.org');
    expect(text(root.querySelector('.evidence-note'))).toMatch(/^This record is knowledge evidence for the assessor’s judgement\./);
  });

  it('has a heading per outcome and criterion, each criterion’s status, and the questions written out', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('h2')].map(text)).toEqual(unit.outcomes.map((o) => `Learning outcome ${o.number}: ${o.title}`));
    expect([...root.querySelectorAll('h3')].map(text)).toEqual(unit.outcomes.flatMap((o) => o.criteria.map((c) => `${c.code} ${c.text}`)));
    const summary = (code: string) => text(root.querySelector(`section[data-code="${code}"] .summary`));
    expect(summary('1.1')).toMatch(/^Knowledge check met · 2 attempts · last activity /);
    expect(summary('1.2')).toMatch(/^Not yet met · 1 attempt · last activity /);
    expect(summary('2.1')).toBe('Not attempted · 0 attempts');
    expect(root.querySelectorAll('section[data-code="1.1"] li.answer')).toHaveLength(2);
    expect(root.textContent).not.toMatch(/criterion achieved/i);
  });

  it('names the period when the report was filtered by date', async () => {
    const el = await mount({ from: '2026-03-01', to: '2026-03-31' });
    expect(text(el.shadowRoot!.querySelector('dd.period'))).toBe('1 Mar 2026 to 31 Mar 2026');
  });
});
