/**
 * Size and speed figures: the player's JS per file against its budget; and for every package its
 * zip size, worst-case suspend_data, and how its launch compares with the floor (a one-file SCO
 * doing only what any package must, floor-package.ts) in the same harness: the first view's time
 * as a ratio to the floor's at 1× and 4× CPU (median of 5 cold launches, interleaved with the
 * floor's), the JS and the LMS calls it needed before that view, and any layout shift after it.
 * Usage: npm run bench [-- --json] [-- --unit <id>] [-- --launches <n>]
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../preview/browser.js';
import { PLAYER_JS_BUDGET_GZIP_BYTES, runBuild } from '../build.js';
import { readBuildOptions, type Standard } from '../options.js';
import { startLrs } from '../preview/lrs-process.js';
import { startPreviewServer } from '../preview/server.js';
import { floorPackage } from './floor-package.js';

/** The targets the figures are read against. */
const TARGETS = { ratio1x: 1.5, ratio4x: 2, jsBeforeViewKb: 25, jsAllInKb: 45, apiCallsBeforeView: 30, zipKb: 250 };
const RATES = [1, 4] as const;

const { values } = parseArgs({ options: { json: { type: 'boolean' }, unit: { type: 'string', multiple: true }, launches: { type: 'string' } } });
const launches = Number(values.launches ?? 5);
const root = process.cwd();
const out = join(root, '.bench-dist');
const report = await runBuild(root, readBuildOptions(['--out', out, ...(values.unit ?? []).flatMap((u) => ['--unit', u])], root));
const standards = [...new Set(report.packages.map((p) => p.standard))];
for (const s of standards) writeFileSync(join(out, 'packages', `floor-${s}.zip`), floorPackage(s));
const gzipOf = new Map(report.player.map((f) => [f.file, f.gzipBytes]));
const lrs = await startLrs(root);
const server = await startPreviewServer({ root, packagesDir: join(out, 'packages'), lrs });
const browser = await launchBrowser();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Launch {
  /** From the LMS page starting to load to the first view, in ms. */
  firstView: number;
  /** Gzipped bytes of the package's JS that loaded before the first view. */
  jsBefore: number;
  /** SCORM API calls (cmi5: requests to the LMS and LRS) before the first view. */
  callsBefore: number;
  /** Cumulative layout shift after the first view. */
  shift: number;
}

async function launch(b: Browser, file: string, standard: Standard, rate: number): Promise<Launch> {
  const context = await b.newContext();
  const page = await context.newPage();
  if (rate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
  // SCORM as most centres run it (no LRS); cmi5 always reports to its LMS's LRS.
  await page.goto(`${server.url}/launch.html?pkg=${file}&standard=${standard}&lrs=0`);
  const frame = page.frameLocator('#sco');
  await frame.locator('main h1').waitFor();
  const inFrame = await frame.locator('body').evaluate(async () => {
    const mark = performance.getEntriesByName('ccl-first-view')[0]?.startTime ?? NaN;
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, start: e.startTime, type: e.initiatorType }));
    // Layout shifts after the first view, over the next half second.
    const shift = await new Promise<number>((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) if (e.startTime > mark) total += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(total), 500);
    });
    return { origin: performance.timeOrigin, mark, resources, shift };
  });
  const top = await page.evaluate(() => ({ origin: performance.timeOrigin, calls: ((window as any).harness.apiCalls ?? []) as { at: number }[] }));
  await context.close();
  const firstView = inFrame.origin + inFrame.mark - top.origin;
  const before = inFrame.resources.filter((r) => r.start < inFrame.mark);
  const jsBefore = before.filter((r) => r.name.endsWith('.js')).reduce((n, r) => n + (gzipOf.get(r.name.split('/').pop()!) ?? 0), 0);
  const callsBefore = standard === 'cmi5' ? before.filter((r) => /\/(cmi5|lrs)\//.test(r.name)).length : top.calls.filter((c) => c.at < firstView).length;
  return { firstView, jsBefore, callsBefore, shift: inFrame.shift };
}

const rows = [];
try {
  for (const p of report.packages) {
    const runs: Record<number, { pkg: Launch[]; floor: number[] }> = { 1: { pkg: [], floor: [] }, 4: { pkg: [], floor: [] } };
    for (let i = 0; i < launches; i++)
      for (const rate of RATES) {
        runs[rate]!.floor.push((await launch(browser, `floor-${p.standard}.zip`, p.standard, rate)).firstView);
        runs[rate]!.pkg.push(await launch(browser, p.file, p.standard, rate));
      }
    const at = (rate: number) => {
      const { pkg, floor } = runs[rate]!;
      const ms = median(pkg.map((l) => l.firstView));
      const floorMs = median(floor);
      return { ms: Math.round(ms), floorMs: Math.round(floorMs), ratio: Math.round((ms / floorMs) * 100) / 100 };
    };
    const all = [...runs[1]!.pkg, ...runs[4]!.pkg];
    rows.push({
      file: p.file,
      zipBytes: p.zipBytes,
      jsGzipBytes: p.jsGzipBytes,
      jsBeforeViewGzipBytes: median(all.map((l) => l.jsBefore)),
      apiCallsBeforeView: median(all.map((l) => l.callsBefore)),
      suspendDataMax: p.suspendDataMax,
      firstView1x: at(1),
      firstView4x: at(4),
      layoutShift: Math.max(...all.map((l) => l.shift)),
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
if (values.json) console.log(JSON.stringify({ targets: TARGETS, player: { budgetGzipBytes: PLAYER_JS_BUDGET_GZIP_BYTES, allInGzipBytes: playerAllIn, files: report.player }, packages: rows }));
else {
  const verdict = playerAllIn <= PLAYER_JS_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(`Player JS, gzipped, every chunk: ${kb(playerAllIn)} KB, ${verdict} the ${kb(PLAYER_JS_BUDGET_GZIP_BYTES)} KB budget (target ${TARGETS.jsAllInKb} KB)`);
  for (const f of report.player) console.log(`  ${f.file.padEnd(36)} ${kb(f.gzipBytes).padStart(6)} KB  ${f.eager ? 'every launch' : 'loaded when needed'}`);
  console.log();
  console.log(`First view: median of ${launches} cold launches from the LMS page starting to load, interleaved with the floor's (a one-file SCO), at 1× and 4× CPU.`);
  console.log(`Targets: ratio ≤ ${TARGETS.ratio1x} at 1×, ≤ ${TARGETS.ratio4x} at 4×; JS before the view ≤ ${TARGETS.jsBeforeViewKb} KB gz (SCORM); ≤ ${TARGETS.apiCallsBeforeView} LMS calls before it; zip ≤ ${TARGETS.zipKb} KB; no layout shift.`);
  console.log('package                          zip KB  JS before KB  calls   1×: ms  floor  ratio   4×: ms  floor  ratio  shift  suspend max');
  for (const r of rows)
    console.log(
      [
        r.file.padEnd(32),
        kb(r.zipBytes).padStart(6),
        kb(r.jsBeforeViewGzipBytes).padStart(12),
        String(r.apiCallsBeforeView).padStart(6),
        String(r.firstView1x.ms).padStart(8),
        String(r.firstView1x.floorMs).padStart(6),
        r.firstView1x.ratio.toFixed(2).padStart(6),
        String(r.firstView4x.ms).padStart(8),
        String(r.firstView4x.floorMs).padStart(6),
        r.firstView4x.ratio.toFixed(2).padStart(6),
        r.layoutShift.toFixed(3).padStart(6),
        String(r.suspendDataMax).padStart(12),
      ].join(' '),
    );
}
