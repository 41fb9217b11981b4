import type { CourseData } from './course-data.js';

/** Where the learner is in the unit. Saved as text (see formatLocation) in the LMS's location and the saved state. */
export type Location =
  | { page: 'home' }
  | { page: 'assessment' }
  | { page: 'progress' }
  | { page: 'evidence' }
  | { page: 'lesson'; lesson: string }
  | { page: 'check'; outcome: number }
  | { page: 'results'; outcome: number };

export const HOME: Location = { page: 'home' };

/** "home", "assessment", "progress", "evidence", "lesson:<id>", "check:<n>", "results:<n>". */
export function formatLocation(l: Location): string {
  switch (l.page) {
    case 'lesson':
      return `lesson:${l.lesson}`;
    case 'check':
    case 'results':
      return `${l.page}:${l.outcome}`;
    default:
      return l.page;
  }
}

/** Reads a saved location; anything that is not a place in this course is the home page. */
export function parseLocation(course: CourseData, text: string): Location {
  const [page, arg = ''] = text.split(/:(.*)/s) as [string, string?];
  if (page === 'home' || page === 'assessment' || page === 'progress' || page === 'evidence') return { page };
  if (page === 'lesson' && course.outcomes.some((o) => o.lessons.some((l) => l.id === arg))) return { page, lesson: arg };
  if ((page === 'check' || page === 'results') && /^\d+$/.test(arg) && course.outcomes.some((o) => o.number === Number(arg))) return { page, outcome: Number(arg) };
  return HOME;
}

export const sameLocation = (a: Location, b: Location): boolean => formatLocation(a) === formatLocation(b);
