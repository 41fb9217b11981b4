/**
 * SCORM acceptance in a real Moodle 4.5.6 (../shared/moodle): every unit's SCORM 1.2 and 2004
 * package imported with Moodle's own code, a student working through it in Chromium inside
 * Moodle's player, leaving the way learners do (going to another page, closing the tab), coming
 * back, and what Moodle stored read from its database. Moodle is stood up once for the file; each
 * scenario works on its own activity or resets its attempts first.
 */
import { questionsPerCriterion } from '../../tracking/learner-model/learner-state.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../build-scripts/preview/browser.js';
import type { CourseData, LessonData } from '../../tracking/learner-model/course-data.js';
import { TEST_DIST } from '../support/global-setup.js';
import { Learner } from '../support/learner.js';
import { startMoodle, type ImportedPackage, type MoodleSite } from '../support/moodle.js';
import { MoodleLearnerSession, describeCall, loggedLength, refusedCalls, type LeaveReport, type ScormApiCall } from '../support/moodle-learner-session.js';
import {
  ELEMENTS,
  ExpectedProgress,
  changedTracks,
  dottedTracks,
  interactionProblems,
  objectiveProblems,
  primaryObjectiveProblems,
  show,
  stored2004,
  storedSlots,
  type ScormVersion,
} from '../support/moodle-tracks.js';

const PACKAGES_DIR = join(TEST_DIST, 'packages');
const packages = readdirSync(PACKAGES_DIR).filter((f) => /-scorm(12|2004)\.zip$/.test(f)).sort();
const LARGEST_UNIT = 'dn8j-11';
/** SCORM 1.2's suspend_data limit when the site keeps to the standard (scorm | scormstandard on). */
const SCORM12_STRICT_SUSPEND_DATA = 4096;

const fileStarted = Date.now();
let site: MoodleSite;
let browser: Browser;
let session: MoodleLearnerSession;
const activities = new Map<string, ImportedPackage>();

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const versionOf = (pkg: string): ScormVersion => (pkg.includes('scorm2004') ? '2004' : '1.2');

beforeAll(async () => {
  site = await startMoodle();
  console.log(`Moodle: setup ${seconds(site.timings.setupMs)} (${site.timings.reusedSite ? 'site kept from an earlier run' : 'installed from scratch'})`);
  for (const report of await site.importPackages(packages.map((p) => join(PACKAGES_DIR, p)))) activities.set(report.zip, report);
  console.log(`Moodle: imported ${packages.length} packages in ${seconds(site.timings.importMs ?? 0)}`);
  browser = await launchBrowser();
  session = await MoodleLearnerSession.logIn(browser, site);
}, 20 * 60_000);

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await site?.stop();
  console.log(`Moodle acceptance file: ${seconds(Date.now() - fileStarted)} in all`);
}, 180_000);

/** The review of answers on the results view: one line per answered question ("… Your answer: … Correct"), long ones shortened. */
async function reviewedAnswers(sco: FrameLocator): Promise<string[]> {
  const lines = await sco.locator('ccl-results ol.review > li').evaluateAll((lis) => lis.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()));
  return lines.map((l) => (l.length <= 140 ? l : `${l.slice(0, 60)} … ${l.slice(-70)}`));
}

async function openLesson(learner: Learner, lesson: LessonData): Promise<void> {
  const toggle = learner.sco.locator('button.contents-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await learner.sco.locator(`nav a[href="#lesson:${lesson.id}"]`).click();
  await expect.poll(() => learner.heading().textContent()).toBe(lesson.title);
}

/** Every write Moodle refused (element, call, error code), as one line each. */
function expectNoRefusedCalls(calls: ScormApiCall[], when: string): void {
  expect.soft(refusedCalls(calls).map(describeCall), `SCORM API calls Moodle refused ${when}`).toEqual([]);
}

/** Beacons Chromium refused while the page went away: their data never reached Moodle. */
function expectNoRefusedBeacons(left: LeaveReport, when: string): void {
  const refused = left.beacons.filter((b) => !b.queued).map((b) => `${b.call}'s beacon to ${new URL(b.url).pathname}: ${b.bytes} bytes, refused by Chromium (over 64 KiB)`);
  expect.soft(refused, `beacons ${when}`).toEqual([]);
}

/** The value the SCO read from an element in one launch (its first GetValue of it). */
function readValue(calls: ScormApiCall[], element: string): string | undefined {
  return calls.find((c) => /GetValue$/.test(c.fn) && c.args[0] === element)?.result;
}

const describeBeacons = (left: LeaveReport) =>
  `${left.beacons.map((b) => `${b.call} ${b.bytes} B${b.queued ? '' : ' REFUSED'}`).join(', ') || 'none'} (Moodle answered ${left.received})`;

/** The synchronous saves of a scenario: how many reached datamodel.php, and the largest body. */
function describeSaves(): string {
  const saves = session.datamodelRequests.filter((r) => !r.beacon);
  return `${saves.length} saves to datamodel.php, largest ${Math.max(0, ...saves.map((r) => r.bytes ?? 0))} B`;
}

/** The imported activity of a built package. */
function activity(pkg: string): ImportedPackage {
  const imported = activities.get(pkg);
  if (!imported) throw new Error(`${pkg} is not among the packages built into ${PACKAGES_DIR}`);
  return imported;
}

describe.each(packages)('%s in Moodle 4.5.6: half a unit, left by going to another Moodle page', (pkg) => {
  it('comes back to the same view with the answers kept, and Moodle stores criteria and interactions', async () => {
    const started = Date.now();
    const version = versionOf(pkg);
    const el = ELEMENTS[version];
    const { cmid } = activity(pkg);
    session.clearRecords();

    const first = await session.launch(cmid);
    const learner = new Learner(first.page, first.sco);
    const course: CourseData = await learner.course();
    const outcome = course.outcomes[0]!;
    await openLesson(learner, outcome.lessons[0]!);
    const expected = new ExpectedProgress(course);
    expected.recordCheck(outcome.number, await learner.takeCheck(course, outcome.number, new Set([0, 2])));
    const headingBefore = await learner.heading().textContent();
    const reviewBefore = await reviewedAnswers(first.sco);
    expect(reviewBefore).toHaveLength(expected.answers.length);

    const left = await session.navigateAway(first);
    expect.soft(left.terminated, `the SCO called ${el.terminate} as the page went away`).toBe(true);
    expectNoRefusedBeacons(left, 'on going to another page');
    // What Moodle holds once the learner has gone, before a relaunch can write anything.
    const stored = await site.dumpTracks(cmid);
    expect(stored.attempts, 'attempts Moodle stored').toHaveLength(1);
    const tracks = dottedTracks(stored.attempts[0]!.tracks);
    const again = await session.launch(cmid, first.page);
    const relaunch = session.callsOf(again.launch);
    const resumed = new Learner(again.page, again.sco);
    const gave = `Moodle gave ${el.entry}=${show(readValue(relaunch, el.entry))}, suspend_data of ${loggedLength(readValue(relaunch, 'cmi.suspend_data'))} characters`;
    expect.soft(await resumed.heading().textContent(), `view on relaunch (${gave})`).toBe(headingBefore);
    expect.soft(await reviewedAnswers(again.sco), `answers reviewed on relaunch (${gave})`).toEqual(reviewBefore);

    if (version === '1.2') {
      expect.soft(tracks['cmi.core.lesson_status'], 'cmi.core.lesson_status').toBe('incomplete');
    } else {
      expect.soft(stored2004(tracks, 'cmi.completion_status'), 'cmi.completion_status').toBe('incomplete');
      expect.soft(stored2004(tracks, 'cmi.success_status'), 'cmi.success_status').toBe('unknown');
    }
    expect.soft(tracks[el.scoreRaw], `${el.scoreRaw} (no score for a half-done unit)`).toBeUndefined();
    expect.soft(tracks[el.location], el.location).toBe(`results:${outcome.number}`);
    expect.soft(tracks[el.exit], el.exit).toBe('suspend');
    expect.soft(tracks[el.totalTime] ?? 'absent', `${el.totalTime} (Moodle adds session_time to it on ${el.terminate})`).toMatch(/[1-9]/);
    expect.soft(tracks['cmi.suspend_data'] ?? '', 'cmi.suspend_data').not.toBe('');
    expect.soft(objectiveProblems(expected, tracks, version), 'criterion objectives Moodle stored').toEqual([]);
    expect.soft(interactionProblems(expected, tracks, version), 'interactions Moodle stored').toEqual([]);
    expect.soft(stored.completion?.meaning ?? 'none', 'activity completion').not.toMatch(/^complete/);
    expect.soft(stored.grade?.finalgrade ?? null, 'gradebook grade of a half-done unit').toBeNull();

    const closed = await session.closeTab(again);
    expectNoRefusedBeacons(closed, 'on closing the relaunched tab');
    expectNoRefusedCalls(session.calls, 'in the whole scenario');
    expect.soft(session.foreignRequests, 'requests to hosts other than 127.0.0.1').toEqual([]);
    console.log(
      `${pkg}: half a unit ${seconds(Date.now() - started)}; ${expected.answers.length} answers; ${describeSaves()}; beacons on leaving: ${describeBeacons(left)}; ` +
        `${storedSlots(tracks, 'cmi.interactions').length} interactions stored`,
    );
  }, 180_000);
});

/**
 * The largest unit done whole in one sitting: every lesson, every knowledge check failed and
 * then retaken and passed; the learner closes the tab and comes back.
 */
async function wholeUnitLeftByClosingTheTab(pkg: string, options: { scormStandard: boolean }): Promise<void> {
  const started = Date.now();
  const version = versionOf(pkg);
  const el = ELEMENTS[version];
  const imported = activity(pkg);
  const { cmid } = imported;
  await site.resetAttempts(cmid);
  session.clearRecords();
  if (options.scormStandard) await site.setScormStandard(true);
  try {
    const first = await session.launch(cmid);
    const learner = new Learner(first.page, first.sco);
    const course = await learner.course();
    const expected = new ExpectedProgress(course);
    for (const outcome of course.outcomes) {
      for (const lesson of outcome.lessons) await openLesson(learner, lesson);
      // Half the answers wrong: the check is failed whatever the pass mark above 50.
      const asked = outcome.criteria.length * questionsPerCriterion(course.settings.passMark, course.settings.questionsPerCriterion);
      const failed = await learner.takeCheck(course, outcome.number, new Set(Array.from({ length: Math.ceil(asked / 2) }, (_, i) => i)));
      expected.recordCheck(outcome.number, failed);
      const firstScore = Math.round((100 * failed.filter((a) => a.right).length) / failed.length);
      expect(firstScore, `outcome ${outcome.number}'s first check is failed`).toBeLessThan(course.settings.passMark);
      expected.recordCheck(outcome.number, await learner.takeCheck(course, outcome.number));
    }
    const headingBefore = await learner.heading().textContent();
    const reviewBefore = await reviewedAnswers(first.sco);
    const workedMs = Date.now() - started;

    const left = await session.closeTab(first);
    expect.soft(left.terminated, `the SCO called ${el.terminate} as the tab closed`).toBe(true);
    const sitting = session.callsOf(first.launch);
    // Moodle sends Commit and Terminate on unload as beacons carrying its whole data model, which
    // Chromium refuses over 64 KiB: no SCO can prevent that. What counts is that nothing is lost;
    // the refusals are named in the messages of whatever was.
    const refusedOnClosing = refusedCalls(sitting.filter((c) => c.beaconMode)).map((c) => {
      const beacon = left.beacons.filter((b) => b.call === c.fn && b.seq < c.seq).at(-1);
      return `${c.fn}() → ${c.result}, error ${c.error}${beacon && !beacon.queued ? `, its beacon of ${beacon.bytes} bytes refused by Chromium` : ''}`;
    });
    const asClosing = refusedOnClosing.length ? `; as the tab closed: ${refusedOnClosing.join('; ')}` : '';
    // What Moodle holds once the learner has gone, before a relaunch can write anything.
    const stored = await site.dumpTracks(cmid);
    const again = await session.launch(cmid);
    const relaunch = session.callsOf(again.launch);
    const resumed = new Learner(again.page, again.sco);
    const entry = readValue(relaunch, el.entry);
    const gave = `Moodle gave ${el.entry}=${show(entry)}, suspend_data of ${loggedLength(readValue(relaunch, 'cmi.suspend_data'))} characters${asClosing}`;
    expect.soft(await resumed.heading().textContent(), `view on relaunch (${gave})`).toBe(headingBefore);
    expect.soft(await reviewedAnswers(again.sco), `answers reviewed on relaunch (${gave})`).toEqual(reviewBefore);
    expect.soft(entry, `${el.entry} on relaunch${asClosing}`).toBe('resume');

    expect(stored.attempts, 'attempts Moodle stored').toHaveLength(1);
    const tracks = dottedTracks(stored.attempts[0]!.tracks);
    const suspendData = tracks['cmi.suspend_data'] ?? '';
    expect.soft(suspendData, 'cmi.suspend_data').not.toBe('');
    if (options.scormStandard) expect.soft(suspendData.length, 'cmi.suspend_data length under scormstandard').toBeLessThanOrEqual(SCORM12_STRICT_SUSPEND_DATA);
    expect.soft(tracks[el.exit], `${el.exit} (Moodle resumes only from 'suspend')${asClosing}`).toBe('suspend');
    expect.soft(tracks[el.location], el.location).toBe(`results:${course.outcomes.at(-1)!.number}`);
    if (version === '1.2') {
      expect.soft(tracks['cmi.core.lesson_status'], 'cmi.core.lesson_status').toBe('passed');
    } else {
      expect.soft(stored2004(tracks, 'cmi.completion_status'), 'cmi.completion_status').toBe('completed');
      expect.soft(stored2004(tracks, 'cmi.success_status'), 'cmi.success_status').toBe('passed');
      expect.soft(tracks['cmi.score.scaled'], 'cmi.score.scaled').toBe('1');
      const primary = imported.seq_objectives?.find((o) => o[1] === '1')?.[0] ?? 'unit';
      expect.soft(primaryObjectiveProblems(primary, tracks, 100), 'the primary objective Moodle stored').toEqual([]);
    }
    expect.soft(tracks[el.scoreRaw], el.scoreRaw).toBe('100');
    expect.soft(objectiveProblems(expected, tracks, version), 'criterion objectives Moodle stored').toEqual([]);
    expect.soft(interactionProblems(expected, tracks, version), 'interactions Moodle stored').toEqual([]);
    expect.soft(Number(stored.grade?.finalgrade ?? NaN), 'gradebook grade').toBe(100);
    // Completion is "passed or completed" (import-scorm.php): Moodle says complete, or complete-pass where a pass grade counts.
    expect.soft(stored.completion?.meaning ?? 'none', 'activity completion').toMatch(/^complete(-pass)?$/);
    expectNoRefusedCalls(sitting.filter((c) => !c.beaconMode), 'while the page was open');

    // The unit is passed, so Moodle relaunches in review mode: the visit must leave what it stored as it was.
    const visit = await session.closeTab(again);
    const afterVisit = await site.dumpTracks(cmid);
    expect.soft(changedTracks(stored, afterVisit), `what relaunching and closing again changed in Moodle (mode ${show(readValue(relaunch, el.mode))})`).toEqual([]);
    const refusedInVisit = refusedCalls(session.callsOf(again.launch)).map(describeCall);
    expect.soft(session.foreignRequests, 'requests to hosts other than 127.0.0.1').toEqual([]);
    console.log(
      `${pkg}${options.scormStandard ? ' (scormstandard on)' : ''}: whole unit ${seconds(Date.now() - started)} (working ${seconds(workedMs)}); ` +
        `${expected.answers.length} answers, suspend_data ${suspendData.length} characters; ${describeSaves()}; beacons on closing: ${describeBeacons(left)}; ` +
        `${el.totalTime} ${show(tracks[el.totalTime])}; ` +
        `${storedSlots(tracks, 'cmi.interactions').length} interactions stored; closing the relaunched tab: beacons ${describeBeacons(visit)}` +
        (refusedInVisit.length ? `, refused: ${refusedInVisit.join('; ')}` : ''),
    );
  } finally {
    if (options.scormStandard) await site.setScormStandard(false);
  }
}

describe(`${LARGEST_UNIT} in Moodle 4.5.6: every lesson and every check in one sitting, left by closing the tab`, () => {
  it('SCORM 2004: resumes where the learner was with nothing lost, graded 100 and complete', () =>
    wholeUnitLeftByClosingTheTab(`${LARGEST_UNIT}-scorm2004.zip`, { scormStandard: false }), 600_000);
  it('SCORM 1.2: resumes where the learner was with nothing lost, graded 100 and complete', () =>
    wholeUnitLeftByClosingTheTab(`${LARGEST_UNIT}-scorm12.zip`, { scormStandard: false }), 600_000);
  it('SCORM 1.2 with scormstandard on (4,096-character suspend_data): the same', () =>
    wholeUnitLeftByClosingTheTab(`${LARGEST_UNIT}-scorm12.zip`, { scormStandard: true }), 600_000);
});
