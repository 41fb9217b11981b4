import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { activityIris } from '../../tracking/xapi/vocabulary.js';
import { xmlEscape as x } from './xml.js';

const langstring = (s: string) => `<langstring lang="en-GB">${x(s)}</langstring>`;

/**
 * cmi5.xml: the unit as one course with one AU (one AU per unit, like one SCO per unit: the
 * unit's pass rule spans its outcomes), the criteria as objectives, moveOn CompletedAndPassed and
 * masteryScore from the pass mark.
 */
export function cmi5CourseStructure({ course }: { course: CourseData }): string {
  const iris = activityIris(course);
  const criteria = course.outcomes.flatMap((o) => o.criteria);
  const objectives = criteria
    .map(
      (c) => `    <objective id="${x(iris.criterion(c.code))}">
      <title>${langstring(`${c.code} ${c.text}`)}</title>
      <description>${langstring(c.text)}</description>
    </objective>`,
    )
    .join('\n');
  const refs = criteria.map((c) => `      <objective idref="${x(iris.criterion(c.code))}"/>`).join('\n');
  const u = course.unit;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${x(iris.unit)}">
    <title>${langstring(`${u.title} (${u.reference})`)}</title>
    <description>${langstring(u.purpose)}</description>
  </course>
  <objectives>
${objectives}
  </objectives>
  <au id="${x(iris.au)}" moveOn="CompletedAndPassed" masteryScore="${(course.settings.passMark / 100).toFixed(2)}" launchMethod="AnyWindow">
    <title>${langstring(u.title)}</title>
    <description>${langstring(`${u.awardingBody} ${u.reference}: teaching and knowledge checks for every ${u.terms.outcome.toLowerCase()}`)}</description>
    <objectives>
${refs}
    </objectives>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}
