import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { decodeState } from '../../tracking/learner-model/state-codec.js';
import { record } from '../support/fault-ledger.js';
import { Learner } from '../support/learner.js';
import { statementsFor, verbOf } from '../support/lrs-query.js';
import { usePreview } from '../support/preview-env.js';

const env = usePreview({ lrs: true });

async function launch(page: Page, pkg: string, extra = '') {
  const standard = pkg.includes('scorm2004') ? 'scorm2004' : pkg.includes('cmi5') ? 'cmi5' : 'scorm12';
  await page.goto(`${env.server.url}/launch.html?pkg=${pkg}&standard=${standard}${extra}`);
  const learner = new Learner(page);
  await learner.heading().waitFor();
  return { learner, standard };
}

/** The learner's saved state as the LMS holds it (SCORM data model, or the cmi5 State API). */
async function savedState(page: Page, course: CourseData, standard: string): Promise<string> {
  if (standard !== 'cmi5') return page.evaluate(() => (window as any).harness.data().cmi.suspend_data as string);
  const registration = await page.evaluate(() => (window as any).harness.config.registration as string);
  const doc = env.server.cmi5.stateDocument(`${course.settings.baseIri}/units/${course.unit.id}/au`, registration, `${course.settings.baseIri}/units/${course.unit.id}/learner-state`);
  return (JSON.parse(doc ?? '{}') as { suspendData?: string }).suspendData ?? '';
}

/** Answers the next `count` questions of the check on screen, rightly except positions in `wrong`. */
async function answerSome(learner: Learner, course: CourseData, outcomeNumber: number, count: number, wrong: Set<number>) {
  const outcome = course.outcomes.find((o) => o.number === outcomeNumber)!;
  for (let k = 0; k < count; k++) {
    const id = await learner.questionId();
    await learner.answer(outcome.questions.find((q) => q.id === id)!, !wrong.has(k));
    await learner.sco.locator('main .pager button.primary').click();
  }
}

describe.each(['f-503-0389-scorm12.zip', 'f-503-0389-scorm2004.zip', 'f-503-0389-cmi5.zip'])('closing %s mid-outcome and mid-question', (pkg) => {
  it('restores location, answers, attempt number and criterion progress exactly', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    let { learner, standard } = await launch(page, pkg);
    const course = await learner.course();
    const n = course.outcomes[0]!.number;
    await learner.takeCheck(course, n, new Set([0, 2])); // attempt 1, finished
    await learner.sco.locator('ccl-results button', { hasText: 'Take the whole check again' }).click();
    await answerSome(learner, course, n, 3, new Set([1])); // attempt 2: three answered…
    const draftId = await learner.questionId(); // …and the fourth on screen, not yet checked
    await learner.sco.locator('ccl-question input').first().check().catch(() => {});
    await expect.poll(async () => decodeState(course, await savedState(page, course, standard))?.outcomes[0]!.attempt!.answers.filter((a) => a !== null).length).toBe(3);
    const before = decodeState(course, await savedState(page, course, standard))!;
    await page.goto('about:blank'); // the browser is closed

    ({ learner } = await launch(page, pkg));
    await expect.poll(() => learner.heading().textContent()).toMatch(/Question 4 of \d+$/);
    expect(await learner.questionId()).toBe(draftId);
    const after = decodeState(course, await savedState(page, course, standard))!;
    expect(after).toEqual(before);
    expect(after.outcomes[0]!.attempts).toBe(1);
    const lost = before.outcomes[0]!.attempt!.answers.filter((a, i) => a !== null && JSON.stringify(after.outcomes[0]!.attempt!.answers[i]) !== JSON.stringify(a)).length;
    record({ faultsInjected: 1, progressLost: lost });
    await context.close();
  });
});

describe.each(['scorm12', 'scorm2004', 'cmi5'])('relaunch after the unit is passed (%s)', (standard) => {
  it('resets nothing, sends neither status nor completed/passed again, and lets the learner review', async () => {
    const pkg = `a-500-7158-${standard}.zip`;
    const who = `&learner=finisher-${standard}&name=Fin%20Isher`;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    let { learner } = await launch(page, pkg, who);
    const course = await learner.course();
    for (const o of course.outcomes) await learner.takeCheck(course, o.number);
    const cmi = () => page.evaluate(() => (window as any).harness.data()?.cmi ?? null);
    const done = await cmi();
    if (standard === 'scorm12') expect(done.core.lesson_status).toBe('passed');
    if (standard === 'scorm2004') expect(done).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
    const savedBefore = decodeState(course, await savedState(page, course, standard))!;
    await page.goto('about:blank');

    ({ learner } = await launch(page, pkg, who));
    await learner.openCheck(course.outcomes[0]!.number);
    await learner.sco.locator('main button', { hasText: 'Results' }).click();
    await learner.sco.locator('ccl-results').waitFor(); // the learner can review
    const after = decodeState(course, await savedState(page, course, standard))!;
    expect(after.outcomes).toEqual(savedBefore.outcomes); // nothing reset
    if (standard !== 'cmi5') {
      const calls = await page.evaluate(() => (window as any).harness.calls as [string, string][]);
      expect(calls.filter(([k]) => /status|score\./.test(k))).toEqual([]);
      const again = await cmi();
      if (standard === 'scorm12') expect(again.core).toMatchObject({ lesson_status: 'passed', score: { raw: done.core.score.raw } });
      else expect(again).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: done.score.raw } });
    }
    await page.goto('about:blank');

    const agent = standard === 'cmi5' ? env.server.cmi5.learner : { account: { homePage: env.server.url, name: `finisher-${standard}` } };
    const isUnit = (id: string) => id.endsWith('/units/a-500-7158') || id.endsWith('/units/a-500-7158/au');
    let statements = (await statementsFor(env.lrs, agent)).filter((s) => isUnit((s.object as { id: string }).id));
    for (let i = 0; i < 40 && statements.filter((s) => verbOf(s) === 'terminated').length < 2; i++) {
      await new Promise((r) => setTimeout(r, 250));
      statements = (await statementsFor(env.lrs, agent)).filter((s) => isUnit((s.object as { id: string }).id));
    }
    const unitVerbs = statements.map(verbOf);
    expect(unitVerbs.filter((v) => v === 'completed')).toHaveLength(1);
    expect(unitVerbs.filter((v) => v === 'passed')).toHaveLength(1);
    expect(unitVerbs.filter((v) => v === 'terminated').length).toBeGreaterThanOrEqual(2);
    record({ faultsInjected: 1, progressLost: after.outcomes.filter((o, i) => JSON.stringify(o) !== JSON.stringify(savedBefore.outcomes[i])).length });
    await context.close();
  });
});

describe('an LMS that misbehaves', () => {
  const cases: [string, string, number][] = [
    ['refuses commits', 'commit-false:3', 3],
    ['refuses values', 'set-false:4', 4],
    ['throws', 'throw:3', 3],
    ['answers slowly', 'slow:300', 1],
  ];
  it.each(cases)('%s: the learner is told, nothing crashes, and every answer reaches the LMS once it recovers', async (_, fault, minimumFaults) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { learner } = await launch(page, 'j-503-0426-scorm12.zip', `&fault=${fault}&lrs=0`);
    const course = await learner.course();
    if (!fault.startsWith('slow')) await expect.poll(() => learner.sco.locator('p.save').first().textContent(), { interval: 50 }).toContain('not saved yet');
    const answered = await learner.takeCheck(course, course.outcomes[0]!.number, new Set([0]));
    await expect.poll(() => learner.sco.locator('p.save').first().textContent().then((t) => t?.trim()), { timeout: 20000 }).toBe('Your progress is saved.');
    const cmi = await page.evaluate(() => (window as any).harness.data().cmi);
    const faults = await page.evaluate(() => (window as any).harness.faults as number);
    expect(faults).toBeGreaterThanOrEqual(minimumFaults);
    // Every answer (a practice contact's unmarked case note, result neutral, aside).
    const ids = (Object.values(cmi.interactions) as { id: string; result: string }[]).filter((i) => i.result !== 'neutral').map((i) => i.id);
    expect(ids).toEqual(answered.map((a) => a.id));
    expect(errors).toEqual([]);
    record({ faultsInjected: faults, progressLost: answered.length - ids.length });
    await context.close();
  });

  it('leaves out elements the LMS does not implement and keeps everything else', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const { learner } = await launch(page, 'j-503-0426-scorm2004.zip', '&fault=unsupported:cmi.interactions&lrs=0');
    const course = await learner.course();
    await learner.takeCheck(course, course.outcomes[0]!.number);
    await expect.poll(() => learner.sco.locator('p.save').first().textContent().then((t) => t?.trim())).toBe('Your progress is saved.');
    const cmi = await page.evaluate(() => (window as any).harness.data().cmi);
    expect(cmi.interactions).toEqual({});
    expect(cmi.suspend_data.length).toBeGreaterThan(10);
    const met = (Object.values(cmi.objectives) as { success_status: string }[]).filter((o) => o.success_status !== 'unknown');
    expect(met.length).toBe(course.outcomes[0]!.criteria.length);
    record({ faultsInjected: await page.evaluate(() => (window as any).harness.faults as number) });
    await context.close();
  });

  it.each(['scorm12', 'scorm2004'])('records nothing in review mode (%s)', async (standard) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const { learner } = await launch(page, `j-503-0426-${standard}.zip`, '&mode=review&lrs=0&learner=reviewer');
    expect(await learner.sco.locator('p.save').first().textContent()).toContain('reviewing');
    const course = await learner.course();
    await learner.takeCheck(course, course.outcomes[0]!.number);
    const calls = await page.evaluate(() => (window as any).harness.calls as [string, string][]);
    expect(calls).toEqual([]);
    await context.close();
  });
});

describe('no LMS, and no storage', () => {
  it('works in memory and says so when storage is blocked', async () => {
    const context: BrowserContext = await env.browser.newContext();
    await context.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: refuse });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.server.url}/pkg/a-500-7158-scorm12.zip/index.html`);
    const save = page.locator('p.save').first();
    await expect.poll(() => save.textContent()).toContain('will be lost when you close this page');
    const course = JSON.parse((await page.locator('#course-data').textContent())!) as CourseData;
    await page.locator(`nav a[href="#check:${course.outcomes[0]!.number}"]`).click();
    await page.locator('main button', { hasText: 'Start the knowledge check' }).click();
    await page.locator('ccl-question fieldset').waitFor();
    expect(errors).toEqual([]);
    record({ faultsInjected: 1 });
    await context.close();
  });
});

describe('bad launch data', () => {
  it('refuses a malformed LRS address, tells the learner, and sends nothing to it', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.server.url}/pkg/a-500-7158-scorm12.zip/index.html?endpoint=ftp%3A%2F%2Fevil.example%2F&auth=Basic%20eDp5`);
    await expect.poll(() => page.locator('p[role="alert"]').first().textContent()).toContain('Learning record store settings were ignored');
    expect(requests.filter((u) => !u.startsWith(env.server.url))).toEqual([]);
    record({ badInputsTried: 1 });
    await context.close();
  });

  it('falls back to this browser when a cmi5 launch is incomplete or its LMS cannot be reached', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/pkg/a-500-7158-cmi5.zip/index.html?endpoint=${encodeURIComponent(`${env.server.url}/lrs/`)}`);
    await expect.poll(() => page.locator('p[role="alert"]').first().textContent()).toContain('not launched by a cmi5 learning platform');
    const params = new URLSearchParams({
      endpoint: `${env.server.url}/lrs/`,
      fetch: `${env.server.url}/cmi5/fetch/unknown-session`,
      actor: JSON.stringify(env.server.cmi5.learner),
      registration: '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d',
      activityId: 'https://w3id.org/contact-centre-learning/units/a-500-7158/au',
    });
    await page.goto(`${env.server.url}/pkg/a-500-7158-cmi5.zip/index.html?${params}`);
    await expect.poll(() => page.locator('p[role="alert"]').first().textContent()).toContain('could not be reached');
    record({ badInputsTried: 2 });
    await context.close();
  });
});

describe('credentials', () => {
  it('never appear in the console, the statements, suspend_data or the saved queue', async () => {
    const secret = Buffer.from('tutor-key:very-secret-value').toString('base64');
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(`${env.server.url}/launch.html?pkg=a-503-0391-scorm12.zip&standard=scorm12&lrs=0&learner=secretive`);
    // Launch the package itself with the key as a launch parameter, inside the harness frame.
    await page.evaluate(
      ([endpoint, auth]) => {
        (document.getElementById('sco') as HTMLIFrameElement).src = `/pkg/a-503-0391-scorm12.zip/index.html?${new URLSearchParams({ endpoint: endpoint!, auth: auth! })}`;
      },
      [`${env.server.url}/lrs/`, `Basic ${secret}`],
    );
    const learner = new Learner(page);
    await learner.heading().waitFor();
    const course = await learner.course();
    env.server.setLrsReachable(false); // statements wait in the browser's storage
    await learner.takeCheck(course, course.outcomes[0]!.number, new Set([0]));
    const stored = await learner.sco.locator('body').evaluate(() => JSON.stringify({ ...localStorage }));
    const suspend = await page.evaluate(() => (window as any).harness.data().cmi.suspend_data as string);
    env.server.setLrsReachable(true);
    await page.goto('about:blank');
    await new Promise((r) => setTimeout(r, 1500));
    const statements = JSON.stringify(await statementsFor(env.lrs, { account: { homePage: env.server.url, name: 'secretive' } }));
    expect(statements.length).toBeGreaterThan(100);
    for (const place of [logs.join('\n'), stored, suspend, statements]) {
      expect(place).not.toContain(secret);
      expect(place).not.toContain('very-secret-value');
    }
    await context.close();
  });
});
