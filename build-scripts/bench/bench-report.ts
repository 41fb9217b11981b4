/**
 * The tutor evidence report at scale: statements for 30 learners working through one whole unit
 * (every outcome's knowledge check, retakes where a criterion was not met, lessons, sessions and
 * the unit's own verdicts too), made by the packages' own StatementFactory and posted to a real
 * LRS; then the report page loads them in Chromium through the preview's /lrs/ endpoint. Prints
 * the time to the grid on screen from every verdict, and to every answer read too (median of 3
 * cold loads; from the start of loading, and from opening the page), the JS heap in use once the grid shows (and after garbage
 * collection), and the longest main-thread task; then the same page opened again in the same
 * browser, where it starts from its own copy and asks the LRS only for what it stored since.
 * Each learner count is a row of its own, with a fresh LRS, and says what that LRS itself takes
 * for one request (a page of one statement): every page the report asks for costs at least that.
 * Usage: npm run bench:report [-- --json] [--unit dn8j-11] [--learners 30 --learners 300] [--loads 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Statement } from '@xapi/xapi';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../preview/browser.js';
import { REVISIT_OVERLAP_MS } from '../../tracking/report/evidence-cache.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { drawQuestions, questionsPerCriterion, scoreAttempt } from '../../tracking/learner-model/learner-state.js';
import { seededRandom } from '../../tracking/learner-model/shuffle.js';
import { exampleResponse } from '../../tracking/learner-model/question-kinds/index.js';
import { StatementFactory } from '../../tracking/xapi/statement-factory.js';
import { activityIris, VERBS } from '../../tracking/xapi/vocabulary.js';
import { prepareUnits, runBuild } from '../build.js';
import { readBuildOptions } from '../options.js';
import { startLrs } from '../preview/lrs-process.js';
import { startPreviewServer } from '../preview/server.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, unit: { type: 'string' }, learners: { type: 'string', multiple: true }, loads: { type: 'string' } } });
const LOADS = Number(values.loads ?? 3);
if (!Number.isInteger(LOADS) || LOADS < 1) throw new Error(`--loads takes a whole number of cold loads, not ${values.loads}`);
const root = process.cwd();
const unitId = values.unit ?? 'dn8j-11'; // the largest unit: 4 outcomes, 22 criteria
const learnerCounts = (values.learners ?? ['30']).flatMap((v) => v.split(',')).map(Number);
if (learnerCounts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--learners takes whole numbers of learners, not ${values.learners!.join(', ')}`);

const FIRST = ['Amara', 'Ben', 'Chloe', 'Dev', 'Ellie', 'Finn', 'Grace', 'Harun', 'Isla', 'Jamal', 'Keira', 'Liam', 'Maya', 'Noah', 'Olivia'];
const LAST = ['Ahmed', 'Brown', 'Campbell', 'Davies', 'Evans', 'Fraser', 'Gill', 'Hughes', 'Iqbal', 'Jones', 'Kaur', 'Lewis', 'MacLeod', 'Nowak', 'Okafor'];

/** One learner's statements for the whole unit, spread over some weeks. */
function learnerStatements(course: CourseData, index: number, start: number): Statement[] {
  const random = seededRandom(`bench-learner-${index}`);
  const name = `${FIRST[index % FIRST.length]} ${LAST[(index * 7) % LAST.length]}`;
  const factory = new StatementFactory(course, {
    actor: { objectType: 'Agent', name, account: { homePage: 'https://lms.example.org', name: `learner-${index + 1}` } },
    registration: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
  });
  let clock = start + index * 3_600_000;
  const at = (s: Statement, gap = 20_000): Statement => {
    clock += gap;
    return { ...s, timestamp: new Date(clock).toISOString() };
  };
  const out: Statement[] = [at(factory.session('initialized'))];
  const per = questionsPerCriterion(course.settings.passMark, course.settings.questionsPerCriterion);
  for (const outcome of course.outcomes) {
    for (const lesson of outcome.lessons) out.push(at(factory.lessonExperienced(lesson), 240_000));
    let seen: number[] = [];
    // First go: about one answer in six wrong; retakes are better; up to three goes while a criterion is not met.
    for (let attempt = 0; attempt < 3; attempt++) {
      const questions = drawQuestions(outcome, per, seen, random);
      seen = [...new Set([...seen, ...questions])];
      const answers = questions.map((qi) => {
        const q = outcome.questions[qi]!;
        const right = random() > (attempt === 0 ? 0.17 : 0.08);
        const response = exampleResponse(q, right);
        clock += 25_000;
        out.push(factory.answered({ question: q, outcome: outcome.number, response, correct: right, latencyMs: 20_000, timestamp: new Date(clock), objectiveIds: [] }, outcome.number));
        return response;
      });
      const score = scoreAttempt(outcome, { questions, answers, day: Math.floor(clock / 86_400_000), criteria: outcome.criteria.map((_, j) => j) });
      outcome.criteria.forEach((c, i) => {
        const s = score.byCriterion[i];
        if (s !== null && s !== undefined) out.push(at(factory.criterionJudged(c.code, outcome.number, s, s >= course.settings.passMark), 1000));
      });
      if (score.byCriterion.every((s) => s === null || s >= course.settings.passMark)) break;
      clock += 2 * 86_400_000; // comes back to it a couple of days later
    }
  }
  // The unit's own statements (the report reads past them): completed, and passed or failed.
  const passedAll = out.every((s) => s.verb.id !== VERBS.failed || out.some((p) => p.verb.id === VERBS.passed && (p.object as { id: string }).id === (s.object as { id: string }).id));
  out.push(at(factory.unitCompleted(3_600_000)), at(factory.unitJudged(passedAll, passedAll ? 100 : 50, 3_600_000)));
  out.push(at(factory.session('terminated')));
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

interface LoadFigures {
  /** To the grid on screen from every verdict (the answers still being read). */
  toGrid: number;
  /** To the grid on screen with every answer read too. */
  fromLoad: number;
  /** Of that, reading this browser's copy back (0 on a cold load). */
  copyRead: number;
  fromOpen: number;
  heap: number;
  heapAfterGc: number;
  longestTask: number;
  status: string;
  /** What the page says of where the grid came from (the LRS, and this browser's copy). */
  source: string;
}

/** Opens the report page in a browser context and waits for the grid; the figures of that load. */
async function loadReport(context: BrowserContext, url: string): Promise<LoadFigures> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') console.error(`the page said: ${m.text()}`);
  });
  // Long tasks (over 50 ms) on the main thread: a frozen page shows up here.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const opened = Date.now();
  await page.goto(url);
  await page.locator('ccl-tutor-report[data-state="loaded"], ccl-tutor-report[data-state="failed"]').waitFor({ timeout: 900_000 });
  // A load that failed has no load time: say why it failed, in the page's words.
  const failed = await page.evaluate(() => {
    const report = document.querySelector('ccl-tutor-report')!;
    return report.dataset.state === 'failed' ? (report as unknown as { error: string }).error || 'no reason given' : null;
  });
  if (failed !== null) throw new Error(`the report page could not load: ${failed}`);
  await page.waitForFunction(() => performance.getEntriesByName('ccl-report-load').length > 0, undefined, { timeout: 10_000 });
  const timing = await page.evaluate(() => {
    const m = performance.getEntriesByName('ccl-report-load')[0];
    const report = document.querySelector('ccl-tutor-report')!.shadowRoot!;
    const status = report.querySelector('ccl-load-status')!.shadowRoot!.querySelector('[role="status"]')!.textContent ?? '';
    const source = (report.querySelector('.source')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const copy = performance.getEntriesByName('ccl-report-copy-read')[0];
    const grid = performance.getEntriesByName('ccl-report-grid')[0];
    return { toGrid: grid?.duration ?? NaN, fromLoad: m?.duration ?? NaN, fromOpen: m ? m.startTime + m.duration : NaN, copyRead: copy?.duration ?? 0, status, source, longTasks: (window as unknown as { longTasks: number[] }).longTasks };
  });
  const heapOf = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize')!.value;
  const heap = await heapOf();
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGc = await heapOf();
  // The copy for the next visit is written once every answer is read and the page is idle: the
  // page stays open until this visit's is kept (as a tutor's would while reading the grid).
  // Polled with evaluate, which waits for the page's promise (waitForFunction takes a promise as true).
  for (const until = Date.now() + 120_000; ; ) {
    const copies = await page.evaluate(copiesInBrowser);
    if (copies.some((c) => c.everyAnswer && c.savedAt >= opened)) break;
    if (Date.now() > until) throw new Error(`the report page kept no copy of every answer within two minutes; this browser holds ${JSON.stringify(copies)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await page.close();
  return { toGrid: timing.toGrid, fromLoad: timing.fromLoad, fromOpen: timing.fromOpen, copyRead: timing.copyRead, heap, heapAfterGc, longestTask: Math.max(0, ...timing.longTasks), status: timing.status, source: timing.source };
}

/** In a page: the report's copies in this browser, when each was saved and whether every answer was read into it. */
function copiesInBrowser(): Promise<{ savedAt: number; everyAnswer: boolean }[]> {
  return new Promise((resolve) => {
    const open = indexedDB.open('ccl-tutor-report');
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('evidence')) return resolve([]);
      const all = db.transaction('evidence').objectStore('evidence').getAll();
      all.onerror = () => resolve([]);
      all.onsuccess = () => {
        resolve((all.result as { savedAt: number; readUpTo?: { answers: number | null } }[]).map((c) => ({ savedAt: c.savedAt, everyAnswer: c.readUpTo?.answers != null })));
        db.close();
      };
    };
  });
}

const work = mkdtempSync(join(tmpdir(), 'ccl-bench-report-'));
const options = readBuildOptions(['--out', join(work, 'dist'), '--unit', unitId, '--standard', 'scorm12'], root);
await runBuild(root, options);
const course = prepareUnits(root, options)[0]!.course;
const browser = await launchBrowser();
const rows: Record<string, unknown>[] = [];
try {
  for (const learnerCount of learnerCounts) {
    const lrs = await startLrs(root);
    const server = await startPreviewServer({ root, packagesDir: join(work, 'dist', 'packages'), lrs });
    try {
      const start = Date.now() - 60 * 86_400_000;
      const statements = Array.from({ length: learnerCount }, (_, i) => learnerStatements(course, i, start)).flat();
      const post = async (batch: Statement[]) => {
        for (let i = 0; i < batch.length; i += 500) {
          const res = await fetch(`${lrs.endpoint}statements`, {
            method: 'POST',
            headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'content-type': 'application/json' },
            body: JSON.stringify(batch.slice(i, i + 500)),
          });
          if (!res.ok) throw new Error(`the LRS refused the statements: ${res.status} ${await res.text()}`);
        }
        return Date.now();
      };
      let lastPost = await post(statements);
      const onCriterion = (s: Statement) => (s.object as { id: string }).id.includes('/criteria/');
      const relevant = statements.filter((s) => s.verb.id === VERBS.answered || ((s.verb.id === VERBS.passed || s.verb.id === VERBS.failed) && onCriterion(s))).length;
      // What the LRS itself takes for one request, a page of one verdict: the floor under every page the report asks for.
      const lrsRequest: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const res = await fetch(`${lrs.endpoint}statements?${new URLSearchParams({ verb: VERBS.passed, activity: activityIris(course).unit, related_activities: 'true', limit: '1' })}`, {
          headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' },
        });
        await res.text();
        lrsRequest.push(performance.now() - t0);
      }
      const url = `${server.url}/tutor/?${new URLSearchParams({ endpoint: `${server.url}/lrs/`, auth: lrs.auth, unit: unitId })}`;
      const cold: LoadFigures[] = [];
      const again: LoadFigures[] = [];
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        cold.push(await loadReport(context, url));
        // Then a new learner's unit arrives, later than the overlap a re-visit reads again (as a
        // tutor's next visit would come hours later), and the page is opened again.
        await new Promise((r) => setTimeout(r, Math.max(0, lastPost + REVISIT_OVERLAP_MS + 1000 - Date.now())));
        lastPost = await post(learnerStatements(course, learnerCount + i, Date.now() - 86_400_000));
        again.push(await loadReport(context, url));
        await context.close();
      }
      rows.push({
        unit: unitId,
        learners: learnerCount,
        criteria: course.outcomes.reduce((n, o) => n + o.criteria.length, 0),
        statementsInLrs: statements.length,
        statementsOfEvidence: relevant,
        msLrsPerRequest: Math.round(median(lrsRequest)),
        loaded: cold[0]!.status,
        loadedAgain: again[0]!.source,
        msToGrid: Math.round(median(cold.map((l) => l.toGrid))),
        msToEveryAnswer: Math.round(median(cold.map((l) => l.fromLoad))),
        msFromOpeningPage: Math.round(median(cold.map((l) => l.fromOpen))),
        msToGridAgain: Math.round(median(again.map((l) => l.toGrid))),
        msToEveryAnswerAgain: Math.round(median(again.map((l) => l.fromLoad))),
        msReadingCopyAgain: Math.round(median(again.map((l) => l.copyRead))),
        jsHeapUsedMb: mb(median(cold.map((l) => l.heap))),
        jsHeapAfterGcMb: mb(median(cold.map((l) => l.heapAfterGc))),
        longestTaskMs: Math.round(Math.max(...cold.map((l) => l.longestTask))),
        longestTaskAgainMs: Math.round(Math.max(...again.map((l) => l.longestTask))),
      });
    } finally {
      await server.close();
      await lrs.stop();
    }
  }
  if (values.json) console.log(JSON.stringify(rows));
  else {
    console.log(`Tutor report, ${unitId}: median of ${LOADS} cold loads (a fresh browser), then the same page opened again from its own copy, after one more learner's unit arrived`);
    console.log('| learners | statements in the LRS | of evidence | to the grid (every answer too) | from opening | opened again (its copy read in; every answer) | longest task | again | JS heap (after GC) | the LRS per request |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.learners} | ${r.statementsInLrs} | ${r.statementsOfEvidence} | ${r.msToGrid} ms (${r.msToEveryAnswer} ms) | ${r.msFromOpeningPage} ms | ${r.msToGridAgain} ms (${r.msReadingCopyAgain} ms; ${r.msToEveryAnswerAgain} ms) | ${r.longestTaskMs} ms | ${r.longestTaskAgainMs} ms | ${r.jsHeapUsedMb} MB (${r.jsHeapAfterGcMb} MB) | ${r.msLrsPerRequest} ms |`,
      );
    for (const r of rows) console.log(`${r.learners} learners, the page says: ${r.loaded} Opened again: ${r.loadedAgain}`);
    console.log(JSON.stringify(rows));
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
