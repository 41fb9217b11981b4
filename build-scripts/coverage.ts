/**
 * Per unit and criterion: words of lesson text, number of questions, and how many of its choice
 * questions give the answer away by form (the right option the longest or the only hedged one).
 * Usage: npm run coverage [-- --json] [-- --unit <id>]
 */
import { parseArgs } from 'node:util';
import { ContentError } from './content/content-error.js';
import { buildCourse } from './content/build-course.js';
import { giveAwaysByCriterion, rightAnswerLengthRanks } from './content/give-away.js';
import { listUnitIds, readUnitSources } from './content/load-unit.js';
import { DEFAULTS } from './options.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, unit: { type: 'string', multiple: true } } });
const root = process.cwd();
try {
  const units = (values.unit ?? listUnitIds(root)).map((id) => {
    const { data, coverage } = buildCourse(readUnitSources(root, id), DEFAULTS);
    const giveAways = giveAwaysByCriterion(data);
    const criteria = coverage.map((c) => {
      const g = giveAways.find((x) => x.code === c.code)!;
      return { ...c, choiceQuestions: g.choiceQuestions, giveAways: g.giveAways, giveAwayIds: g.ids };
    });
    const choice = criteria.reduce((n, c) => n + c.choiceQuestions, 0);
    const given = criteria.reduce((n, c) => n + c.giveAways, 0);
    const ranks = rightAnswerLengthRanks(data).shares.map((x) => Math.round(x * 100));
    return { id, reference: data.unit.reference, giveAwayRate: choice ? Math.round((100 * given) / choice) / 100 : 0, rightAnswerLengthRanks: ranks, criteria };
  });
  if (values.json) console.log(JSON.stringify({ units }));
  else
    for (const u of units) {
      console.log(
        `${u.id} (${u.reference}): give-away rate ${Math.round(u.giveAwayRate * 100)} % of choice questions; right single-choice answers by length rank (longest first): ${u.rightAnswerLengthRanks.join(' / ')} %`,
      );
      for (const c of u.criteria)
        console.log(
          `  ${c.code.padEnd(5)} ${String(c.lessonWords).padStart(5)} words  ${String(c.questions).padStart(3)} questions  give-aways ${c.giveAways}/${c.choiceQuestions}${c.giveAways ? ` (${c.giveAwayIds.join(', ')})` : ''}`,
        );
    }
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
