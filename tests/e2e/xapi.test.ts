import type { Statement } from '@xapi/xapi';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from '../support/global-setup.js';
import { CMI5 } from '../../tracking/xapi/vocabulary.js';
import { record } from '../support/fault-ledger.js';
import { Learner } from '../support/learner.js';
import { statementsFor, verbOf, waitForVerb } from '../support/lrs-query.js';
import { usePreview } from '../support/preview-env.js';
import { xapiProblems } from '../support/xapi-validate.js';

const env = usePreview({ lrs: true });

async function launch(page: Page, pkg: string, standard: string) {
  await page.goto(`${env.server.url}/launch.html?pkg=${pkg}&standard=${standard}`);
  const learner = new Learner(page);
  await learner.heading().waitFor();
  return learner;
}

/** What every statement stream must satisfy: valid, no duplicate ids, one registration. */
function expectWellFormed(statements: Statement[]) {
  for (const s of statements) expect(xapiProblems(s), `${verbOf(s)} ${s.id}`).toEqual([]);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  expect(new Set(statements.map((s) => s.context?.registration)).size).toBe(1);
}

describe('SCORM 1.2 package reporting to a real LRS', () => {
  it('sends one valid statement per learning event, initialized first and terminated last', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const learner = await launch(page, 'f-503-0389-scorm12.zip', 'scorm12');
    const course = await learner.course();
    const outcome = course.outcomes[0]!;
    await learner.sco.locator(`nav a[href="#lesson:${outcome.lessons[0]!.id}"]`).click();
    const answered = await learner.takeCheck(course, outcome.number, new Set([0]));
    const cmi = await page.evaluate(() => (window as any).harness.data().cmi);
    await page.goto('about:blank'); // the learner closes the package

    const agent = { account: { homePage: env.server.url, name: 'learner-1' } };
    const statements = await waitForVerb(env.lrs, agent, 'terminated');
    expectWellFormed(statements);
    const verbs = statements.map(verbOf);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((v) => v === 'experienced')).toHaveLength(1);
    expect(verbs.filter((v) => v === 'suspended')).toHaveLength(1);

    // One answered statement per question, with the learner's response as the LMS recorded it
    // (a practice contact's case note is one more, not marked, and an unmarked interaction).
    const answers = statements.filter((s) => verbOf(s) === 'answered' && (s.object as any).definition.interactionType !== 'long-fill-in');
    expect(answers.map((s) => (s.object as { id: string }).id.split('/').pop())).toEqual(answered.map((a) => a.id));
    const interactions = (Object.values(cmi.interactions) as any[]).filter((i) => i.result !== 'neutral');
    answers.forEach((s, k) => {
      const def = (s.object as any).definition;
      expect(def.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
      expect(def.interactionType).toBe(interactions[k].type === 'sequencing' ? 'sequencing' : interactions[k].type);
      expect(def.correctResponsesPattern.length).toBeGreaterThan(0);
      expect(s.result!.success).toBe(answered[k]!.right);
      const criteria = s.context!.contextActivities!.grouping!.map((a) => a.id).filter((id) => id.includes('/criteria/'));
      expect(criteria.length).toBeGreaterThan(0);
    });

    // passed or failed on every criterion of the outcome, with its scaled score.
    const judged = statements.filter((s) => ['passed', 'failed'].includes(verbOf(s)) && (s.object as { id: string }).id.includes('/criteria/'));
    expect(judged.map((s) => (s.object as { id: string }).id.split('/').pop()).sort()).toEqual(outcome.criteria.map((c) => c.code).sort());
    for (const s of judged) {
      expect(s.result!.score!.scaled).toBeGreaterThanOrEqual(0);
      expect(s.result!.success).toBe(verbOf(s) === 'passed');
    }
    await context.close();
  });
});

describe('cmi5 package launched by a cmi5 LMS', () => {
  it('follows the launch sequence and the statement rules through to completed, passed and terminated', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const learner = await launch(page, 'a-500-7158-cmi5.zip', 'cmi5');
    const course = await learner.course();
    const registration = await page.evaluate(() => (window as any).harness.config.registration as string);
    for (const o of course.outcomes) await learner.takeCheck(course, o.number);
    await learner.sco.locator('header button', { hasText: 'Exit' }).click();
    await page.frameLocator('#sco').locator('h1', { hasText: 'Back in the learning platform' }).waitFor();

    const statements = (await waitForVerb(env.lrs, env.server.cmi5.learner, 'terminated')).filter((s) => s.context?.registration === registration);
    expectWellFormed(statements);
    const verbs = statements.map(verbOf);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
    const unitJudgements = statements.filter((s) => ['passed', 'failed'].includes(verbOf(s)) && !(s.object as { id: string }).id.includes('/criteria/'));
    expect(unitJudgements.map(verbOf)).toEqual(['passed']);
    const auId = `${course.settings.baseIri}/units/a-500-7158/au`;
    const sessionId = statements[0]!.context!.extensions![CMI5.sessionId];
    expect(sessionId).toBeTruthy();
    for (const s of statements) {
      expect(s.context!.extensions![CMI5.sessionId]).toBe(sessionId); // the context template in every statement
      const categories = (s.context!.contextActivities!.category ?? []).map((a) => a.id);
      const defined = ['initialized', 'completed', 'terminated'].includes(verbOf(s)) || unitJudgements.includes(s);
      if (defined) {
        expect((s.object as { id: string }).id).toBe(auId);
        expect(categories).toContain(CMI5.category);
      } else expect(categories).not.toContain(CMI5.category);
    }
    const passed = unitJudgements[0]!;
    expect(passed.result!.score!.scaled).toBeGreaterThanOrEqual(0.8);
    expect(passed.context!.contextActivities!.category!.map((a) => a.id)).toContain(CMI5.moveOn);
    expect(passed.result!.duration).toMatch(/^PT/);
    // The learner's state went to the State API, so a relaunch resumes.
    expect(env.server.cmi5.stateDocument(auId, registration, `${course.settings.baseIri}/units/a-500-7158/learner-state`)).toContain('suspendData');
    await context.close();
  });
});

describe('a cmi5 launch page', () => {
  it('begins the session before the player runs: the chunk it loads first names the unit’s state and imports nothing of the player', () => {
    const files = unzipSync(readFileSync(join(TEST_DIST, 'packages', 'a-500-7158-cmi5.zip')));
    const page = strFromU8(files['index.html']!);
    expect(page).toContain('<meta name="ccl-cmi5-state" content="https://w3id.org/contact-centre-learning/units/a-500-7158/learner-state">');
    expect(page.indexOf('<script type="module" async src="player-launch.js">')).toBeGreaterThan(0);
    expect(page.indexOf('player-launch.js')).toBeLessThan(page.indexOf('src="player.js"'));
    // What it imports, and what they import in turn: never player.js, which runs only once the page is parsed.
    const importsOf = (name: string): string[] => [...strFromU8(files[name]!).matchAll(/(?:from|import)\s*["']\.\/(player[\w-]*\.js)["']/g)].map((m) => m[1]!);
    const reached = new Set<string>();
    const walk = (name: string) => importsOf(name).forEach((dep) => !reached.has(dep) && (reached.add(dep), walk(dep)));
    walk('player-launch.js');
    expect(reached.has('player.js')).toBe(false);
    expect(strFromU8(files['player-launch.js']!)).toContain('ccl-cmi5-state');
  });
});

describe('when the LRS goes away mid-session', () => {
  it('keeps every statement through an outage and a reload, and delivers each exactly once', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    let learner = await launch(page, 'j-503-0426-scorm2004.zip', 'scorm2004');
    const course = await learner.course();
    env.server.setLrsReachable(false);
    const first = await learner.takeCheck(course, course.outcomes[0]!.number, new Set([1]));
    await page.goto('about:blank'); // closed while the LRS is unreachable
    learner = await launch(page, 'j-503-0426-scorm2004.zip', 'scorm2004'); // reopened, still unreachable
    await learner.openCheck(course.outcomes[1]!.number);
    env.server.setLrsReachable(true);
    // The learner works on (a lesson opened): what waited goes out behind it, before they close.
    await learner.sco.locator(`nav a[href="#lesson:${course.outcomes[1]!.lessons[0]!.id}"]`).click();
    const agentOf = { account: { homePage: env.server.url, name: 'learner-1' } };
    await expect
      .poll(async () => (await statementsFor(env.lrs, agentOf)).filter((s) => verbOf(s) === 'experienced' && s.object && (s.object as { id: string }).id.endsWith(course.outcomes[1]!.lessons[0]!.id)).length, { timeout: 20000 })
      .toBe(1);
    await page.goto('about:blank');

    const agent = { account: { homePage: env.server.url, name: 'learner-1' } };
    const ofThisUnit = (all: Statement[]) => all.filter((s) => s.context?.contextActivities?.grouping?.some((a) => a.id.endsWith('/units/j-503-0426')));
    let statements: Statement[] = [];
    for (let i = 0; i < 120; i++) {
      statements = ofThisUnit(await statementsFor(env.lrs, agent));
      if (statements.filter((s) => verbOf(s) === 'terminated' && s.context?.registration).length >= 2) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // Answers (a case note, answered but not marked, aside).
    const isAnswer = (s: Statement) => verbOf(s) === 'answered' && (s.object as any).definition.interactionType !== 'long-fill-in';
    const answeredIds = statements.filter(isAnswer).map((s) => s.id);
    record({
      faultsInjected: 2,
      statementsLost: Math.max(0, first.length - answeredIds.length),
      statementsDuplicated: statements.length - new Set(statements.map((s) => s.id)).size,
    });
    expectWellFormed(statements);
    const verbs = statements.map(verbOf);
    expect(answeredIds).toHaveLength(first.length);
    expect(verbs.filter((v) => v === 'terminated')).toHaveLength(2);
    expect(verbs.filter((v) => v === 'initialized' || v === 'resumed')).toHaveLength(2);
    await context.close();
  });
});
