/**
 * Builds every unit's packages into dist/packages/<unit>-<standard>.zip.
 * Content is validated first; the output is written to a temporary folder and swapped in only
 * when everything succeeded, so a failed build leaves dist/ as it was.
 * Usage: npm run build [-- --unit <id> --standard scorm12 --pass-mark 80 …] (see README)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CourseData } from '../tracking/learner-model/course-data.js';
import { SUSPEND_DATA_LIMIT, worstCaseSuspendLength } from '../tracking/learner-model/state-codec.js';
import { buildPlayer, preloadsFor } from './build-player.js';

/** What a cmi5 launch loads before its first view (create-tracker.ts), and a SCORM launch reporting to an LRS. */
const CMI5_START = [LAUNCH_CHUNK, 'player-cmi5-tracker.js', 'player-tracker-with-fallback.js'];
const XAPI_START = [LAUNCH_CHUNK, 'player-tracker-with-statements.js'];
import { buildTutorPage } from './build-tutor.js';
import { ContentError } from './content/content-error.js';
import { buildCourse, type CriterionCoverage } from './content/build-course.js';
import { readUnitSources } from './content/load-unit.js';
import { OptionsError, readBuildOptions, type BuildOptions, type Standard } from './options.js';
import { LAUNCH_CHUNK, launchPage } from './package/launch-page.js';
import { cmi5CourseStructure } from './package/cmi5-course-structure.js';
import { scorm12Manifest, scorm2004Manifest } from './package/scorm-manifests.js';
import { zipPackage } from './package/zip.js';

export interface PackageReport {
  file: string;
  unit: string;
  standard: Standard;
  zipBytes: number;
  jsGzipBytes: number;
  suspendDataMax: number;
}

/** The player's JavaScript budget, gzipped, every chunk counted (what a launch may load at most). */
export const PLAYER_JS_BUDGET_GZIP_BYTES = 60 * 1024;

export interface BuildReport {
  packages: PackageReport[];
  /** The player's files, each gzipped; `eager` ones load with every launch, the rest when needed. */
  player: { file: string; gzipBytes: number; eager: boolean }[];
  units: ({ id: string; coverage: CriterionCoverage[] } & Pick<CourseData['unit'], 'reference' | 'title' | 'awardingBody' | 'level' | 'credit'>)[];
}

/** Each standard's manifest: its file name in the zip and how it is written. */
const MANIFEST: Record<Standard, { file: string; write: (i: { course: CourseData; files: string[] }) => string }> = {
  scorm12: { file: 'imsmanifest.xml', write: scorm12Manifest },
  scorm2004: { file: 'imsmanifest.xml', write: scorm2004Manifest },
  cmi5: { file: 'cmi5.xml', write: cmi5CourseStructure },
};

/** Validates and renders the chosen units; throws a ContentError, naming every problem, before anything is written. */
export function prepareUnits(root: string, options: BuildOptions) {
  const problems: ContentError['problems'] = [];
  const units: { course: CourseData; coverage: CriterionCoverage[]; suspendDataMax: number }[] = [];
  const logoName = options.logo ? `logo${extname(options.logo).toLowerCase()}` : undefined;
  for (const id of options.units) {
    try {
      const { data, coverage } = buildCourse(readUnitSources(root, id), {
        passMark: options.passMark,
        centreName: options.centreName,
        themeColour: options.themeColour,
        baseIri: options.baseIri,
        ...(logoName ? { logo: logoName } : {}),
        ...(options.lrs ? { lrs: options.lrs } : {}),
      });
      const suspendDataMax = worstCaseSuspendLength(data);
      if (suspendDataMax > SUSPEND_DATA_LIMIT)
        problems.push({
          file: `modules/${id}`,
          message: `the learner state can reach ${suspendDataMax} characters, over SCORM 1.2's ${SUSPEND_DATA_LIMIT}: lower questionsPerCriterion or split the outcome`,
        });
      units.push({ course: data, coverage, suspendDataMax });
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return units;
}

/**
 * Builds the packages. `root` holds the player's code; `contentRoot` the modules/ and quizzes/
 * folders (the same checkout, except in tests that build fixture content).
 */
export async function runBuild(root: string, options: BuildOptions, contentRoot = root): Promise<BuildReport> {
  const units = prepareUnits(contentRoot, options);
  // Staged beside the output folder, so the final swap is a rename on one file system.
  mkdirSync(dirname(options.outDir), { recursive: true });
  const tmp = mkdtempSync(`${options.outDir}.tmp-`);
  try {
    const built = await buildPlayer(root, join(tmp, 'player'));
    const { files: playerFiles, eager } = built;
    const player = [...playerFiles].map(([file, js]) => ({ file, gzipBytes: gzipSync(js, { level: 9 }).length, eager: file === 'player.js' || eager.includes(file) }));
    const jsGzipBytes = player.reduce((n, f) => n + f.gzipBytes, 0);
    const logo = options.logo ? { name: `logo${extname(options.logo).toLowerCase()}`, bytes: readFileSync(options.logo) } : undefined;
    const staged = join(tmp, 'dist');
    mkdirSync(join(staged, 'packages'), { recursive: true });
    const report: BuildReport = { packages: [], player, units: [] };
    for (const { course, coverage, suspendDataMax } of units) {
      const { id, reference, title, awardingBody, level, credit } = course.unit;
      report.units.push({ id, reference, title, awardingBody, level, credit, coverage });
      for (const standard of options.standards) {
        // Chunks this launch will certainly load are preloaded: the eager ones always, the xAPI ones when it reports to an LRS.
        const reports = standard === 'cmi5' || options.lrs !== undefined;
        const preload = reports ? preloadsFor(built, standard === 'cmi5' ? CMI5_START : XAPI_START) : eager;
        const files = new Map<string, string | Uint8Array>([['index.html', launchPage(course, standard, preload)], ...playerFiles]);
        if (logo) files.set(logo.name, logo.bytes);
        const manifest = MANIFEST[standard];
        files.set(manifest.file, manifest.write({ course, files: [...files.keys()] }));
        const zip = zipPackage(files);
        const file = `${course.unit.id}-${standard}.zip`;
        writeFileSync(join(staged, 'packages', file), zip);
        report.packages.push({ file, unit: course.unit.id, standard, zipBytes: zip.length, jsGzipBytes, suspendDataMax });
      }
    }
    writeFileSync(join(staged, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    // The tutor evidence report page for these units (dist/tutor/), its own bundle apart from the player's.
    await buildTutorPage(root, join(tmp, 'tutor-build'), join(staged, 'tutor'), units.map((u) => u.course));
    swapInto(staged, options.outDir);
    return report;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Replaces outDir with staged in two renames, so outDir is never half-written. */
function swapInto(staged: string, outDir: string): void {
  const old = `${staged}.old`;
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(staged, outDir);
  } catch (e) {
    if (existsSync(old)) renameSync(old, outDir);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

async function cli(): Promise<void> {
  const root = process.cwd();
  try {
    const options = readBuildOptions(process.argv.slice(2), root);
    const report = await runBuild(root, options);
    for (const p of report.packages)
      console.log(`${basename(options.outDir)}/packages/${p.file}  ${(p.zipBytes / 1024).toFixed(1)} KB  (suspend_data worst case ${p.suspendDataMax})`);
  } catch (e) {
    if (e instanceof ContentError) {
      console.error(`Build stopped: the content has ${e.problems.length} problem(s); dist/ is unchanged.\n${e.message}`);
    } else if (e instanceof OptionsError) {
      console.error(`Build stopped: ${e.message}; dist/ is unchanged.`);
    } else throw e;
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await cli();
