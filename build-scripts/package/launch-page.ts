import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { xmlEscape } from './xml.js';

/**
 * JSON that is safe inside a <script type="application/json"> element. Only "</" (which could
 * close the element) and "<!" (which could open a comment the parser then looks for "-->" in) can
 * end script data early, so only that "<" is escaped: the lesson HTML in the JSON stays its size.
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value).replace(/<(?=[/!])/g, '\\u003c');
}

/**
 * The package's launch page: the player script and the unit's course data as an inert JSON
 * block. No inline script or style, so it runs under a strict Content-Security-Policy. Chunks the
 * launch will certainly need (the xAPI code, for cmi5) are preloaded alongside the player.
 */
export function launchPage(course: CourseData, standard: string, preload: string[] = []): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ccl-standard" content="${xmlEscape(standard)}">
<title>${xmlEscape(course.unit.title)}</title>
<script type="module" src="player.js"></script>
${preload.map((f) => `<link rel="modulepreload" href="${xmlEscape(f)}">\n`).join('')}
</head>
<body>
<ccl-player></ccl-player>
<script type="application/json" id="course-data">${embeddableJson(course)}</script>
</body>
</html>
`;
}
