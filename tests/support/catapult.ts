import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLrs, type LrsProcess } from '../../build-scripts/preview/lrs-process.js';
import { startXapiDocumentsLrs, type XapiDocumentsLrs } from '../../build-scripts/preview/xapi-documents-lrs.js';
import { startCatapultDatabase, type CatapultDatabase } from './catapult-database.js';

/** ADL's CATAPULT cmi5 player lives beside the checkout, never in it. */
export const CATAPULT_DIR = resolve(process.env.CATAPULT_DIR ?? join(process.cwd(), '../shared/catapult'));

/** Where installed player dependencies are kept between runs on one machine, keyed by the lock file. */
const DEPENDENCY_CACHE = resolve(process.env.CATAPULT_CACHE_DIR ?? join(tmpdir(), 'ccl-catapult-cache'));

/** Why CATAPULT cannot be stood up here, in words for the test output; undefined when it can. */
export function catapultMissing(): string | undefined {
  if (!existsSync(join(CATAPULT_DIR, 'player/service/index.js')))
    return `ADL's CATAPULT cmi5 player was not found at ${CATAPULT_DIR}. It is kept in ../shared/catapult beside the checkout (or set CATAPULT_DIR).`;
  return undefined;
}

/** A learner as CATAPULT wants one: an Agent with an account. */
export interface CatapultActor {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

/** One AU of an imported course, as the player's course API describes it. */
export interface CatapultAu {
  /** The publisher's AU id (from cmi5.xml). */
  id: string;
  /** The id the player gives the AU: the object of the AU's cmi5-defined statements. */
  lmsId: string;
  url: string;
  moveOn: string;
  masteryScore: number | null;
  title?: unknown;
}

/** An imported course. */
export interface CatapultCourse {
  id: number;
  lmsId: string;
  metadata: { version: number; aus: CatapultAu[] };
  structure: unknown;
}

/** A registration with the state of each of its AUs (flags are MariaDB booleans, 0 or 1). */
export interface CatapultRegistration {
  id: number;
  code: string;
  actor: CatapultActor;
  metadata: { version: number; moveOn: { type: string; lmsId: string; pubId: string; satisfied: boolean; children: unknown[] } };
  aus: { hasBeenAttempted: number; isPassed: number; isCompleted: number; isWaived: number; isSatisfied: number; durationNormal: number | null; metadata: unknown }[];
}

/** A launch session, as the player keeps it. */
export interface CatapultSession {
  id: number;
  code: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore: number | null;
  launchTokenFetched: number;
  launchDataFetched: number;
  learnerPrefsFetched: number;
  isInitialized: number;
  isCompleted: number;
  isPassed: number;
  isFailed: number;
  isTerminated: number;
  isAbandoned: number;
  abandonedBy: string | null;
}

/** What the launch-url API gives back. */
export interface CatapultLaunch {
  /** The AU's URL with the cmi5 launch parameters; opened as a top-level page. */
  url: string;
  /** The player's id of the session this launch started. */
  sessionId: number;
}

/** A running CATAPULT player with its own database and LRS; everything goes away with stop(). */
export interface CatapultPlayer {
  /** The player's base URL (its API, /content and the AU's LRS proxy /lrs). */
  url: string;
  /** The LRS proxy the AU is launched with. */
  lrsProxyUrl: string;
  /** A page of this harness the AU returns to on Exit. */
  returnUrl: string;
  /** Learning Locker's statements service: read statements here, directly. */
  statementsLrs: LrsProcess;
  /** The LRS the player talks to: the document resources in front of the statements service. */
  documentsLrs: XapiDocumentsLrs;
  /**
   * Ids of the statements the player's /lrs proxy passed on (the AU's), as the LRS received them:
   * this sees what a closing page sends with keepalive, which the browser's request events miss.
   */
  forwardedByProxy: Set<string>;
  /** Milliseconds each start step took, and `total`. */
  startTimings: Record<string, number>;
  /** Whether the player's dependencies came from the cache rather than a fresh npm install. */
  dependenciesCached: boolean;
  importCourse(zipPath: string): Promise<CatapultCourse>;
  register(courseId: number, actor: CatapultActor): Promise<CatapultRegistration>;
  launchUrl(courseId: number, auIndex: number, actor: CatapultActor, registrationCode: string, returnUrl: string, launchMode?: 'Normal' | 'Browse' | 'Review'): Promise<CatapultLaunch>;
  getRegistration(id: number | string): Promise<CatapultRegistration>;
  getSession(id: number | string): Promise<CatapultSession>;
  /** Drops every connection between the player and its LRS while false, as an outage would. */
  setLrsReachable(reachable: boolean): void;
  /** The player's console output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Whether a registration's AU (by index) and the course are satisfied, as the player records it. */
export function isSatisfied(registration: CatapultRegistration, auIndex = 0): boolean {
  return Boolean(registration.aus[auIndex]?.isSatisfied) && registration.metadata.moveOn.satisfied === true;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

/** Makes a copied tree writable (the shared copy is read-only). */
function makeWritable(path: string): void {
  const st = statSync(path);
  chmodSync(path, st.isDirectory() ? 0o755 : st.mode | 0o600);
  if (st.isDirectory()) for (const f of readdirSync(path)) makeWritable(join(path, f));
}

/** Runs a command without blocking the event loop; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
    child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
    child.once('error', (e) => reject(new Error(`${command} could not be run: ${e.message}`)));
    child.once('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${out}`))));
  });
}

/**
 * Gives the player copy its node_modules: from the cache when one was installed from the same
 * package.json and lock file, otherwise `npm install --omit=dev --ignore-scripts` (which keeps the
 * lock's versions; `npm ci` fails on this lock), then stored in the cache for the next run.
 */
async function installDependencies(service: string, pristineService: string): Promise<boolean> {
  const key = createHash('sha256')
    .update(readFileSync(join(pristineService, 'package.json')))
    .update(readFileSync(join(pristineService, 'package-lock.json')))
    .update(process.version)
    .digest('hex')
    .slice(0, 16);
  const cached = join(DEPENDENCY_CACHE, key, 'node_modules');
  if (existsSync(join(cached, '.complete'))) {
    symlinkSync(cached, join(service, 'node_modules'), 'dir');
    return true;
  }
  await run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], service);
  try {
    mkdirSync(join(DEPENDENCY_CACHE, key), { recursive: true });
    const partial = join(DEPENDENCY_CACHE, key, `node_modules.${process.pid}.${Date.now()}`);
    cpSync(join(service, 'node_modules'), partial, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(partial, '.complete'), new Date().toISOString());
    if (!existsSync(cached)) renameSync(partial, cached);
    else rmSync(partial, { recursive: true, force: true });
  } catch {
    // The cache is only a speed-up: a run without it is still a run.
  }
  return false;
}

/** A tiny page server for what an LMS shows around a launch: the page the AU returns to. */
function startLmsPages(): Promise<{ server: Server; returnUrl: string }> {
  const server = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/returned')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Returned</title></head><body><h1>Back in the learning platform</h1></body></html>');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, returnUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/returned` })));
}

/**
 * Stands up ADL's CATAPULT cmi5 player as a real process: its own MariaDB, a copy of the player
 * with its dependencies and migrations, Learning Locker's statements service behind an LRS that
 * adds the State and Agent/Activity Profile resources, and a tenant with an API token. If any
 * step fails, what was started is stopped and the temporary folders removed.
 */
export async function startCatapult(root: string = process.cwd()): Promise<CatapultPlayer> {
  const missing = catapultMissing();
  if (missing) throw new Error(missing);
  const started = Date.now();
  const timings: Record<string, number> = {};
  let mark = started;
  const step = (name: string) => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  const work = mkdtempSync(join(tmpdir(), 'ccl-catapult-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  let child: ChildProcess | undefined;
  let output = '';
  const stop = async () => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch (e) {
        console.error('CATAPULT harness: a clean-up step failed:', e);
      }
    }
  };

  try {
    const dbPassword = randomBytes(12).toString('hex');
    const dbStart = startCatapultDatabase(join(work, 'mariadb'), { name: 'catapult_player', user: 'catapult', password: dbPassword });
    // The database starts while the player is copied and installed.
    dbStart.catch(() => undefined);
    cleanups.push(async () => (await dbStart.catch(() => undefined))?.stop());

    cpSync(join(CATAPULT_DIR, 'player'), join(work, 'player'), { recursive: true });
    makeWritable(join(work, 'player'));
    const service = join(work, 'player/service');
    symlinkSync('../migrations', join(service, 'migrations'), 'dir');
    mkdirSync(join(service, 'var/content'), { recursive: true });
    step('copy');
    const dependenciesCached = await installDependencies(service, join(CATAPULT_DIR, 'player/service'));
    step(dependenciesCached ? 'dependencies (cached)' : 'dependencies (npm install)');

    const db: CatapultDatabase = await dbStart;
    step('mariadb');
    const dbEnv = { DB_HOST: db.host, DB_NAME: db.name, DB_USERNAME: db.user, DB_PASSWORD: db.password };
    await run(process.execPath, ['node_modules/knex/bin/cli.js', 'migrate:latest'], service, { PATH: process.env.PATH ?? '', ...dbEnv });
    step('migrations');

    const statementsLrs = await startLrs(root);
    cleanups.push(() => statementsLrs.stop());
    const forwardedByProxy = new Set<string>();
    const documentsLrs = await startXapiDocumentsLrs(
      { endpoint: statementsLrs.endpoint, auth: statementsLrs.auth },
      {
        username: 'catapult',
        password: randomBytes(12).toString('hex'),
        onStatements: (list, forwarded) => {
          if (forwarded) for (const st of list) if (st && typeof (st as { id?: unknown }).id === 'string') forwardedByProxy.add((st as { id: string }).id);
        },
      },
    );
    cleanups.push(() => documentsLrs.stop());
    const pages = await startLmsPages();
    cleanups.push(() => new Promise<void>((r) => pages.server.close(() => r())));
    step('lrs');

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const apiKey = `ccl-${randomBytes(6).toString('hex')}`;
    const apiSecret = randomBytes(18).toString('hex');
    child = spawn(process.execPath, ['index.js', String(port), '127.0.0.1'], {
      cwd: service,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        ...dbEnv,
        LRS_ENDPOINT: documentsLrs.endpoint,
        LRS_USERNAME: documentsLrs.username,
        LRS_PASSWORD: documentsLrs.password,
        LRS_XAPI_VERSION: '1.0.3',
        CONTENT_URL: `${url}/content`,
        API_KEY: apiKey,
        API_SECRET: apiSecret,
        TOKEN_SECRET: randomBytes(32).toString('hex'),
        PLAYER_REQUIRE_STRICT_HEADERS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const player = child;
    player.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-200000)));
    player.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-200000)));
    const playerExited = new Promise<void>((r) => player.once('exit', () => r()));
    const killWithUs = () => player.kill('SIGKILL');
    process.once('exit', killWithUs);
    void playerExited.then(() => process.off('exit', killWithUs));
    cleanups.push(async () => {
      if (player.exitCode !== null || player.signalCode !== null) return;
      player.kill('SIGTERM');
      const timer = setTimeout(() => player.kill('SIGKILL'), 12000);
      await playerExited;
      clearTimeout(timer);
    });
    const deadline = Date.now() + 60000;
    for (;;) {
      if (player.exitCode !== null) throw new Error(`the CATAPULT player exited at start:\n${output.slice(-4000)}`);
      try {
        await fetch(`${url}/api/v1/ping`);
        break; // any answer (401 without a token) means it is serving
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`the CATAPULT player did not answer within 60 s:\n${output.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    step('player');

    const api = async <T>(method: string, path: string, body?: unknown, auth = ''): Promise<T> => {
      const isZip = Buffer.isBuffer(body);
      const res = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': isZip ? 'application/zip' : 'application/json' }) },
        ...(body === undefined ? {} : { body: isZip ? new Uint8Array(body) : JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`CATAPULT ${method} /api/v1${path} answered ${res.status}: ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    };
    const basic = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
    const tenant = await api<{ id: number }>('POST', '/tenant', { code: `ccl-tests-${randomUUID()}` }, basic);
    const { token } = await api<{ token: string }>('POST', '/auth', { tenantId: tenant.id, audience: 'ccl-tests' }, basic);
    const bearer = `Bearer ${token}`;
    step('tenant');
    timings.total = Date.now() - started;

    return {
      url,
      lrsProxyUrl: `${url}/lrs/`,
      returnUrl: pages.returnUrl,
      statementsLrs,
      documentsLrs,
      forwardedByProxy,
      startTimings: timings,
      dependenciesCached,
      importCourse: (zipPath) => api<CatapultCourse>('POST', '/course', readFileSync(zipPath), bearer),
      register: (courseId, actor) => api<CatapultRegistration>('POST', '/registration', { courseId, actor }, bearer),
      launchUrl: async (courseId, auIndex, actor, registrationCode, returnUrl, launchMode) => {
        const r = await api<{ id: number; url: string }>('POST', `/course/${courseId}/launch-url/${auIndex}`, { actor, reg: registrationCode, returnUrl, ...(launchMode ? { launchMode } : {}) }, bearer);
        return { url: r.url, sessionId: r.id };
      },
      getRegistration: (id) => api<CatapultRegistration>('GET', `/registration/${id}`, undefined, bearer),
      getSession: (id) => api<CatapultSession>('GET', `/session/${id}`, undefined, bearer),
      setLrsReachable: (reachable) => documentsLrs.setReachable(reachable),
      output: () => output,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
