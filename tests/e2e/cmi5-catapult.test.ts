import { join } from 'node:path';
import type { Statement } from '@xapi/xapi';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../build-scripts/preview/browser.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { CMI5, activityIris } from '../../tracking/xapi/vocabulary.js';
import { catapultMissing, isSatisfied, startCatapult, type CatapultActor, type CatapultAu, type CatapultCourse, type CatapultPlayer } from '../support/catapult.js';
import { TEST_DIST } from '../support/global-setup.js';
import { Learner } from '../support/learner.js';
import { verbOf } from '../support/lrs-query.js';
import { loadAllCourses } from '../support/units.js';
import { xapiProblems } from '../support/xapi-validate.js';

/*
 * cmi5 conformance against the reference LMS side of cmi5: ADL's CATAPULT player, a real process
 * with its own MariaDB and a real LRS behind it. Its LRS proxy refuses any AU request that breaks
 * a cmi5 rule with 403 and the requirement id; every answer it gives is recorded here.
 */

/** Statements the LMS (the player) sends about a registration; everything else came from the AU. */
const LMS_VERBS = new Set(['launched', 'abandoned', 'satisfied', 'waived']);
const SMALLEST_UNIT = 'a-500-7158';
const LARGEST_UNIT = 'dn8j-11';

/** One answer of CATAPULT's /lrs proxy to the AU. */
interface ProxyExchange {
  scenario: string;
  method: string;
  /** Path and query below the player, e.g. /lrs/statements. */
  path: string;
  status: number;
  /** Verbs of the statements the request carried (statements resource only). */
  verbs: string[];
  body?: string;
  violatedReqId?: string;
  message?: string;
  /** The verb of the statement the refusal names, when it names one. */
  refusedVerb?: string;
}

const missing = catapultMissing();
const units = loadAllCourses();
const exchanges: ProxyExchange[] = [];
/** Ids of every statement the browser sent to the proxy: these are the AU's. */
const sentByAu = new Map<string, string>();
let catapult: CatapultPlayer;
let browser: Browser;
const imported = new Map<string, { course: CatapultCourse; au: CatapultAu }>();
/** The units of this run (TEST_UNITS may narrow them): a scenario on a unit left out is skipped. */
const unitIds = units.map((u) => u.unit.id);
const without = (unit: string) => !unitIds.includes(unit);
const runtimes: Record<string, number> = {};

beforeAll(async () => {
  if (missing) throw new Error(missing);
  catapult = await startCatapult();
  const t = catapult.startTimings;
  console.log(`CATAPULT started in ${t.total} ms (${catapult.dependenciesCached ? 'dependencies from the cache' : 'cold: npm install'}): ${Object.entries(t).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
  browser = await launchBrowser();
  const started = Date.now();
  const courses = await Promise.all(units.map((u) => catapult.importCourse(join(TEST_DIST, 'packages', `${u.unit.id}-cmi5.zip`))));
  units.forEach((data, i) => imported.set(data.unit.id, { course: courses[i]!, au: courses[i]!.metadata.aus[0]! }));
  console.log(`CATAPULT imported ${units.length} cmi5 packages in ${Date.now() - started} ms`);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await catapult?.stop();
  const refused = exchanges.filter(isRefusal);
  if (refused.length) console.log(`CATAPULT's LRS proxy refused ${refused.length} AU requests in this file:\n${describeRefusals(refused)}`);
  if (Object.keys(runtimes).length) console.log(`CATAPULT scenario runtimes: ${Object.entries(runtimes).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
}, 60000);

/** "initialized, answered ×8, passed ×4": the verbs of statements, runs counted. */
function verbList(verbs: string[]): string {
  const counts = new Map<string, number>();
  for (const v of verbs) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => (n > 1 ? `${v} ×${n}` : v)).join(', ');
}

/** Refusals grouped and counted: requirement id, the player's message, the statement it was about. */
function describeRefusals(list: ProxyExchange[]): string {
  const groups = new Map<string, { e: ProxyExchange; n: number; verbs: string[]; bodyless: number }>();
  for (const e of list) {
    const key = JSON.stringify([e.scenario, e.method, e.path.split('?')[0], e.status, e.violatedReqId, e.refusedVerb, e.message?.replace(/\([^()]*\)$/, '')]);
    const g = groups.get(key) ?? { e, n: 0, verbs: [], bodyless: 0 };
    groups.set(key, g);
    g.n++;
    g.verbs.push(...e.verbs);
    if (e.body === undefined || e.body.startsWith('(body not available')) g.bodyless++;
  }
  return [...groups.values()]
    .map(({ e, n, verbs, bodyless }) => {
      const about = [e.refusedVerb ? `refused statement: ${e.refusedVerb}` : '', verbs.length ? `batches carried: ${verbList(verbs)}` : ''].filter(Boolean).join('; ');
      const said = e.message ?? (bodyless === n ? '(the page had gone before the answer could be read)' : e.body ?? '');
      const id = e.violatedReqId ?? (bodyless === n ? 'not read' : '(none)');
      return `  [${e.scenario}] ${e.method} ${e.path.split('?')[0]} → ${e.status} ×${n}, violatedReqId ${id}${about ? `; ${about}` : ''}\n      ${said}`;
    })
    .join('\n');
}

/** A 4xx that is a refusal: anything but "no such document yet" (404 to a GET of a document). */
const isRefusal = (e: ProxyExchange) => e.status >= 400 && e.status < 500 && !(e.status === 404 && e.method === 'GET' && /\/lrs\/(activities\/state|agents\/profile|activities\/profile)$/.test(e.path.split('?')[0]!));

/** The proxy's answers recorded in one browser context; `scenario` labels those from now on. */
interface ProxyWatch {
  scenario: string;
  exchanges: ProxyExchange[];
}

/** Records every answer of the player's /lrs proxy in this context. */
function watchProxy(context: BrowserContext, scenario: string): ProxyWatch {
  const watch: ProxyWatch = { scenario, exchanges: [] };
  context.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (!response.url().startsWith(catapult.lrsProxyUrl)) return;
    const request = response.request();
    const statements: Statement[] = [];
    if (url.pathname.endsWith('/statements') && request.method() !== 'GET') {
      try {
        const body = JSON.parse(request.postData() ?? 'null') as Statement | Statement[] | null;
        if (body) statements.push(...(Array.isArray(body) ? body : [body]));
      } catch {
        // Not JSON: recorded without verbs.
      }
    }
    for (const s of statements) if (s.id) sentByAu.set(s.id, verbOf(s));
    const exchange: ProxyExchange = { scenario: watch.scenario, method: request.method(), path: `${url.pathname}${url.search}`, status: response.status(), verbs: statements.map(verbOf) };
    watch.exchanges.push(exchange);
    exchanges.push(exchange);
    if (response.status() >= 400 && response.status() < 500) {
      response
        .text()
        .then((text) => {
          exchange.body = text;
          try {
            const body = JSON.parse(text) as { message?: string; violatedReqId?: string };
            if (body.message) exchange.message = body.message;
            if (body.violatedReqId) exchange.violatedReqId = body.violatedReqId;
            const named = statements.find((s) => s.id && body.message?.includes(s.id));
            if (named) exchange.refusedVerb = verbOf(named);
            else if (statements.length === 1) exchange.refusedVerb = verbOf(statements[0]!);
          } catch {
            // Not JSON: the body is kept as text.
          }
        })
        .catch(() => {
          exchange.body = '(body not available: the page had gone)';
        });
    }
  });
  return watch;
}

/** Fails (softly: the scenario goes on) with every refusal listed when the proxy answered any AU request of the scenario with 4xx. */
async function expectNoRefusals(watch: ProxyWatch, scenario = watch.scenario): Promise<void> {
  await new Promise((r) => setTimeout(r, 200)); // let the last bodies be read
  const mine = watch.exchanges.filter((e) => e.scenario === scenario);
  const refused = mine.filter(isRefusal);
  expect.soft(refused.length, `CATAPULT's LRS proxy refused ${refused.length} of ${mine.length} AU requests:\n${describeRefusals(refused)}`).toBe(0);
}

let learners = 0;
function newActor(label: string): CatapultActor {
  learners++;
  return { objectType: 'Agent', name: `Learner ${learners}`, account: { homePage: 'https://lms.example.org', name: `${label}-${learners}` } };
}

/** Every statement the LRS holds for a registration, read from the statements LRS directly (oldest first). */
async function statementsOf(registration: string): Promise<Statement[]> {
  const lrs = catapult.statementsLrs;
  const res = await fetch(`${lrs.endpoint}statements?${new URLSearchParams({ registration, ascending: 'true', limit: '1000' })}`, { headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' } });
  const body = (await res.json()) as { statements: Statement[] };
  return body.statements;
}

/** Polls the LRS until `done` holds for a registration's statements or the time is up; returns them either way. */
async function waitForStatements(registration: string, done: (all: Statement[]) => boolean, timeoutMs = 10000): Promise<Statement[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await statementsOf(registration);
    if (done(all) || Date.now() > deadline) return all;
    await new Promise((r) => setTimeout(r, 300));
  }
}

const sessionOf = (s: Statement) => String(s.context?.extensions?.[CMI5.sessionId] ?? '');
/** The AU sent it: seen leaving the browser, or passed on by the player's proxy (a closing page's keepalive requests). */
const fromAu = (s: Statement) => sentByAu.has(s.id!) || catapult.forwardedByProxy.has(s.id!);
const isLms = (s: Statement) => LMS_VERBS.has(verbOf(s)) && !fromAu(s);
const auStatements = (all: Statement[]) => all.filter((s) => !isLms(s));
const terminatedIn = (session: string) => (all: Statement[]) => all.some((s) => verbOf(s) === 'terminated' && sessionOf(s) === session);

/**
 * What every AU statement stream must satisfy: valid xAPI, unique ids, only the LMS's verbs from
 * the LMS, and per session initialized strictly first and terminated strictly last by timestamp.
 * Returns the problems found (empty when none).
 */
function streamProblems(all: Statement[], sessions: string[]): string[] {
  const problems: string[] = [];
  for (const s of all) for (const p of xapiProblems(s)) problems.push(`${verbOf(s)} ${s.id}: invalid xAPI: ${p}`);
  if (new Set(all.map((s) => s.id)).size !== all.length) problems.push('statement ids repeat');
  for (const s of all.filter((x) => !isLms(x))) if (!fromAu(s)) problems.push(`${verbOf(s)} ${s.id} came from neither the AU nor the LMS's own verbs`);
  for (const session of sessions) {
    const mine = auStatements(all)
      .filter((s) => sessionOf(s) === session)
      .sort((a, b) => Date.parse(a.timestamp!) - Date.parse(b.timestamp!));
    if (mine.length === 0) {
      problems.push(`session ${session}: no statement from the AU reached the LRS`);
      continue;
    }
    const first = mine[0]!;
    const last = mine.at(-1)!;
    if (verbOf(first) !== 'initialized') problems.push(`session ${session}: the earliest AU statement is ${verbOf(first)}, not initialized`);
    else if (mine.length > 1 && mine[1]!.timestamp === first.timestamp) problems.push(`session ${session}: initialized shares its timestamp with ${verbOf(mine[1]!)}`);
    if (verbOf(last) !== 'terminated') problems.push(`session ${session}: the latest AU statement is ${verbOf(last)}, not terminated`);
    else if (mine.length > 1 && mine.at(-2)!.timestamp === last.timestamp) problems.push(`session ${session}: terminated shares its timestamp (${last.timestamp}) with ${verbOf(mine.at(-2)!)}`);
    for (const v of ['initialized', 'terminated']) {
      const n = mine.filter((s) => verbOf(s) === v).length;
      if (n > 1) problems.push(`session ${session}: ${n} ${v} statements`);
    }
  }
  return problems;
}

/** Launches the AU as the player's launch URL opens it: a top-level page. */
async function launch(page: Page, unit: string, actor: CatapultActor, registration: string, launchMode?: 'Normal' | 'Browse' | 'Review') {
  const { course, au } = imported.get(unit)!;
  const l = await catapult.launchUrl(course.id, 0, actor, registration, catapult.returnUrl, launchMode);
  await page.goto(l.url);
  const learner = new Learner(page, page);
  await learner.heading().waitFor({ timeout: 20000 });
  const session = await catapult.getSession(l.sessionId);
  return { learner, sessionId: l.sessionId, session: session.code, au };
}

/** Presses Exit and waits for the LMS page the AU returns to. */
async function exit(learner: Learner, page: Page): Promise<void> {
  await learner.sco.locator('header button', { hasText: 'Exit' }).click();
  await page.locator('h1', { hasText: 'Back in the learning platform' }).waitFor({ timeout: 15000 });
}

/** The learner's saved state as the State API holds it. */
function savedState(data: CourseData, au: CatapultAu, actor: CatapultActor, registration: string): string | undefined {
  return catapult.documentsLrs.documents.get({ resource: 'activities/state', activityId: au.lmsId, agent: actor, registration, id: activityIris(data).stateId })?.body.toString('utf8');
}

describe("cmi5 packages in ADL's CATAPULT player", () => {
  it.each(unitIds)('%s: one knowledge check, then Exit, with nothing refused', async (unit) => {
    const t0 = Date.now();
    const context = await browser.newContext();
    const watch = watchProxy(context, `a ${unit}`);
    try {
      const page = await context.newPage();
      const actor = newActor(`check-${unit}`);
      const registration = await catapult.register(imported.get(unit)!.course.id, actor);
      const { learner, session } = await launch(page, unit, actor, registration.code);
      const data = await learner.course();
      const answered = await learner.takeCheck(data, data.outcomes[0]!.number);
      await exit(learner, page);
      const all = await waitForStatements(registration.code, terminatedIn(session));
      await expectNoRefusals(watch);
      expect.soft(streamProblems(all, [session]), 'the statement stream').toEqual([]);
      const answers = auStatements(all)
        .filter((s) => verbOf(s) === 'answered')
        .map((s) => (s.object as { id: string }).id.split('/').pop()!);
      // A practice contact's case note is an answered statement of its own, named after the contact.
      const isQuestion = (id: string) => data.outcomes[0]!.questions.some((q) => q.id === id);
      const notes = answers.filter((id) => !isQuestion(id));
      expect.soft(notes.filter((id) => !answered.some((a) => id.startsWith(`${a.id}-`))), 'case notes of no contact answered').toEqual([]);
      expect.soft(answers.filter(isQuestion), 'the answers in the LRS').toEqual(answered.map((a) => a.id));
    } finally {
      runtimes[`a ${unit}`] = Date.now() - t0;
      await context.close();
    }
  });

  /** Every outcome's check answered right in one session, Exit, then a relaunch (Review, once satisfied). */
  async function wholeUnit(unit: string, scenario: string) {
    const context = await browser.newContext();
    const watch = watchProxy(context, scenario);
    try {
      const page = await context.newPage();
      const actor = newActor(`whole-${unit}`);
      const registration = await catapult.register(imported.get(unit)!.course.id, actor);
      const { learner, session } = await launch(page, unit, actor, registration.code);
      const data = await learner.course();
      for (const o of data.outcomes) await learner.takeCheck(data, o.number);
      await exit(learner, page);
      const all = await waitForStatements(registration.code, (s) => terminatedIn(session)(s) && s.some((x) => verbOf(x) === 'satisfied'));
      await expectNoRefusals(watch);
      expect.soft(streamProblems(all, [session]), 'the statement stream').toEqual([]);
      const au = auStatements(all);
      const onAu = (verb: string) => au.filter((s) => verbOf(s) === verb && !(s.object as { id: string }).id.includes('/criteria/'));
      expect.soft(onAu('completed'), 'completed statements from the AU').toHaveLength(1);
      expect.soft(onAu('passed'), 'passed statements on the AU').toHaveLength(1);
      expect.soft(onAu('failed'), 'failed statements on the AU').toHaveLength(0);
      const reg = await catapult.getRegistration(registration.id);
      expect.soft(isSatisfied(reg), `registration after a whole unit passed: ${JSON.stringify(reg.aus)} ${JSON.stringify(reg.metadata.moveOn)}`).toBe(true);
      return { context, watch, actor, registration, data };
    } catch (e) {
      await context.close();
      throw e;
    }
  }

  it.skipIf(without(SMALLEST_UNIT))(`${SMALLEST_UNIT}: a whole unit passed in one session satisfies the registration; a relaunch is Review and sends only initialized and terminated`, async () => {
    const t0 = Date.now();
    const { context, watch, actor, registration } = await wholeUnit(SMALLEST_UNIT, `b ${SMALLEST_UNIT}`);
    runtimes[`b ${SMALLEST_UNIT}`] = Date.now() - t0;
    watch.scenario = `c ${SMALLEST_UNIT}`;
    try {
      const page = await context.newPage();
      const relaunch = await launch(page, SMALLEST_UNIT, actor, registration.code);
      expect.soft((await catapult.getSession(relaunch.sessionId)).launchMode, 'launch mode once satisfied').toBe('Review');
      await exit(relaunch.learner, page);
      const all = await waitForStatements(registration.code, terminatedIn(relaunch.session));
      await expectNoRefusals(watch);
      expect.soft(streamProblems(all, [relaunch.session]), 'the statement stream of the Review session').toEqual([]);
      expect.soft(auStatements(all).filter((s) => sessionOf(s) === relaunch.session).map(verbOf), 'the AU statements of the Review session').toEqual(['initialized', 'terminated']);
    } finally {
      runtimes[`b+c ${SMALLEST_UNIT}`] = Date.now() - t0;
      await context.close();
    }
  }, 180000);

  it.each(['a-503-0391', LARGEST_UNIT].filter((u) => !without(u)))('%s: a whole unit passed in one session satisfies the registration', async (unit) => {
    const t0 = Date.now();
    try {
      const { context } = await wholeUnit(unit, `b ${unit}`);
      await context.close();
    } finally {
      runtimes[`b ${unit}`] = Date.now() - t0;
    }
  }, 300000);

  it.skipIf(without(SMALLEST_UNIT))(`${SMALLEST_UNIT}: a session closed without Exit ends once (terminated or abandoned), and the relaunch keeps the learner's progress`, async () => {
    const t0 = Date.now();
    const context = await browser.newContext();
    const watch = watchProxy(context, `d ${SMALLEST_UNIT}`);
    try {
      const actor = newActor('closed');
      const registration = await catapult.register(imported.get(SMALLEST_UNIT)!.course.id, actor);
      let page = await context.newPage();
      const first = await launch(page, SMALLEST_UNIT, actor, registration.code);
      const data = await first.learner.course();
      await first.learner.takeCheck(data, data.outcomes[0]!.number);
      await expect.poll(() => savedState(data, first.au, actor, registration.code), { timeout: 10000 }).toContain('suspendData');
      await page.close(); // the learner closes the window: no Exit
      await new Promise((r) => setTimeout(r, 1500));
      // The state as the closed window left it (the check's last save may land after the first).
      const before = savedState(data, first.au, actor, registration.code);
      const closed = await catapult.getSession(first.sessionId);

      page = await context.newPage();
      const second = await launch(page, SMALLEST_UNIT, actor, registration.code);
      const old = await catapult.getSession(first.sessionId);
      expect(Boolean(old.isTerminated) !== Boolean(old.isAbandoned), `the closed session ends exactly once: terminated ${old.isTerminated}, abandoned ${old.isAbandoned}`).toBe(true);
      if (!closed.isTerminated) expect.soft(old.abandonedBy, 'who abandoned the closed session').toBe('new-launch');
      expect.soft(savedState(data, second.au, actor, registration.code), "the learner's saved state after the relaunch").toBe(before);
      await second.learner.openCheck(data.outcomes[0]!.number);
      await second.learner.sco.locator('main button', { hasText: 'Take the whole check again' }).waitFor({ timeout: 10000 });
      await exit(second.learner, page);

      const all = await waitForStatements(registration.code, terminatedIn(second.session));
      await expectNoRefusals(watch);
      const ends = all.filter((s) => sessionOf(s) === first.session && ['terminated', 'abandoned'].includes(verbOf(s))).map(verbOf);
      expect.soft(ends, 'how the closed session ended, in the LRS').toEqual([old.isTerminated ? 'terminated' : 'abandoned']);
      expect.soft(streamProblems(all, old.isTerminated ? [first.session, second.session] : [second.session]), 'the statement stream').toEqual([]);
    } finally {
      runtimes[`d ${SMALLEST_UNIT}`] = Date.now() - t0;
      await context.close();
    }
  }, 120000);

  it.skipIf(without(SMALLEST_UNIT))(`${SMALLEST_UNIT}: an LRS outage mid-session loses and duplicates nothing, across a relaunch in the same browser`, async () => {
    const t0 = Date.now();
    const context = await browser.newContext();
    const watch = watchProxy(context, `e ${SMALLEST_UNIT}`);
    try {
      const actor = newActor('outage');
      const registration = await catapult.register(imported.get(SMALLEST_UNIT)!.course.id, actor);
      let page = await context.newPage();
      const first = await launch(page, SMALLEST_UNIT, actor, registration.code);
      const data = await first.learner.course();
      catapult.setLrsReachable(false);
      let answered: { id: string; right: boolean }[];
      try {
        answered = await first.learner.takeCheck(data, data.outcomes[0]!.number, new Set([0]));
      } finally {
        catapult.setLrsReachable(true);
      }
      // The learner carries on (a new page sends what is queued); the AU retries with backoff,
      // so what the outage held back arrives within the session.
      await first.learner.openCheck(data.outcomes[1]!.number);
      const delivered = await waitForStatements(registration.code, (all) => all.filter((s) => verbOf(s) === 'answered').length >= answered.length, 20000);
      expect.soft(delivered.filter((s) => verbOf(s) === 'answered').length, 'answered statements delivered after the outage').toBe(answered.length);
      await exit(first.learner, page);
      await waitForStatements(registration.code, terminatedIn(first.session));
      await page.close();

      page = await context.newPage(); // same browser, same storage
      const second = await launch(page, SMALLEST_UNIT, actor, registration.code);
      await second.learner.openCheck(data.outcomes[0]!.number);
      await second.learner.sco.locator('main button', { hasText: 'Take the whole check again' }).waitFor({ timeout: 10000 });
      await exit(second.learner, page);
      const all = await waitForStatements(registration.code, terminatedIn(second.session));
      await expectNoRefusals(watch);
      expect.soft(streamProblems(all, [first.session, second.session]), 'the statement stream').toEqual([]);
      const answers = auStatements(all).filter((s) => verbOf(s) === 'answered');
      expect.soft(answers.map((s) => (s.object as { id: string }).id.split('/').pop()), 'each answer once, in order').toEqual(answered.map((a) => a.id));
      expect.soft(answers.every((s) => sessionOf(s) === first.session), 'every answer in the session it was given in').toBe(true);
      expect.soft(auStatements(all).filter((s) => sessionOf(s) === second.session).map(verbOf), 'the AU statements of the relaunched session').toEqual(['initialized', 'terminated']);
    } finally {
      catapult.setLrsReachable(true);
      runtimes[`e ${SMALLEST_UNIT}`] = Date.now() - t0;
      await context.close();
    }
  }, 150000);
});
