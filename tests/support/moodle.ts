/**
 * A real Moodle 4.5.6 for the SCORM acceptance tests, stood up on loopback by ../shared/moodle.
 * Settings, all optional:
 *   MOODLE_DIR          the tarball and scripts (default ../shared/moodle beside the checkout)
 *   MOODLE_WORK         code, data and database, kept between runs (default <tmp>/ccl-moodle-acceptance)
 *   MOODLE_FRESH=1      install Moodle anew instead of reusing the site in MOODLE_WORK
 *   MOODLE_HTTP_PORT    web server port (default 8080); MOODLE_PG_PORT database port (default 55432)
 *   MOODLE_KEEP_RUNNING=1  leave the site running after the tests, to look at it
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Moodle's tarball and its scripts (setup.sh, stop.sh, import-scorm.php …) live beside the checkout, never in it. */
export const MOODLE_DIR = resolve(process.env.MOODLE_DIR ?? join(process.cwd(), '../shared/moodle'));

/**
 * Where Moodle's code, data and database live between runs: kept, so a second run on the same
 * machine reuses the installed site (its SCORM activities are replaced). `MOODLE_WORK` moves it;
 * `MOODLE_FRESH=1` installs Moodle anew.
 */
export const MOODLE_WORK = resolve(process.env.MOODLE_WORK ?? join(tmpdir(), 'ccl-moodle-acceptance'));

/** Loopback port of Moodle's web server. */
export const MOODLE_HTTP_PORT = Number(process.env.MOODLE_HTTP_PORT ?? 8080);
/** Loopback port of Moodle's private PostgreSQL cluster. */
export const MOODLE_PG_PORT = Number(process.env.MOODLE_PG_PORT ?? 55432);

/** The PHP helpers kept in the project (what ../shared/moodle has no script for). */
const PROJECT_PHP_DIR = fileURLToPath(new URL('./moodle/', import.meta.url));

/** PHP as Moodle's CLI scripts need it. */
const PHP_ARGS = ['-d', 'max_input_vars=5000', '-d', 'memory_limit=768M'];

/** The student account setup.sh creates. */
export const MOODLE_STUDENT = { username: 'learner', password: 'Learner#12345' } as const;

/** What import-scorm.php reports for one zip. */
export interface ImportedPackage {
  zip: string;
  /** Moodle's own package validation (the activity form's): empty when the zip is accepted. */
  validation: Record<string, string> | string[];
  error: string | null;
  cmid: number;
  scormid: number;
  /** `SCORM_1.2` or `SCORM_1.3` (2004). */
  version: string;
  /** `[identifier, scormtype, launch, title]` per item of the manifest. */
  scoes: [string, string, string, string][];
  /** SCORM 2004: `[objectiveid, primaryobj, minnormalizedmeasure, satisfiedbymeasure]` from the manifest. */
  seq_objectives?: [string, string, string, string][];
  /** PHP warnings and debugging messages raised during the import. */
  warnings: string[];
}

/** One attempt's track elements as Moodle stored them (1.2 names use `_n`: `cmi.objectives_0.id`; 2004 dots). */
export interface StoredAttempt {
  attempt: number;
  tracks: Record<string, string>;
}

/** What dump-tracks.php reads back for the student on one activity. */
export interface StoredTracks {
  cmid: number;
  scorm: string;
  version: string;
  attempts: StoredAttempt[];
  grade?: { grademax: string; gradepass: string; rawgrade: string | null; finalgrade: string | null };
  coursetotal?: string | null;
  /** Activity completion, or null when Moodle has recorded none. */
  completion: { state: number; meaning: 'incomplete' | 'complete' | 'complete-pass' | 'complete-fail' | '?' } | null;
}

/** How long the site took to stand up and to take the packages, in milliseconds. */
export interface MoodleTimings {
  setupMs: number;
  /** The site was installed by an earlier run and only started again. */
  reusedSite: boolean;
  importMs?: number;
}

/** A running Moodle 4.5.6 on loopback, stood up by ../shared/moodle/setup.sh. */
export interface MoodleSite {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Moodle's extracted code folder. */
  readonly codeDir: string;
  readonly timings: MoodleTimings;
  /**
   * Adds every zip as a SCORM activity of course SCORMACC, replacing the activities a previous run
   * left. Throws, naming the zip, if Moodle refused one or raised any PHP warning.
   */
  importPackages(zips: string[]): Promise<ImportedPackage[]>;
  /** Switches the site setting `scorm | scormstandard` (SCORM 1.2's 4,096-character suspend_data limit). */
  setScormStandard(on: boolean): Promise<void>;
  /** Every track element of every attempt, the gradebook grade and activity completion of the student. */
  dumpTracks(cmid: number): Promise<StoredTracks>;
  /** How many beacons to mod/scorm/datamodel.php Moodle's web server has answered so far (from its request log). */
  beaconsReceived(): number;
  /** Deletes the student's attempts (and activity completion) on one activity. */
  resetAttempts(cmid: number): Promise<void>;
  /** Stops the web server and the database cluster setup.sh started. */
  stop(): Promise<void>;
}

const SETUP_TIMEOUT_MS = 15 * 60_000;
const PHP_TIMEOUT_MS = 120_000;

function scriptEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WORK: MOODLE_WORK, HTTPPORT: String(MOODLE_HTTP_PORT), PGPORT: String(MOODLE_PG_PORT), FRESH: process.env.MOODLE_FRESH === '1' ? '1' : '0' };
}

/** Explains a failed child process with its output, which names what went wrong. */
function failure(what: string, e: unknown): Error {
  const x = e as { stdout?: string; stderr?: string; message?: string; killed?: boolean };
  const output = `${x.stderr ?? ''}${x.stdout ?? ''}`.trim().split('\n').slice(-20).join('\n');
  return new Error(`${what} failed${x.killed ? ' (timed out)' : ''}: ${x.message ?? String(e)}${output ? `\n${output}` : ''}`);
}

async function php(script: string, args: string[], what: string): Promise<string> {
  try {
    const { stdout } = await run('php', [...PHP_ARGS, script, ...args], { timeout: PHP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, cwd: MOODLE_WORK });
    return stdout;
  } catch (e) {
    throw failure(what, e);
  }
}

/**
 * Stands Moodle up (or starts the one a previous run installed under MOODLE_WORK) with
 * ../shared/moodle/setup.sh. Needs root, as setup.sh does (apt-get, the postgres user).
 */
export async function startMoodle(): Promise<MoodleSite> {
  if (!existsSync(join(MOODLE_DIR, 'setup.sh')) || !existsSync(join(MOODLE_DIR, 'moodle-4.5.6.tar.xz')))
    throw new Error(`Moodle's tarball and scripts were not found at ${MOODLE_DIR}. They are kept in ../shared/moodle beside the checkout (or set MOODLE_DIR).`);
  if (process.getuid?.() !== 0)
    throw new Error(`${join(MOODLE_DIR, 'setup.sh')} needs root (it installs PHP and PostgreSQL with apt-get and runs the database as the postgres user): run the tests as root, as CI does.`);
  const started = Date.now();
  const reusedSite = existsSync(join(MOODLE_WORK, 'moodle/config.php')) && process.env.MOODLE_FRESH !== '1';
  // PostgreSQL runs as the postgres user, who must be able to reach its data folder inside WORK.
  mkdirSync(MOODLE_WORK, { recursive: true });
  chmodSync(MOODLE_WORK, 0o755);
  const stop = async () => {
    if (process.env.MOODLE_KEEP_RUNNING === '1') return;
    try {
      await run('bash', [join(MOODLE_DIR, 'stop.sh')], { env: scriptEnv(), timeout: 120_000 });
    } catch (e) {
      throw failure(`Stopping Moodle with ${join(MOODLE_DIR, 'stop.sh')}`, e);
    }
  };
  const codeDir = join(MOODLE_WORK, 'moodle');
  const url = `http://127.0.0.1:${MOODLE_HTTP_PORT}`;
  const cfg = (args: string[], what: string) => php(join(codeDir, 'admin/cli/cfg.php'), args, what);
  try {
    try {
      await run('bash', [join(MOODLE_DIR, 'setup.sh')], { env: scriptEnv(), timeout: SETUP_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    } catch (e) {
      throw failure(`Standing Moodle up with ${join(MOODLE_DIR, 'setup.sh')} (WORK=${MOODLE_WORK})`, e);
    }
    if (!existsSync(join(MOODLE_WORK, 'php-server.pid')))
      throw new Error(`Port ${MOODLE_HTTP_PORT} is served by a web server setup.sh did not start for ${MOODLE_WORK}: stop it, or set MOODLE_HTTP_PORT.`);
    // A run that stopped half way may have left SCORM 1.2's strict limit on.
    await cfg(['--component=scorm', '--name=scormstandard', '--set=0'], 'Resetting scorm | scormstandard');
  } catch (e) {
    // Stop whatever setup.sh got as far as starting; the failure is what matters.
    await stop().catch(() => undefined);
    throw e;
  }
  const timings: MoodleTimings = { setupMs: Date.now() - started, reusedSite };

  return {
    url,
    codeDir,
    timings,
    async importPackages(zips) {
      const t = Date.now();
      await php(join(PROJECT_PHP_DIR, 'remove-scorm-activities.php'), [codeDir], 'Removing the SCORM activities of a previous run');
      const imported: ImportedPackage[] = [];
      for (const zip of zips) {
        const out = await php(join(MOODLE_DIR, 'import-scorm.php'), [codeDir, zip, basename(zip, '.zip')], `Importing ${basename(zip)}`);
        let report: ImportedPackage;
        try {
          report = JSON.parse(out.trim().split('\n').pop() ?? '') as ImportedPackage;
        } catch {
          throw new Error(`Importing ${basename(zip)}: import-scorm.php printed no JSON report:\n${out.slice(-2000)}`);
        }
        const validation = Array.isArray(report.validation) ? report.validation : Object.entries(report.validation ?? {}).map(([k, v]) => `${k}: ${v}`);
        if (report.error || validation.length || report.warnings.length)
          throw new Error(
            `Moodle did not import ${basename(zip)} cleanly:` +
              (report.error ? `\n  error: ${report.error}` : '') +
              validation.map((v) => `\n  validation: ${v}`).join('') +
              report.warnings.map((w) => `\n  PHP warning: ${w}`).join(''),
          );
        imported.push(report);
      }
      timings.importMs = Date.now() - t;
      return imported;
    },
    async setScormStandard(on) {
      await cfg(['--component=scorm', '--name=scormstandard', `--set=${on ? 1 : 0}`], `Setting scorm | scormstandard to ${on ? 1 : 0}`);
    },
    async dumpTracks(cmid) {
      const out = await php(join(MOODLE_DIR, 'dump-tracks.php'), [codeDir, String(cmid), MOODLE_STUDENT.username], `Reading the tracks of activity ${cmid}`);
      return JSON.parse(out) as StoredTracks;
    },
    beaconsReceived() {
      const log = join(MOODLE_WORK, 'php-server.log');
      if (!existsSync(log)) return 0;
      return readFileSync(log, 'utf8').split('\n').filter((l) => /\]: POST \/mod\/scorm\/datamodel\.php\?api=beacon/.test(l)).length;
    },
    async resetAttempts(cmid) {
      await php(join(MOODLE_DIR, 'reset-attempts.php'), [codeDir, String(cmid), MOODLE_STUDENT.username], `Resetting the attempts on activity ${cmid}`);
    },
    stop,
  };
}
