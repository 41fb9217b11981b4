import type { CourseData } from './course-data.js';
import { initialState, mergeStates, stateFromScores, type LearnerState } from './learner-state.js';
import { decodeState } from './state-codec.js';
import { objectiveId, type LaunchData } from '../tracker.js';

/**
 * The learner's state at launch, from everything that holds part of it: the state the LMS kept,
 * a copy this browser kept of a state the LMS never confirmed, and, when the LMS handed back no
 * state, the criterion scores it still holds. Nothing any of them holds is lost. `fresh` is true
 * when there was nothing at all; `merged` when the state is more than the LMS's own saved state
 * (so the LMS should be told again).
 */
export function restoreState(course: CourseData, launch: LaunchData): { state: LearnerState; fresh: boolean; merged: boolean } {
  const fromLms = decodeState(course, launch.suspendData);
  const sources = [
    launch.earnedScores && !fromLms ? stateFromScores(course, launch.earnedScores, objectiveId) : null,
    fromLms,
    decodeState(course, launch.unsavedState),
  ].filter((s): s is LearnerState => s !== null);
  if (sources.length === 0) return { state: initialState(course), fresh: true, merged: false };
  const state = sources.reduce((older, newer) => mergeStates(older, newer));
  return { state, fresh: false, merged: sources.length > 1 || !fromLms };
}
