/**
 * Per unit and criterion: words of lesson text and number of questions.
 * Usage: npm run coverage [-- --json] [-- --unit <id>]
 */
import { parseArgs } from 'node:util';
import { ContentError } from './content/content-error.js';
import { buildCourse } from './content/build-course.js';
import { listUnitIds, readUnitSources } from './content/load-unit.js';
import { DEFAULTS } from './options.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, unit: { type: 'string', multiple: true } } });
const root = process.cwd();
try {
  const units = (values.unit ?? listUnitIds(root)).map((id) => {
    const { data, coverage } = buildCourse(readUnitSources(root, id), DEFAULTS);
    return { id, reference: data.unit.reference, criteria: coverage };
  });
  if (values.json) console.log(JSON.stringify({ units }));
  else
    for (const u of units) {
      console.log(`${u.id} (${u.reference})`);
      for (const c of u.criteria) console.log(`  ${c.code.padEnd(5)} ${String(c.lessonWords).padStart(5)} words  ${String(c.questions).padStart(3)} questions`);
    }
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
