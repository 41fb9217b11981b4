import type { CourseData } from './learner-model/course-data.js';
import { findScorm12, findScorm2004 } from './scorm/scorm-api.js';
import { scorm12, scorm2004 } from './scorm/scorm-dialects.js';
import { ScormTracker } from './scorm/scorm-tracker.js';
import type { LaunchNotice, Tracker } from './tracker.js';
import { TrackerWithBackup } from './tracker-with-backup.js';

/**
 * Picks how progress is reported for this launch. A cmi5 package reports through cmi5; a SCORM
 * package through the SCORM API it finds (its own version first), and also to an LRS when one
 * is given at launch or in the build configuration; with no LMS, progress stays in the browser.
 * The xAPI code, and the code that reads launch parameters, load only for launches that have them. A launch whose parameters
 * cannot be used comes with a notice for the learner.
 */
export async function createTracker(
  course: CourseData,
  standard: string | null,
  win: Window = window,
): Promise<{ tracker: Tracker; notice?: LaunchNotice }> {
  const unitId = course.unit.id;
  // Progress kept in the browser only: without an LMS, or with a cmi5 LMS that will not answer.
  const local = async () => new (await import('./local-tracker.js')).LocalTracker(unitId);
  if (standard === 'cmi5') {
    // Loaded side by side; the browser-only tracker is loaded only if the LMS cannot be used.
    const [{ readCmi5Launch }, { Cmi5Tracker }, { TrackerWithFallback }] = await Promise.all([import('./launch-params.js'), import('./xapi/cmi5-tracker.js'), import('./tracker-with-fallback.js')]);
    const launch = readCmi5Launch(win.location.search);
    if (!launch.ok) return { tracker: await local(), notice: { kind: 'not-cmi5', detail: launch.problem } };
    return { tracker: new TrackerWithFallback(new TrackerWithBackup(new Cmi5Tracker(course, launch.value), unitId), local) };
  }
  let primary: Tracker | undefined;
  const order = standard === 'scorm12' ? ['scorm12', 'scorm2004'] : ['scorm2004', 'scorm12'];
  for (const s of order) {
    const api = s === 'scorm12' ? findScorm12(win) : findScorm2004(win);
    if (api) {
      primary = new TrackerWithBackup(new ScormTracker(api, s === 'scorm12' ? scorm12 : scorm2004), unitId);
      break;
    }
  }
  primary ??= await local();
  // The launch parameters are read only when there are some (or the build names an LRS): most SCORM launches have none.
  const search = new URLSearchParams(win.location.search);
  if (!course.settings.lrs && !['endpoint', 'auth', 'actor'].some((p) => search.has(p))) return { tracker: primary };
  const { readXapiLaunch } = await import('./launch-params.js');
  const lrs = readXapiLaunch(win.location.search, course.settings.lrs);
  if (!lrs) return { tracker: primary };
  if (!lrs.ok) return { tracker: primary, notice: { kind: 'lrs-settings-ignored', detail: lrs.problem } };
  const { TrackerWithStatements } = await import('./xapi/tracker-with-statements.js');
  return { tracker: new TrackerWithStatements(primary, course, lrs.value, win.location.origin) };
}
