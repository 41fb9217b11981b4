import type { CourseData } from './course-data.js';

/** Where the learner is in the unit. Saved as text (see formatLocation) in the LMS's location and the saved state. */
export type Location =
  | { page: 'home' }
  | { page: 'assessment' }
  | { page: 'progress' }
  | { page: 'evidence' }
  | { page: 'lesson'; lesson: string }
  /** `feedback`: the position whose answer's feedback is on screen (so a relaunch shows it again). */
  | { page: 'check'; outcome: number; feedback?: number }
  | { page: 'results'; outcome: number };

export const HOME: Location = { page: 'home' };

/** "home", "assessment", "progress", "evidence", "lesson:<id>", "check:<n>" (or "check:<n>:<position>"), "results:<n>". */
export function formatLocation(l: Location): string {
  switch (l.page) {
    case 'lesson':
      return `lesson:${l.lesson}`;
    case 'check':
      return l.feedback !== undefined ? `check:${l.outcome}:${l.feedback}` : `check:${l.outcome}`;
    case 'results':
      return `results:${l.outcome}`;
    default:
      return l.page;
  }
}

/** Reads a saved location; anything that is not a place in this course is the home page. */
export function parseLocation(course: CourseData, text: string): Location {
  const [page, arg = ''] = text.split(/:(.*)/s) as [string, string?];
  if (page === 'home' || page === 'assessment' || page === 'progress' || page === 'evidence') return { page };
  if (page === 'lesson' && course.outcomes.some((o) => o.lessons.some((l) => l.id === arg))) return { page, lesson: arg };
  const [n = '', at] = arg.split(':');
  if ((page === 'check' || page === 'results') && /^\d+$/.test(n) && course.outcomes.some((o) => o.number === Number(n))) {
    if (page === 'check' && at !== undefined && /^\d{1,3}$/.test(at)) return { page, outcome: Number(n), feedback: Number(at) };
    return { page, outcome: Number(n) };
  }
  return HOME;
}

/** The same page (a check is one page whichever answer's feedback is open). */
export const sameLocation = (a: Location, b: Location): boolean => formatLocation(page(a)) === formatLocation(page(b));
const page = (l: Location): Location => (l.page === 'check' ? { page: 'check', outcome: l.outcome } : l);
