import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { objectiveId } from '../../tracking/tracker.js';
import { xmlEscape as x } from './xml.js';

export interface ManifestInput {
  course: CourseData;
  /** Every file in the package, relative to its root (the manifest excluded). */
  files: string[];
}

const identifier = (course: CourseData) => `contact-centre-learning.${course.unit.id}`;
const title = (course: CourseData) => `${course.unit.title} (${course.unit.reference})`;
const fileList = (files: string[]) => files.map((f) => `      <file href="${x(f)}"/>`).join('\n');

/** imsmanifest.xml for SCORM 1.2: one SCO, mastery score from the pass mark. */
export function scorm12Manifest({ course, files }: ManifestInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${x(identifier(course))}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${x(title(course))}</title>
      <item identifier="unit" identifierref="sco" isvisible="true">
        <title>${x(course.unit.title)}</title>
        <adlcp:masteryscore>${course.settings.passMark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * imsmanifest.xml for SCORM 2004 4th edition: one SCO; the primary objective satisfied by the
 * unit score at the pass mark; one objective per criterion, each with the same threshold.
 */
export function scorm2004Manifest({ course, files }: ManifestInput): string {
  const threshold = (course.settings.passMark / 100).toFixed(2);
  const criteria = course.outcomes
    .flatMap((o) => o.criteria)
    .map(
      (c) => `            <imsss:objective objectiveID="${x(objectiveId(c.code))}" satisfiedByMeasure="false">
              <imsss:minNormalizedMeasure>${threshold}</imsss:minNormalizedMeasure>
            </imsss:objective>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${x(identifier(course))}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${x(title(course))}</title>
      <item identifier="unit" identifierref="sco">
        <title>${x(course.unit.title)}</title>
        <adlcp:completionThreshold completedByMeasure="false" minProgressMeasure="1.0"/>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="unit" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${threshold}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
${criteria}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}
