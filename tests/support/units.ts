import { buildCourse } from '../../build-scripts/content/build-course.js';
import { listUnitIds, readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';

/** Every real unit in modules/, rendered with the default settings. */
export function loadAllCourses(): CourseData[] {
  const root = process.cwd();
  const only = process.env.TEST_UNITS?.split(',');
  return listUnitIds(root)
    .filter((id) => !only || only.includes(id))
    .map((id) => buildCourse(readUnitSources(root, id), DEFAULTS).data);
}
