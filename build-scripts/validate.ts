/**
 * Validates unit content and prints every problem with its file and line.
 * Usage: npm run validate [-- --unit <id> ...]
 */
import { parseArgs } from 'node:util';
import { ContentError } from './content/content-error.js';
import { listUnitIds, readUnitSources } from './content/load-unit.js';
import { buildCourse } from './content/build-course.js';
import { DEFAULTS } from './options.js';

const root = process.cwd();
const { values } = parseArgs({ options: { unit: { type: 'string', multiple: true } } });
const units = values.unit ?? listUnitIds(root);
let failed = 0;
for (const id of units) {
  try {
    const built = buildCourse(readUnitSources(root, id), { ...DEFAULTS });
    const q = built.data.outcomes.reduce((n, o) => n + o.questions.length, 0);
    console.log(`${id}: valid (${built.data.outcomes.length} outcomes, ${built.coverage.length} criteria, ${q} questions)`);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    failed++;
    console.error(`${id}: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}\n${e.message}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
