/**
 * The tutor evidence report at scale: statements for 30 learners working through one whole unit
 * (every outcome's knowledge check, retakes where a criterion was not met, lessons, sessions and
 * the unit's own verdicts too), made by the packages' own StatementFactory and posted to a real
 * LRS; then the report page loads them in Chromium through the preview's /lrs/ endpoint. Prints
 * the load time to the grid on screen (median of 3 cold loads; from the start of loading, and
 * from opening the page), the JS heap in use once the grid shows (and after garbage
 * collection), and the longest main-thread task.
 * Usage: npm run bench:report [-- --json] [--unit dn8j-11] [--learners 30]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Statement } from '@xapi/xapi';
import { launchBrowser } from '../preview/browser.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { drawQuestions, questionsPerCriterion, scoreAttempt } from '../../tracking/learner-model/learner-state.js';
import { seededRandom } from '../../tracking/learner-model/shuffle.js';
import { exampleResponse } from '../../tracking/learner-model/question-kinds/index.js';
import { StatementFactory } from '../../tracking/xapi/statement-factory.js';
import { VERBS } from '../../tracking/xapi/vocabulary.js';
import { prepareUnits, runBuild } from '../build.js';
import { readBuildOptions } from '../options.js';
import { startLrs } from '../preview/lrs-process.js';
import { startPreviewServer } from '../preview/server.js';

const LOADS = 3;
const { values } = parseArgs({ options: { json: { type: 'boolean' }, unit: { type: 'string' }, learners: { type: 'string' } } });
const root = process.cwd();
const unitId = values.unit ?? 'dn8j-11'; // the largest unit: 4 outcomes, 22 criteria
const learnerCount = Number(values.learners ?? 30);

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

const work = mkdtempSync(join(tmpdir(), 'ccl-bench-report-'));
const options = readBuildOptions(['--out', join(work, 'dist'), '--unit', unitId, '--standard', 'scorm12'], root);
await runBuild(root, options);
const course = prepareUnits(root, options)[0]!.course;
const lrs = await startLrs(root);
const server = await startPreviewServer({ root, packagesDir: join(work, 'dist', 'packages'), lrs });
const browser = await launchBrowser();
try {
  const start = Date.now() - 60 * 86_400_000;
  const statements = Array.from({ length: learnerCount }, (_, i) => learnerStatements(course, i, start)).flat();
  for (let i = 0; i < statements.length; i += 500) {
    const res = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'content-type': 'application/json' },
      body: JSON.stringify(statements.slice(i, i + 500)),
    });
    if (!res.ok) throw new Error(`the LRS refused the statements: ${res.status} ${await res.text()}`);
  }
  const onCriterion = (s: Statement) => (s.object as { id: string }).id.includes('/criteria/');
  const relevant = statements.filter((s) => s.verb.id === VERBS.answered || ((s.verb.id === VERBS.passed || s.verb.id === VERBS.failed) && onCriterion(s))).length;

  const loads: { fromLoad: number; fromOpen: number; heap: number; heapAfterGc: number; longestTask: number; status: string }[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Long tasks (over 50 ms) on the main thread: a frozen page shows up here.
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const query = new URLSearchParams({ endpoint: `${server.url}/lrs/`, auth: lrs.auth, unit: unitId });
    await page.goto(`${server.url}/tutor/?${query}`);
    await page.locator('ccl-tutor-report[data-state="loaded"], ccl-tutor-report[data-state="failed"]').waitFor({ timeout: 300_000 });
    await page.waitForFunction(() => performance.getEntriesByName('ccl-report-load').length > 0, undefined, { timeout: 10_000 });
    const timing = await page.evaluate(() => {
      const m = performance.getEntriesByName('ccl-report-load')[0];
      const status = document.querySelector('ccl-tutor-report')!.shadowRoot!.querySelector('ccl-load-status')!.shadowRoot!.querySelector('[role="status"]')!.textContent ?? '';
      return { fromLoad: m?.duration ?? NaN, fromOpen: m ? m.startTime + m.duration : NaN, status, longTasks: (window as unknown as { longTasks: number[] }).longTasks };
    });
    const heapOf = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize')!.value;
    const heap = await heapOf();
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await heapOf();
    loads.push({ fromLoad: timing.fromLoad, fromOpen: timing.fromOpen, heap, heapAfterGc, longestTask: Math.max(0, ...timing.longTasks), status: timing.status });
    await context.close();
  }
  const result = {
    unit: unitId,
    learners: learnerCount,
    criteria: course.outcomes.reduce((n, o) => n + o.criteria.length, 0),
    statementsInLrs: statements.length,
    statementsOfEvidence: relevant,
    loaded: loads[0]!.status,
    msToLoad: Math.round(median(loads.map((l) => l.fromLoad))),
    msFromOpeningPage: Math.round(median(loads.map((l) => l.fromOpen))),
    jsHeapUsedMb: mb(median(loads.map((l) => l.heap))),
    jsHeapAfterGcMb: mb(median(loads.map((l) => l.heapAfterGc))),
    longestTaskMs: Math.round(Math.max(...loads.map((l) => l.longestTask))),
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`Tutor report, ${result.learners} learners × ${result.unit} (${result.criteria} criteria): ${result.statementsInLrs} statements in the LRS, ${result.statementsOfEvidence} of them evidence.`);
    console.log(`Page says: ${result.loaded}`);
    console.log(`Load time (median of ${LOADS} cold loads): ${result.msToLoad} ms from the start of loading to the grid on screen, ${result.msFromOpeningPage} ms from opening the page`);
    console.log(`JS heap used once the grid shows: ${result.jsHeapUsedMb} MB (${result.jsHeapAfterGcMb} MB after garbage collection)`);
    console.log(`Longest main-thread task: ${result.longestTaskMs} ms`);
  }
} finally {
  await browser.close();
  await server.close();
  await lrs.stop();
  rmSync(work, { recursive: true, force: true });
}
