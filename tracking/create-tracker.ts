import type { CourseData } from './learner-model/course-data.js';
import { LocalTracker } from './local-tracker.js';
import { findScorm12, findScorm2004 } from './scorm/scorm-api.js';
import { scorm12, scorm2004 } from './scorm/scorm-dialects.js';
import { ScormTracker } from './scorm/scorm-tracker.js';
import type { LaunchNotice, Tracker } from './tracker.js';
import { TrackerWithBackup } from './tracker-with-backup.js';
import { TrackerWithFallback } from './tracker-with-fallback.js';
import { readCmi5Launch, readXapiLaunch } from './launch-params.js';

/**
 * Picks how progress is reported for this launch. A cmi5 package reports through cmi5; a SCORM
 * package through the SCORM API it finds (its own version first), and also to an LRS when one
 * is given at launch or in the build configuration; with no LMS, progress stays in the browser.
 * The xAPI code is loaded only for launches that report to an LRS. A launch whose parameters
 * cannot be used comes with a notice for the learner.
 */
export async function createTracker(
  course: CourseData,
  standard: string | null,
  win: Window = window,
): Promise<{ tracker: Tracker; notice?: LaunchNotice }> {
  const unitId = course.unit.id;
  if (standard === 'cmi5') {
    const launch = readCmi5Launch(win.location.search);
    if (!launch.ok) return { tracker: new LocalTracker(unitId), notice: { kind: 'not-cmi5', detail: launch.problem } };
    const { Cmi5Tracker } = await import('./xapi/cmi5-tracker.js');
    return { tracker: new TrackerWithFallback(new TrackerWithBackup(new Cmi5Tracker(course, launch.value), unitId), () => new LocalTracker(unitId)) };
  }
  let primary: Tracker = new LocalTracker(unitId);
  const order = standard === 'scorm12' ? ['scorm12', 'scorm2004'] : ['scorm2004', 'scorm12'];
  for (const s of order) {
    const api = s === 'scorm12' ? findScorm12(win) : findScorm2004(win);
    if (api) {
      primary = new TrackerWithBackup(new ScormTracker(api, s === 'scorm12' ? scorm12 : scorm2004), unitId);
      break;
    }
  }
  const lrs = readXapiLaunch(win.location.search, course.settings.lrs);
  if (!lrs) return { tracker: primary };
  if (!lrs.ok) return { tracker: primary, notice: { kind: 'lrs-settings-ignored', detail: lrs.problem } };
  const { TrackerWithStatements } = await import('./xapi/tracker-with-statements.js');
  return { tracker: new TrackerWithStatements(primary, course, lrs.value, win.location.origin) };
}
