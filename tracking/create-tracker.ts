import { LocalTracker } from './local-tracker.js';
import { findScorm12, findScorm2004 } from './scorm-api.js';
import { scorm12, scorm2004 } from './scorm-dialects.js';
import { ScormTracker } from './scorm-tracker.js';
import type { Tracker } from './tracker.js';

/**
 * Picks the tracker for how the package was launched: the standard it was built for first
 * (`preferred`, from the launch page), then the other SCORM version, then local storage.
 */
export function createTracker(unitId: string, preferred: string | null, win: Window = window): Tracker {
  const order = preferred === 'scorm12' ? ['scorm12', 'scorm2004'] : ['scorm2004', 'scorm12'];
  for (const standard of order) {
    const api = standard === 'scorm12' ? findScorm12(win) : findScorm2004(win);
    if (api) return new ScormTracker(api, standard === 'scorm12' ? scorm12 : scorm2004);
  }
  return new LocalTracker(unitId);
}
