import { describe, expect, it } from 'vitest';
import { scorm12Manifest, scorm2004Manifest } from '../../build-scripts/package/scorm-manifests.js';
import { validateAgainst } from '../support/schemas.js';
import { loadAllCourses } from '../support/units.js';

const courses = loadAllCourses();
const files = ['index.html', 'player.js'];

describe('SCORM manifests', () => {
  it.each(courses.map((c) => [c.unit.id, c] as const))('%s: SCORM 1.2 manifest is valid and carries the title and mastery score', async (_, course) => {
    const xml = scorm12Manifest({ course, files });
    expect(await validateAgainst('scorm12-validate.xsd', xml)).toEqual([]);
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain(`<title>${course.unit.title.replace(/&/g, '&amp;')}</title>`);
    expect(xml).toContain(`<adlcp:masteryscore>${course.settings.passMark}</adlcp:masteryscore>`);
  });

  it.each(courses.map((c) => [c.unit.id, c] as const))('%s: SCORM 2004 manifest is valid and declares one objective per criterion', async (_, course) => {
    const xml = scorm2004Manifest({ course, files });
    expect(await validateAgainst('scorm2004-4th-validate.xsd', xml)).toEqual([]);
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    const codes = course.outcomes.flatMap((o) => o.criteria.map((c) => c.code));
    const declared = [...xml.matchAll(/<imsss:objective objectiveID="criterion-([^"]+)"/g)].map((m) => m[1]);
    expect(declared).toEqual(codes);
    // Every objective carries the pass threshold (one without it is read as 1.0).
    expect(xml.match(/<imsss:minNormalizedMeasure>0\.80<\/imsss:minNormalizedMeasure>/g)).toHaveLength(codes.length + 1);
  });

  it('the schema check really rejects a broken manifest', async () => {
    const xml = scorm2004Manifest({ course: courses[0]!, files }).replace('adlcp:scormType="sco"', 'adlcp:scormType="bogus"');
    expect((await validateAgainst('scorm2004-4th-validate.xsd', xml)).length).toBeGreaterThan(0);
  });

  it('escapes titles that contain XML special characters', async () => {
    const course = { ...courses[0]!, unit: { ...courses[0]!.unit, title: 'Care & <service> "quoted"' } };
    const xml = scorm12Manifest({ course, files });
    expect(xml).toContain('<title>Care &amp; &lt;service&gt; &quot;quoted&quot;</title>');
    expect(await validateAgainst('scorm12-validate.xsd', xml)).toEqual([]);
  });
});
