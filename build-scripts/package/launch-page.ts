import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { activityIris } from '../../tracking/xapi/vocabulary.js';
import { xmlEscape } from './xml.js';

/** The player chunk of the launch parameters, the LRS client and the cmi5 opening, which a cmi5 launch page loads first (tracking/xapi/cmi5-opening.ts). */
export const LAUNCH_CHUNK = 'player-launch.js';

/**
 * JSON that is safe inside a <script type="application/json"> element and quick for the HTML
 * parser to pass over: every "<" and every non-ASCII character is written as a \u escape, so
 * nothing ("</script", "<!--") can end the element early, and the text stays on the parser's
 * ASCII path (measured in Chromium here: a unit's 700 KB passed about 15 ms sooner, time the
 * player waits for). JSON.parse gives back the same value.
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The package's launch page: the player script and the unit's course data as an inert JSON
 * block. No inline script or style, so it runs under a strict Content-Security-Policy. Chunks the
 * launch will certainly need (the xAPI code, for cmi5) are preloaded alongside the player.
 */
export function launchPage(course: CourseData, standard: string, preload: string[] = []): string {
  // cmi5: the session's opening (token, launch data, preferences, state) begins before the player is parsed.
  const opening = standard === 'cmi5' ? `<meta name="ccl-cmi5-state" content="${xmlEscape(activityIris(course).stateId)}">\n<script type="module" async src="${LAUNCH_CHUNK}"></script>\n` : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ccl-standard" content="${xmlEscape(standard)}">
<title>${xmlEscape(course.unit.title)}</title>
${opening}<script type="module" src="player.js"></script>
${preload.filter((f) => !opening || f !== LAUNCH_CHUNK).map((f) => `<link rel="modulepreload" href="${xmlEscape(f)}">\n`).join('')}
</head>
<body>
<ccl-player></ccl-player>
<script type="application/json" id="course-data">${embeddableJson(course)}</script>
</body>
</html>
`;
}
