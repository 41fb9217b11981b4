/**
 * Size and speed figures: the player's JS per chunk against its budget, and for every package zip bytes, player JS gzipped, worst-case
 * suspend_data, and the median of 5 cold launches in the harness (ms to the LMS initialise call
 * (for cmi5, its POST to the fetch URL) and to the first view). Usage: npm run bench [-- --json]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './preview/browser.js';
import { PLAYER_JS_BUDGET_GZIP_BYTES, runBuild } from './build.js';
import { readBuildOptions } from './options.js';
import { startLrs } from './preview/lrs-process.js';
import { startPreviewServer } from './preview/server.js';

const LAUNCHES = 5;
const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const root = process.cwd();
const out = join(root, '.bench-dist');
const report = await runBuild(root, readBuildOptions(['--out', out], root));
const lrs = await startLrs(root);
const server = await startPreviewServer({ root, packagesDir: join(out, 'packages'), lrs });
const browser = await launchBrowser();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows = [];
try {
  for (const p of report.packages) {
    const init: number[] = [];
    const first: number[] = [];
    const inPackage: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // SCORM as most centres run it (no LRS); cmi5 always reports to its LMS's LRS.
      await page.goto(`${server.url}/launch.html?pkg=${p.file}&standard=${p.standard}&lrs=0`);
      const frame = page.frameLocator('#sco');
      await frame.locator('main h1').waitFor();
      const frameTimes = await frame.locator('body').evaluate(() => ({
        origin: performance.timeOrigin,
        mark: performance.getEntriesByName('ccl-first-view')[0]?.startTime ?? NaN,
        // cmi5 has no initialise call: its first LMS request is the POST to the fetch URL.
        fetchToken: performance.getEntriesByType('resource').find((e) => e.name.includes('/cmi5/fetch/'))?.startTime ?? NaN,
      }));
      const top = await page.evaluate(() => ({ origin: performance.timeOrigin, init: (window as any).harness.initializedAt as number | undefined }));
      init.push(p.standard === 'cmi5' ? frameTimes.origin + frameTimes.fetchToken - top.origin : top.init!);
      first.push(frameTimes.origin + frameTimes.mark - top.origin);
      inPackage.push(frameTimes.mark);
      await context.close();
    }
    rows.push({
      file: p.file,
      zipBytes: p.zipBytes,
      jsGzipBytes: p.jsGzipBytes,
      suspendDataMax: p.suspendDataMax,
      msToInitialize: Math.round(median(init)),
      msToFirstLesson: Math.round(median(first)),
      msInPackage: Math.round(median(inPackage)),
    });
  }
} finally {
  await browser.close();
  await server.close();
  await lrs.stop();
  rmSync(out, { recursive: true, force: true });
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const playerAllIn = report.player.reduce((n, f) => n + f.gzipBytes, 0);
if (values.json) console.log(JSON.stringify({ player: { budgetGzipBytes: PLAYER_JS_BUDGET_GZIP_BYTES, allInGzipBytes: playerAllIn, files: report.player }, packages: rows.map(({ msInPackage: _, ...r }) => r) }));
else {
  const verdict = playerAllIn <= PLAYER_JS_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(`Player JS, gzipped, every chunk: ${kb(playerAllIn)} KB, ${verdict} the ${kb(PLAYER_JS_BUDGET_GZIP_BYTES)} KB budget`);
  for (const f of report.player) console.log(`  ${f.file.padEnd(36)} ${kb(f.gzipBytes).padStart(6)} KB  ${f.eager ? 'every launch' : 'loaded when needed'}`);
  console.log();
  console.log('Launch times are medians of 5 cold launches, from the LMS page starting to load; "in package" counts from the package frame starting.');
  console.log('package                          zip KB  JS gz KB  suspend max  ms to init  ms to first view  (in package)');
  for (const r of rows)
    console.log(
      `${r.file.padEnd(32)} ${(r.zipBytes / 1024).toFixed(1).padStart(6)}  ${(r.jsGzipBytes / 1024).toFixed(1).padStart(8)}  ${String(r.suspendDataMax).padStart(11)}  ${String(r.msToInitialize).padStart(10)}  ${String(r.msToFirstLesson).padStart(16)}  ${String(r.msInPackage).padStart(12)}`,
    );
}
