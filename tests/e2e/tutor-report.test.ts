import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SingleQuestion, CourseData, QuestionData } from '../../tracking/learner-model/course-data.js';
import { answerInFull, correctAnswerInWords } from '../../tracking/learner-model/question-kinds/index.js';
import { record } from '../support/fault-ledger.js';
import { creditGiven, Learner } from '../support/learner.js';
import { waitForVerb } from '../support/lrs-query.js';
import { usePreview } from '../support/preview-env.js';

/**
 * The tutor evidence report against the real LRS, filled by learners working through a-500-7158
 * in the harness: three learners (SCORM 2004, SCORM 1.2 and cmi5), some criteria met, some not.
 * The expected grid is worked out from what each learner answered, not from the statements.
 */

const env = usePreview({ lrs: true });
const UNIT = 'a-500-7158';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ARTIFACTS = join(process.cwd(), 'test-results', 'tutor-report');
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** One knowledge check a learner took: the outcome and each question with right or wrong. */
interface Take {
  outcome: number;
  answered: { id: string; right: boolean }[];
}
interface LearnerRun {
  name: string;
  id: string;
  takes: Take[];
}

let course: CourseData;
let days: Set<string>;
const runs: LearnerRun[] = [];

const questionById = (id: string): QuestionData => course.outcomes.flatMap((o) => o.questions).find((q) => q.id === id)!;
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');

/** A check's score on a criterion, as the player scores it: each question's credit on it (a practice contact's is partial). */
function takeScore(take: Take, code: string): number {
  let earned = 0;
  let possible = 0;
  for (const a of take.answered) {
    for (const k of creditGiven(questionById(a.id), a.right).filter((x) => x.code === code)) {
      earned += k.earned;
      possible += k.possible;
    }
  }
  return possible ? Math.round((100 * earned) / possible) : 0;
}

/** What each criterion should show for a learner: met on any check whose score on it reaches the pass mark. */
function expectedCells(run: LearnerRun): Record<string, { status: string; attempts: string; date: string }> {
  const cells: Record<string, { met: boolean; attempts: number }> = {};
  for (const take of run.takes) {
    const outcome = course.outcomes.find((o) => o.number === take.outcome)!;
    for (const c of outcome.criteria) {
      const score = takeScore(take, c.code);
      const cell = (cells[c.code] ??= { met: false, attempts: 0 });
      cell.attempts++;
      if (score >= course.settings.passMark) cell.met = true;
    }
  }
  return Object.fromEntries(
    course.outcomes.flatMap((o) =>
      o.criteria.map((c) => {
        const cell = cells[c.code];
        if (!cell) return [c.code, { status: '– Not attempted', attempts: '', date: '' }];
        return [c.code, { status: cell.met ? '✓ Met' : '✗ Not yet met', attempts: `${cell.attempts} attempt${cell.attempts === 1 ? '' : 's'}`, date: 'today' }];
      }),
    ),
  );
}

/** The words the report should use for a response the test learner gave (null where the helper leaves it to chance). */
function responseWords(q: QuestionData, right: boolean): string | null {
  switch (q.type) {
    case 'single':
      return plain(q.options[q.options.findIndex((o) => o.correct === right)]!.text);
    case 'multiple':
      return right ? correctWords(q) : plain(q.options.find((o) => !o.correct)!.text);
    case 'true-false':
      return String(right ? q.correct : !q.correct) === 'true' ? 'True' : 'False';
    case 'matching':
      return q.pairs.map((p, s) => `${plain(p.source)} → ${plain(q.pairs[right ? s : (s + 1) % q.pairs.length]!.target)}`).join('; ');
    case 'ordering':
      return right ? correctWords(q) : null; // a wrong order is whatever order the steps were shown in
    case 'short-text':
      return right ? answerInFull(q.answers[0]!) : 'not the answer';
    case 'simulation':
      return right ? correctWords(q) : null; // the wrong choices are the test learner's own
  }
}
function correctWords(q: QuestionData): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (q as SingleQuestion).options.filter((o) => o.correct).map((o) => plain(o.text)).join('; ');
    case 'true-false':
      return q.correct ? 'True' : 'False';
    case 'matching':
      return q.pairs.map((p) => `${plain(p.source)} → ${plain(p.target)}`).join('; ');
    case 'ordering':
      return q.steps.map((s, i) => `${i + 1}. ${plain(s)}`).join(' ');
    case 'short-text':
      return q.answers.join(' or ');
    case 'simulation':
      return correctAnswerInWords(q);
  }
}

async function runLearner(pkg: string, standard: string, who: { id: string; name: string } | null, checks: { outcome: number; wrong: number[]; wrongOn?: string }[]): Promise<LearnerRun> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const query = new URLSearchParams({ pkg, standard, ...(who ? { learner: who.id, name: who.name } : {}) });
  await page.goto(`${env.server.url}/launch.html?${query}`);
  const learner = new Learner(page);
  await learner.heading().waitFor();
  course = await learner.course();
  const takes: Take[] = [];
  for (const check of checks) {
    // `wrongOn`: every question on that criterion answered wrongly, so the criterion is not yet met.
    const wrong = (q: QuestionData, k: number) => check.wrong.includes(k) || (check.wrongOn !== undefined && q.criteria.includes(check.wrongOn));
    takes.push({ outcome: check.outcome, answered: await learner.takeCheck(course, check.outcome, wrong) });
  }
  if (standard === 'cmi5') {
    await learner.sco.locator('header button', { hasText: 'Exit' }).click();
    await page.frameLocator('#sco').locator('h1', { hasText: 'Back in the learning platform' }).waitFor();
    await waitForVerb(env.lrs, env.server.cmi5.learner, 'terminated');
  } else {
    await page.goto('about:blank'); // closing the package sends what is left, terminated last
    await waitForVerb(env.lrs, { account: { homePage: env.server.url, name: who!.id } }, 'terminated');
  }
  await context.close();
  const actor = who ?? { id: env.server.cmi5.learner.account.name, name: env.server.cmi5.learner.name };
  return { ...actor, takes };
}

/** Statements that are not this project's evidence on the unit: they must not show up. */
async function postForeignStatements(): Promise<void> {
  const unitIri = `${course.settings.baseIri}/units/${UNIT}`;
  const actor = { objectType: 'Agent', name: 'Zed Outsider', mbox: 'mailto:zed@example.org' };
  const grouping = [{ objectType: 'Activity', id: unitIri }];
  const statements = [
    { actor, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' }, object: { objectType: 'Activity', id: `${unitIri}/criteria/9.9` }, context: { contextActivities: { grouping } } },
    { actor, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { objectType: 'Activity', id: 'https://quiz.example.org/q/1' }, result: { response: 'x' }, context: { contextActivities: { grouping } } },
    { actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { objectType: 'Activity', id: `${unitIri}/criteria/1.1` }, context: { contextActivities: { grouping } } },
  ];
  const res = await fetch(`${env.lrs.endpoint}statements`, {
    method: 'POST',
    headers: { Authorization: env.lrs.auth, 'X-Experience-API-Version': '1.0.3', 'content-type': 'application/json' },
    body: JSON.stringify(statements),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  const before = day.format(new Date());
  runs.push(
    await runLearner(`${UNIT}-scorm2004.zip`, 'scorm2004', { id: 'ada', name: 'Ada Brown' }, [
      { outcome: 1, wrong: [], wrongOn: '1.2' },
      { outcome: 1, wrong: [] },
      { outcome: 2, wrong: [] },
    ]),
    await runLearner(`${UNIT}-scorm12.zip`, 'scorm12', { id: 'ben', name: 'Ben Carter' }, [{ outcome: 1, wrong: [0, 1], wrongOn: '1.1' }]),
    await runLearner(`${UNIT}-cmi5.zip`, 'cmi5', null, [{ outcome: 2, wrong: [2] }]),
  );
  await postForeignStatements();
  days = new Set([before, day.format(new Date())]);
  mkdirSync(ARTIFACTS, { recursive: true });
}, 240000);

// ---------- reading the page ----------

async function openReport(width = 1280, { withoutWorker = false } = {}): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  // A host that did not put the page reader worker beside the page.
  if (withoutWorker) await context.route('**/tutor/tutor-reader.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(e));
  // As the preview's index links to it: endpoint and key as launch parameters, then pick the unit.
  await page.goto(`${env.server.url}/tutor/?${new URLSearchParams({ endpoint: `${env.server.url}/lrs/`, auth: env.lrs.auth })}`);
  await page.locator('ccl-lrs-connection select[name="unit"]').selectOption(UNIT);
  await page.locator('ccl-lrs-connection button[type="submit"]').click();
  await page.locator('ccl-tutor-report[data-state="loaded"]').waitFor({ timeout: 20000 });
  return page;
}

/** Everything the grid shows, cell by cell. */
function readGrid(page: Page) {
  return page.evaluate(() => {
    const g = document.querySelector('ccl-tutor-report')!.shadowRoot!.querySelector('ccl-criteria-grid')!.shadowRoot!;
    const t = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const cellsOf = (tr: Element) =>
      Object.fromEntries(
        [...tr.querySelectorAll<HTMLElement>('td[data-code]')].map((td) => [
          td.dataset.code!,
          { status: t(td.querySelector('.status')), attempts: t(td.querySelector('.attempts')), date: t(td.querySelector('.date')) },
        ]),
      );
    return {
      rows: [...g.querySelectorAll('tbody tr')].map((tr) => ({
        name: t(tr.querySelector('th .name')),
        id: t(tr.querySelector('th .id')),
        cells: cellsOf(tr),
        outcomes: [...tr.querySelectorAll('td.outcome-total')].map(t),
        unit: t(tr.querySelector('td.unit-total')),
      })),
      totals: {
        criteria: Object.fromEntries([...g.querySelectorAll<HTMLElement>('tfoot td[data-code]')].map((td) => [td.dataset.code!, t(td)])),
        outcomes: [...g.querySelectorAll('tfoot td.outcome-total')].map(t),
        unit: t(g.querySelector('tfoot td.unit-total')),
      },
    };
  });
}

/** The focused element, through the shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent?.replace(/\s+/g, ' ').trim(), code: el?.closest('td')?.getAttribute('data-code') ?? null };
  });

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const expectedDate = (date: string) => (date === 'today' ? [...days].map((d) => `last activity ${d}`) : ['']);

// ---------- the report over real statements ----------

describe('tutor evidence report over a real LRS', () => {
  it('shows every learner × criterion cell, the totals, and nothing from other statements', async () => {
    const page = await openReport();
    expect(new URL(page.url()).searchParams.has('auth')).toBe(false); // the key is not left in the address bar
    // The pages of statements were got and parsed in the page reader worker, none on the page's own thread.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual(['/tutor/tutor-reader.js']);
    const onPage = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/statements')).length);
    expect(onPage).toBe(0);
    expect(await page.workers()[0]!.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/statements')).length)).toBeGreaterThan(0);
    const grid = await readGrid(page);
    const ordered = [...runs].sort((a, b) => a.name.localeCompare(b.name));
    expect(grid.rows.map((r) => [r.name, r.id])).toEqual(ordered.map((r) => [r.name, r.id])); // no Zed Outsider
    const codes = course.outcomes.flatMap((o) => o.criteria.map((c) => c.code));
    const metCount = (cells: Record<string, { status: string }>, list: string[]) => list.filter((c) => cells[c]!.status === '✓ Met').length;
    for (const [i, run] of ordered.entries()) {
      const expected = expectedCells(run);
      const row = grid.rows[i]!;
      for (const code of codes) {
        const cell = row.cells[code]!;
        expect({ learner: run.name, code, status: cell.status, attempts: cell.attempts }).toEqual({ learner: run.name, code, status: expected[code]!.status, attempts: expected[code]!.attempts });
        expect(expectedDate(expected[code]!.date)).toContain(cell.date);
      }
      expect(row.outcomes).toEqual(course.outcomes.map((o) => `${metCount(expected, o.criteria.map((c) => c.code))} of ${o.criteria.length}`));
      expect(row.unit).toBe(`${metCount(expected, codes)} of ${codes.length}`);
    }
    // The learners really differ: something met, something not yet, something not attempted.
    const statuses = new Set(grid.rows.flatMap((r) => Object.values(r.cells).map((c) => c.status)));
    expect(statuses).toEqual(new Set(['✓ Met', '✗ Not yet met', '– Not attempted']));
    const expectedAll = ordered.map(expectedCells);
    expect(grid.totals.criteria).toEqual(Object.fromEntries(codes.map((c) => [c, `${expectedAll.filter((e) => e[c]!.status === '✓ Met').length} of ${runs.length}`])));
    expect(grid.totals.outcomes).toEqual(
      course.outcomes.map((o) => `${expectedAll.reduce((n, e) => n + metCount(e, o.criteria.map((c) => c.code)), 0)} of ${runs.length * o.criteria.length}`),
    );
    expect(grid.totals.unit).toBe(`${expectedAll.reduce((n, e) => n + metCount(e, codes), 0)} of ${runs.length * codes.length}`);
    const status = await page.locator('ccl-load-status [role="status"]').textContent();
    expect(status).toMatch(/^Loaded: 3 learners, \d+ statements of evidence; \d+ other statements? ignored\.$/);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'grid.png'), fullPage: true });

    // Without its worker, the page reads on its own thread, and shows the same grid.
    const without = await openReport(1280, { withoutWorker: true });
    expect(await readGrid(without)).toEqual(grid);
    expect(await without.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/statements')).length)).toBeGreaterThan(0);
    await without.context().close();

    // The CSV says the same.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.csv').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${UNIT}-knowledge-checks-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync((await download.path())!, 'utf8');
    writeFileSync(join(ARTIFACTS, 'grid.csv'), csv);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]!.slice(0, 5)).toEqual(['Learner', 'Learner id', '1.1 status', '1.1 attempts', '1.1 last activity']);
    const words: Record<string, string> = { '✓ Met': 'Knowledge check met', '✗ Not yet met': 'Not yet met', '– Not attempted': 'Not attempted' };
    for (const [i, run] of ordered.entries()) {
      const line = lines[i + 1]!;
      const expected = expectedCells(run);
      expect(line.slice(0, 2)).toEqual([run.name, run.id]);
      codes.forEach((code, k) => expect([code, line[2 + 3 * k], line[3 + 3 * k]]).toEqual([code, words[expected[code]!.status], String(Number.parseInt(expected[code]!.attempts || '0', 10))]));
    }
    expect(lines.at(-1)![0]).toBe('Learners met');
    expect(lines).toHaveLength(runs.length + 2);
    await page.context().close();
  });

  it('writes out every question asked for a learner and criterion', async () => {
    const page = await openReport();
    const ada = runs.find((r) => r.id === 'ada')!;
    // The criterion Ada got wrong first time: its evidence spans both of her checks.
    const code = '1.2';
    const asked = ada.takes.flatMap((t) => t.answered).filter((a) => questionById(a.id).criteria.includes(code));
    expect(asked.length).toBeGreaterThanOrEqual(3);

    // Keyboard only: Tab into the grid lands on its one tab stop; arrows move; Enter opens the evidence.
    await page.locator('ccl-criteria-grid .scroller').focus();
    await page.keyboard.press('Tab');
    expect((await focused(page)).code).toBe('1.1');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).code).toBe('1.2');
    await page.keyboard.press('Home');
    for (const c of course.outcomes[0]!.criteria.map((x) => x.code)) {
      if (c === code) break;
      await page.keyboard.press('ArrowRight');
    }
    expect((await focused(page)).code).toBe(code);
    await page.keyboard.press('Enter');
    await page.locator('ccl-criterion-evidence h2').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: `Ada Brown: ${code}` });

    const items = await page.evaluate(() => {
      const root = document.querySelector('ccl-tutor-report')!.shadowRoot!.querySelector('ccl-criterion-evidence')!.shadowRoot!;
      const t = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return {
        summary: t(root.querySelector('.summary')),
        checks: [...root.querySelectorAll('ul.checks li')].map(t),
        answers: [...root.querySelectorAll('li.answer')].map((li) => ({
          question: t(li.querySelector('.question')),
          fields: Object.fromEntries([...li.querySelectorAll('dt')].map((dt) => [t(dt), t(dt.nextElementSibling)])),
        })),
      };
    });
    expect(items.summary).toMatch(/^Knowledge check met · 2 attempts · last activity /);
    const scores = ada.takes.filter((t) => t.outcome === 1).map((t) => takeScore(t, code));
    expect(scores[0]).toBeLessThan(course.settings.passMark);
    expect(items.checks.map((c) => c.replace(/^.*?: /, ''))).toEqual(scores.map((s) => `${s >= course.settings.passMark ? 'Met' : 'Not met'} (score ${s}%)`));
    expect(items.answers).toHaveLength(asked.length);
    items.answers.forEach((item, k) => {
      const q = questionById(asked[k]!.id);
      expect(item.question).toBe(`Question: ${q.stemText}`);
      expect(item.fields['Result']).toBe(asked[k]!.right ? '✓ Right' : '✗ Wrong');
      expect(item.fields['Correct response']).toBe(correctWords(q));
      const said = responseWords(q, asked[k]!.right);
      if (said !== null) expect(item.fields['Learner’s response']).toBe(said);
      else expect(item.fields['Learner’s response']).toMatch(/^1\. /);
      expect([...days].some((d) => item.fields['Answered']!.startsWith(d))).toBe(true);
      expect(item.fields['Answered']).toMatch(/, \d{2}:\d{2}$/);
    });
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'evidence.png'), fullPage: true });

    // Back to the grid puts focus back on the cell.
    await page.locator('ccl-criterion-evidence button.back').click();
    expect((await focused(page)).code).toBe(code);
    await page.context().close();
  });

  it('prints a per-learner evidence record for the unit, laid out for A4', async () => {
    const page = await openReport();
    const ada = runs.find((r) => r.id === 'ada')!;
    await page.locator('ccl-criteria-grid tbody tr', { hasText: 'Ada Brown' }).locator('button.record').click();
    await page.locator('ccl-evidence-record h1').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Knowledge evidence record' });
    expect(await page.title()).toBe('Knowledge evidence record: Ada Brown, A/500/7158');
    const rec = await page.evaluate(() => {
      const root = document.querySelector('ccl-tutor-report')!.shadowRoot!.querySelector('ccl-evidence-record')!.shadowRoot!;
      const t = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return {
        facts: Object.fromEntries([...root.querySelectorAll('dl.facts dt')].map((dt) => [t(dt), t(dt.nextElementSibling)])),
        note: t(root.querySelector('.evidence-note')),
        outcomes: [...root.querySelectorAll('h2')].map(t),
        criteria: [...root.querySelectorAll<HTMLElement>('section.criterion')].map((s) => ({
          heading: t(s.querySelector('h3')),
          summary: t(s.querySelector('.summary')),
          questions: [...s.querySelectorAll('li.answer .question')].map(t),
          results: [...s.querySelectorAll('li.answer .result')].map(t),
        })),
      };
    });
    expect(rec.facts).toMatchObject({
      Learner: 'Ada Brown (ada)',
      Unit: 'Customer care in ICT',
      'Awarding body and unit reference': 'OCR A/500/7158',
      Period: 'All dates',
    });
    expect(rec.note).toContain('knowledge evidence for the assessor’s judgement');
    expect(rec.outcomes).toEqual(course.outcomes.map((o) => `Learning outcome ${o.number}: ${o.title}`));
    const expected = expectedCells(ada);
    const all = ada.takes.flatMap((t) => t.answered);
    const words: Record<string, string> = { '✓ Met': 'Knowledge check met', '✗ Not yet met': 'Not yet met', '– Not attempted': 'Not attempted' };
    expect(rec.criteria.map((c) => c.heading)).toEqual(course.outcomes.flatMap((o) => o.criteria.map((c) => `${c.code} ${c.text}`)));
    for (const [k, c] of course.outcomes.flatMap((o) => o.criteria).entries()) {
      const shown = rec.criteria[k]!;
      expect(shown.summary.startsWith(`${words[expected[c.code]!.status]} · ${expected[c.code]!.attempts}`)).toBe(true);
      const asked = all.filter((a) => questionById(a.id).criteria.includes(c.code));
      // A practice contact's case note is shown too, not marked, beside the contact it was written in.
      const marked = shown.results.map((r, i) => ({ r, q: shown.questions[i]! })).filter((x) => !x.r.startsWith('Not marked'));
      for (const note of shown.questions.filter((_, i) => shown.results[i]!.startsWith('Not marked')))
        expect(asked.some((a) => note === `Question: Case note: ${questionById(a.id).stemText}`), note).toBe(true);
      expect(marked.map((x) => x.q)).toEqual(asked.map((a) => `Question: ${questionById(a.id).stemText}`));
      expect(marked.map((x) => x.r)).toEqual(asked.map((a) => (a.right ? '✓ Right' : '✗ Wrong')));
    }
    expect(rec.facts['Knowledge checks met']).toBe(`${Object.values(expected).filter((e) => e.status === '✓ Met').length} of 10`);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'evidence-record.png'), fullPage: true });

    // Printed: the buttons go, the record stays, on A4 pages.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('ccl-evidence-record .toolbar').isVisible()).toBe(false);
    expect(await page.locator('ccl-evidence-record article').isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    writeFileSync(join(ARTIFACTS, 'evidence-record.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    // Back to the report: focus returns to the learner's record button.
    await page.locator('ccl-evidence-record .toolbar button', { hasText: 'Back to the report' }).click();
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Open record for Ada Brown' });
    await page.context().close();
  });

  it('filters by learner and by date range', async () => {
    const page = await openReport();
    const ben = runs.find((r) => r.id === 'ben')!;
    const option = await page.locator('ccl-report-filters select[name="learner"] option', { hasText: 'Ben Carter' }).getAttribute('value');
    await page.locator('ccl-report-filters select[name="learner"]').selectOption(option!);
    await expect.poll(async () => (await readGrid(page)).rows.map((r) => r.name)).toEqual(['Ben Carter']);
    expect((await readGrid(page)).rows[0]!.cells['1.1']!.status).toBe(expectedCells(ben)['1.1']!.status);
    expect(await page.locator('ccl-load-status [role="status"]').textContent()).toBe('Showing 1 learner.');
    // A period after today: nobody has evidence in it.
    const tomorrow = new Date(Date.now() + 86400000);
    const iso = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.locator('ccl-report-filters input[name="from"]').fill(iso);
    await expect.poll(() => page.locator('ccl-tutor-report .empty').textContent()).toBe('No learner has knowledge-check evidence on this unit in the LRS for these filters.');
    await page.locator('ccl-report-filters button', { hasText: 'Clear filters' }).click();
    await expect.poll(async () => (await readGrid(page)).rows.length).toBe(runs.length);
    await page.context().close();
  });

  it('opened again in the same browser, shows the same grid from its own copy, asking the LRS only for what it stored since', async () => {
    const first = await openReport();
    const grid = await readGrid(first);
    // The copy is written once every answer is read and the page is idle: one entry per endpoint and unit.
    await expect
      .poll(() => first.evaluate(() => new Promise<(number | null)[]>((resolve) => {
        const open = indexedDB.open('ccl-tutor-report');
        open.onsuccess = () => {
          const copies = open.result.transaction('evidence').objectStore('evidence').getAll();
          copies.onsuccess = () => resolve((copies.result as { readUpTo: { answers: number | null } }[]).map((c) => c.readUpTo.answers));
        };
        open.onerror = () => resolve([]);
      })))
      .toEqual([expect.any(Number)]);
    const page = await first.context().newPage();
    const asked: URL[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/lrs/statements')) asked.push(new URL(r.url()));
    });
    await page.goto(`${env.server.url}/tutor/?${new URLSearchParams({ endpoint: `${env.server.url}/lrs/`, auth: env.lrs.auth })}`);
    await page.locator('ccl-lrs-connection select[name="unit"]').selectOption(UNIT);
    await page.locator('ccl-lrs-connection button[type="submit"]').click();
    await page.locator('ccl-tutor-report[data-state="loaded"]').waitFor({ timeout: 20000 });
    expect(await readGrid(page)).toEqual(grid);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((u) => !u.searchParams.has('since')).map((u) => u.search), 'requests for everything').toEqual([]);
    expect(asked.map((u) => u.searchParams.get('verb')?.split('/').pop())).toContain('voided');
    expect(await page.locator('ccl-tutor-report .source').textContent()).toMatch(/Kept in this browser since .*; the LRS sent no new statements of evidence since then\./);

    asked.length = 0;
    await page.locator('ccl-tutor-report button.reload').click();
    await page.locator('ccl-tutor-report[data-state="loaded"] ccl-criteria-grid').waitFor({ timeout: 20000 });
    await expect.poll(() => page.locator('ccl-tutor-report .source').textContent()).not.toContain('Kept in this browser');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((u) => u.searchParams.has('since')).length, 'requests since a copy after Reload everything').toBe(0);
    expect(await readGrid(page)).toEqual(grid);
    await first.context().close();
  });

  it('shows the centre overview of every unit with evidence, axe-clean, a cell opening that unit for that learner and back', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/tutor/?${new URLSearchParams({ endpoint: `${env.server.url}/lrs/`, auth: env.lrs.auth })}`);
    await page.locator('ccl-lrs-connection select[name="unit"]').selectOption('*');
    await page.locator('ccl-lrs-connection button[type="submit"]').click();
    await page.locator('ccl-tutor-report[data-state="loaded"] ccl-centre-overview').waitFor({ timeout: 30000 });
    const rows = page.locator('ccl-centre-overview tbody tr');
    expect(await rows.count()).toBe(runs.length);
    expect(await violations(page)).toEqual([]);
    const ada = page.locator('ccl-centre-overview tbody tr', { hasText: 'Ada Brown' }).locator('button.cell').first();
    expect(await ada.textContent()).toMatch(/Ada Brown, .*: \d+ of \d+ knowledge checks met/);
    await ada.click();
    await expect.poll(async () => (await readGrid(page)).rows.map((r) => r.name)).toEqual(['Ada Brown']);
    await page.locator('ccl-tutor-report button.back-to-overview').click();
    await page.locator('ccl-centre-overview').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'button' });
    expect((await focused(page)).text).toContain('Ada Brown');
    await context.close();
  });

  it('works at 320 px: no sideways scrolling of the page (the grid scrolls in its own region)', async () => {
    const page = await openReport(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const region = page.locator('ccl-criteria-grid .scroller');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'grid-320.png'), fullPage: true });
    await page.locator('ccl-criteria-grid tbody tr').first().locator('button.record').click();
    await page.locator('ccl-evidence-record h1').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'evidence-record-320.png'), fullPage: true });
    await page.context().close();
  });
});

// ---------- an LRS that refuses, is not there, loops or hangs ----------

/** An LRS with CORS that reads only for reader:secret, refuses writer:secret (403), and misbehaves on two paths. */
function startMisbehavingLrs(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const basic = (k: string) => `Basic ${Buffer.from(k).toString('base64')}`;
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, x-experience-api-version, accept', 'access-control-allow-methods': 'GET' };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { ...cors, 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.headers.authorization === basic('writer:secret')) return send(res, 403, { message: 'Forbidden' });
    if (req.headers.authorization !== basic('reader:secret')) return send(res, 401, { message: 'Unauthorised' });
    if (url.pathname === '/hanging/xapi/statements') return; // never answers
    if (url.pathname === '/looping/xapi/statements')
      return send(res, 200, { statements: [{ id: '6a1c2f8e-1d2b-4c3a-9e8f-7a6b5c4d3e2f', verb: { id: 'x' } }], more: '/looping/xapi/statements?page=again' });
    send(res, 200, { statements: [], more: '' });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    }),
  );
}

describe('tutor evidence report when the LRS fails', () => {
  let bad: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    bad = await startMisbehavingLrs();
  });
  afterAll(() => bad?.close());

  async function openWith(endpoint: string, key: string): Promise<Page> {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/tutor/?${new URLSearchParams({ endpoint, auth: key, unit: UNIT })}`);
    return page;
  }
  const alertText = async (page: Page) => {
    await page.locator('ccl-tutor-report[data-state="failed"]').waitFor({ timeout: 15000 });
    return (await page.locator('ccl-load-status [role="alert"] p').textContent()) ?? '';
  };

  it.each([
    ['a wrong key', '/xapi/', 'wrong:key', /^The LRS did not accept this key \(HTTP 401\)\. Check the key and secret/, 'error-401.png'],
    ['a write-only key', '/xapi/', 'writer:secret', /^This key is not allowed to read statements \(HTTP 403\)\. Ask your LRS administrator for a read-only key/, 'error-403.png'],
    ['an LRS that repeats its "more" link', '/looping/xapi/', 'reader:secret', /^The LRS kept sending the same page of statements, so loading stopped after \d+ pages\./, null],
  ])('says plainly what is wrong with %s', async (_, path, key, message, shot) => {
    const page = await openWith(`${bad.url}${path}`, key);
    expect(await alertText(page)).toMatch(message);
    expect(await page.locator('ccl-criteria-grid').count()).toBe(0);
    if (shot) {
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, shot), fullPage: true });
    }
    record({ faultsInjected: 1 });
    await page.context().close();
  });

  it('says an unreachable endpoint could not be reached', async () => {
    const closed = await startMisbehavingLrs();
    const endpoint = `${closed.url}/xapi/`;
    await closed.close(); // nothing listens there now
    const page = await openWith(endpoint, 'reader:secret');
    expect(await alertText(page)).toBe(
      `Could not reach the LRS at ${closed.url}. Check the endpoint and your connection. If both are right, the LRS may not allow this page to read from it: its CORS settings must allow this page's address.`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'error-unreachable.png'), fullPage: true });
    record({ faultsInjected: 1 });
    await page.context().close();
  });

  it('lets the tutor cancel an LRS that does not answer, and gives the form back', async () => {
    const page = await openWith(`${bad.url}/hanging/xapi/`, 'reader:secret');
    await page.locator('ccl-load-status button.cancel').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', text: 'Cancel' });
    expect(await page.locator('ccl-load-status .progress').textContent()).toContain('Connecting to the LRS…');
    await page.screenshot({ path: join(ARTIFACTS, 'loading.png'), fullPage: true });
    await page.keyboard.press('Enter');
    expect(await alertText(page)).toBe('Loading cancelled. Nothing was loaded.');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Load the report' });
    record({ faultsInjected: 1 });
    await page.context().close();
  });
});
