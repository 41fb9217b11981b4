import type { CourseData } from './course-data.js';
import { LocalTracker } from './local-tracker.js';
import { findScorm12, findScorm2004 } from './scorm-api.js';
import { scorm12, scorm2004 } from './scorm-dialects.js';
import { ScormTracker } from './scorm-tracker.js';
import type { Tracker } from './tracker.js';
import { TrackerWithFallback } from './tracker-with-fallback.js';
import { readCmi5Launch, readXapiLaunch } from './launch-params.js';

/**
 * Picks how progress is reported for this launch. A cmi5 package reports through cmi5; a SCORM
 * package through the SCORM API it finds (its own version first), and also to an LRS when one
 * is given at launch or in the build configuration; with no LMS, progress stays in the browser.
 * The xAPI code is loaded only for launches that report to an LRS.
 */
export async function createTracker(course: CourseData, standard: string | null, win: Window = window): Promise<Tracker> {
  const unitId = course.unit.id;
  if (standard === 'cmi5') {
    const launch = readCmi5Launch(win.location.search);
    if (!launch.ok) return new LocalTracker(unitId, undefined, `This unit was not launched by a cmi5 learning platform (${launch.problem}), so your progress is kept in this browser only.`);
    const { Cmi5Tracker } = await import('./xapi/cmi5-tracker.js');
    return new TrackerWithFallback(
      new Cmi5Tracker(course, launch.value),
      () => new LocalTracker(unitId),
      () => 'Your learning platform could not be reached, so your progress is kept in this browser only. Close the unit and open it again to retry.',
    );
  }
  let primary: Tracker = new LocalTracker(unitId);
  const order = standard === 'scorm12' ? ['scorm12', 'scorm2004'] : ['scorm2004', 'scorm12'];
  for (const s of order) {
    const api = s === 'scorm12' ? findScorm12(win) : findScorm2004(win);
    if (api) {
      primary = new ScormTracker(api, s === 'scorm12' ? scorm12 : scorm2004);
      break;
    }
  }
  const lrs = readXapiLaunch(win.location.search, course.settings.lrs);
  if (!lrs) return primary;
  if (!lrs.ok) return withNotice(primary, `Learning record store settings were ignored: ${lrs.problem}. Your progress is still saved as usual.`);
  const { TrackerWithStatements } = await import('./xapi/tracker-with-statements.js');
  return new TrackerWithStatements(primary, course, lrs.value, win.location.origin);
}

function withNotice(tracker: Tracker, notice: string): Tracker {
  const start = tracker.start.bind(tracker);
  tracker.start = async () => ({ ...(await start()), notice });
  return tracker;
}
