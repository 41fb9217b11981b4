import { buildCourse } from '../../build-scripts/content/build-course.js';
import { listUnitIds, readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';

/** Every real unit in modules/ (or those TEST_UNITS names; `null`: every unit whatever it says), rendered with the default settings. */
export function loadAllCourses(only: string[] | null | undefined = process.env.TEST_UNITS?.split(',')): CourseData[] {
  const root = process.cwd();
  return listUnitIds(root)
    .filter((id) => !only || only.includes(id))
    .map((id) => buildCourse(readUnitSources(root, id), DEFAULTS).data);
}
