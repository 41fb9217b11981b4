import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from '../support/global-setup.js';
import { Learner } from '../support/learner.js';
import { usePreview } from '../support/preview-env.js';

const packages = readdirSync(join(TEST_DIST, 'packages')).filter((f) => /-scorm(12|2004)\.zip$/.test(f)).sort();

const env = usePreview();

/** Opens a package in the harness; collects console errors (CSP refusals among them) and requests. */
async function launch(page: Page, pkg: string) {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const standard = pkg.includes('scorm2004') ? 'scorm2004' : 'scorm12';
  await page.goto(`${env.server.url}/launch.html?pkg=${pkg}&standard=${standard}`);
  const learner = new Learner(page);
  await learner.heading().waitFor();
  return { learner, problems, requests, standard };
}

const cmiOf = (page: Page) => page.evaluate(() => (window as any).harness.data().cmi);

describe.each(packages)('%s in an LMS (scorm-again)', (pkg) => {
  it('launches, tracks a whole knowledge check, and resumes where the learner left off', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const { learner, problems, requests, standard } = await launch(page, pkg);
    const is12 = standard === 'scorm12';
    const course = await learner.course();
    const first = course.outcomes[0]!;
    expect(await learner.heading().textContent()).toBe(course.unit.title);

    // A lesson, then outcome 1's knowledge check with one wrong answer.
    await learner.sco.locator(`nav a[href="#lesson:${first.lessons[0]!.id}"]`).click();
    await expect.poll(() => learner.heading().textContent()).toBe(first.lessons[0]!.title);
    const answered = await learner.takeCheck(course, first.number, new Set([0]));
    expect(answered.length).toBeGreaterThanOrEqual(first.criteria.length);

    const cmi = await cmiOf(page);
    const objectives = Object.values(cmi.objectives) as any[];
    const interactions = Object.values(cmi.interactions) as any[];
    // One objective per criterion of the unit, outcome 1's scored; in 2004 also the unit's own (primary) objective.
    const allCodes = course.outcomes.flatMap((o) => o.criteria.map((c) => c.code));
    expect(objectives.map((o) => o.id).sort()).toEqual([...allCodes.map((c) => `criterion-${c}`), ...(is12 ? [] : ['unit'])].sort());
    for (const c of first.criteria) {
      const o = objectives.find((x) => x.id === `criterion-${c.code}`);
      expect(Number(o.score.raw)).toBeGreaterThanOrEqual(0);
      if (is12) expect(['passed', 'failed']).toContain(o.status);
      else expect(['passed', 'failed']).toContain(o.success_status);
    }
    // One interaction per answered question, with its result and criterion; a practice contact's
    // case note is one more, unmarked (result neutral), named after its contact.
    const notes = interactions.filter((i) => i.result === 'neutral');
    for (const n of notes) expect(answered.some((a) => String(n.id).startsWith(`${a.id}-`)), n.id).toBe(true);
    interactions.splice(0, interactions.length, ...interactions.filter((i) => i.result !== 'neutral'));
    expect(interactions.map((i) => i.id)).toEqual(answered.map((a) => a.id));
    interactions.forEach((i, k) => {
      expect(i.result).toBe(answered[k]!.right ? 'correct' : is12 ? 'wrong' : 'incorrect');
      expect(i.objectives['0'].id).toMatch(/^criterion-/);
      expect(i.correct_responses['0'].pattern).not.toBe('');
      expect(is12 ? i.student_response : i.learner_response).not.toBe('');
      if (!is12) expect(i.description.length).toBeGreaterThan(0);
    });
    // Only outcome 1 is done: the unit is incomplete and carries no score yet.
    if (is12) expect(cmi.core.lesson_status).toBe('incomplete');
    else expect(cmi).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown' });
    expect(is12 ? cmi.core.lesson_location : cmi.location).toBe(`results:${first.number}`);

    // Start outcome 2's check, answer one question, and close the package.
    const second = course.outcomes[1]!;
    await learner.openCheck(second.number);
    await learner.sco.locator('main button', { hasText: 'Start the knowledge check' }).click();
    const firstId = await learner.questionId();
    await learner.answer(second.questions.find((q) => q.id === firstId)!, true);
    await page.goto('about:blank');

    // Relaunch: the LMS gives back the saved data; the learner is back at the feedback they were
    // reading on question 1 of that check, and goes on to question 2.
    const again = await launch(page, pkg);
    await expect.poll(() => again.learner.heading().textContent()).toMatch(/^Knowledge check: Question 1 of \d+$/);
    await again.learner.sco.locator('ccl-question .feedback').waitFor();
    expect(await again.learner.questionId()).toBe(firstId);
    await again.learner.sco.locator('main .pager button.primary').click();
    await expect.poll(() => again.learner.heading().textContent()).toMatch(/^Knowledge check: Question 2 of \d+$/);
    const resumed = await cmiOf(page);
    expect(is12 ? resumed.core.entry : resumed.entry).toBe('resume');
    // Outcome 1's results are still there.
    await again.learner.sco.locator(`nav a[href="#check:${first.number}"]`).click();
    await again.learner.sco.locator('main button', { hasText: 'Results' }).click();
    await expect.poll(() => again.learner.sco.locator('ccl-results .summary').textContent()).toContain(`of ${answered.length} questions`);

    // Served under a strict policy (no inline script or style, no eval), with no violation logged.
    const csp = (await page.request.get(`${env.server.url}/pkg/${pkg}/index.html`)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect([...problems, ...again.problems]).toEqual([]);
    const foreign = [...requests, ...again.requests].filter((u) => !u.startsWith(env.server.url) && u !== 'about:blank');
    expect(foreign).toEqual([]);
    await context.close();
  });
});
