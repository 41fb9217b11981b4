/**
 * Builds the tutor evidence report page into <out>/tutor/: tutor.js (its own Vite build, apart
 * from the player's), tutor-reader.js (the worker it reads pages of statements in) and
 * index.html carrying the unit catalogue as an inert JSON block. No inline script or style, so
 * the page runs under the same strict Content-Security-Policy as the packages (with connect-src
 * opened to the centre's LRS).
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import type { CourseData } from '../tracking/learner-model/course-data.js';
import { catalogueFromCourses, type UnitCatalogue } from '../tracking/report/unit-catalogue.js';
import { minifyCssTemplates } from './minify-css-templates.js';
import { embeddableJson } from './package/launch-page.js';

/** The report page: its script, and the catalogue of the units this build holds. */
export function tutorPage(catalogue: UnitCatalogue): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Tutor evidence report</title>
<script type="module" src="tutor.js"></script>
</head>
<body>
<noscript><p>The tutor evidence report needs JavaScript.</p></noscript>
<ccl-tutor-report></ccl-tutor-report>
<script type="application/json" id="unit-catalogue">${embeddableJson(catalogue)}</script>
</body>
</html>
`;
}

/**
 * The page, and the worker it reads pages of statements in, each one file of its own: a chunk they
 * shared would be fetched once by the page and again by the worker before its first request.
 */
const ENTRIES = { tutor: 'components/ccl-tutor-report/tutor-main.ts', 'tutor-reader': 'tracking/report/page-worker.ts' };

/** Builds the page for these units: the scripts in workDir, then tutor.js, tutor-reader.js and index.html into outDir. */
export async function buildTutorPage(root: string, workDir: string, outDir: string, courses: CourseData[]): Promise<void> {
  rmSync(workDir, { recursive: true, force: true });
  for (const [name, entry] of Object.entries(ENTRIES))
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      plugins: [minifyCssTemplates()],
      build: {
        target: 'es2022',
        outDir: workDir,
        emptyOutDir: false,
        minify: true,
        sourcemap: false,
        reportCompressedSize: false,
        copyPublicDir: false,
        // A library build keeps its whitespace and annotations for a later bundler; this page is served as built.
        rolldownOptions: { output: { minify: true, comments: false } },
        lib: { entry: join(root, entry), formats: ['es'], fileName: () => `${name}.js` },
      },
    });
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(workDir).filter((f) => f.endsWith('.js'))) copyFileSync(join(workDir, file), join(outDir, file));
  writeFileSync(join(outDir, 'index.html'), tutorPage(catalogueFromCourses(courses)));
}
