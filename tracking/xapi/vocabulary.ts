import type { CourseData } from '../learner-model/course-data.js';

const adl = (v: string) => `http://adlnet.gov/expapi/verbs/${v}`;

/** xAPI verbs this project uses (ADL vocabulary, as cmi5 requires for its defined statements). */
export const VERBS = {
  initialized: adl('initialized'),
  resumed: adl('resumed'),
  suspended: adl('suspended'),
  terminated: adl('terminated'),
  experienced: adl('experienced'),
  answered: adl('answered'),
  completed: adl('completed'),
  passed: adl('passed'),
  failed: adl('failed'),
} as const;
export type VerbName = keyof typeof VERBS;

const activityType = (t: string) => `http://adlnet.gov/expapi/activities/${t}`;
export const ACTIVITY_TYPES = {
  course: activityType('course'),
  module: activityType('module'),
  objective: activityType('objective'),
  lesson: activityType('lesson'),
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction' as const,
} as const;

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
} as const;

/** Stable activity IRIs, all under the build's base IRI; they never change between builds. */
export function activityIris(course: CourseData) {
  const unit = `${course.settings.baseIri}/units/${course.unit.id}`;
  return {
    unit,
    outcome: (n: number) => `${unit}/outcomes/${n}`,
    criterion: (code: string) => `${unit}/criteria/${code}`,
    lesson: (id: string) => `${unit}/lessons/${id}`,
    question: (outcome: number, id: string) => `${unit}/outcomes/${outcome}/questions/${id}`,
    /** The cmi5 AU (one per unit). */
    au: `${unit}/au`,
    /** State API document holding the learner's saved state in cmi5. */
    stateId: `${unit}/learner-state`,
    /** Context extension: when a statement re-issued in a later session was first made. */
    originalTimestamp: `${course.settings.baseIri}/extensions/original-timestamp`,
  };
}
