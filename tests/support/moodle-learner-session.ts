import type { Browser, BrowserContext, ConsoleMessage, FrameLocator, Page } from 'playwright-core';
import { MOODLE_STUDENT, type MoodleSite } from './moodle.js';

/** One call the SCO made on Moodle's SCORM API object, as the instrumented player.php page saw it. */
export interface ScormApiCall {
  /** Which player.php page (one per launch) the call was made in. */
  launch: string;
  /** Order of calls and beacons within that page. */
  seq: number;
  /** Milliseconds since the player.php page started. */
  at: number;
  /** `SetValue`, `LMSCommit` … */
  fn: string;
  /** The arguments, long values shortened (`…[n chars]`). */
  args: string[];
  /** What Moodle's API returned (shortened like the arguments). */
  result: string;
  /** Moodle's GetLastError code right after the call ('' after the error functions themselves). */
  error: string;
  /** Moodle was sending through navigator.sendBeacon at the time (the page was being hidden or unloaded). */
  beaconMode: boolean;
}

/** A navigator.sendBeacon call Moodle's API made from player.php (it does so only while the page goes away). */
export interface ScormBeacon {
  launch: string;
  seq: number;
  at: number;
  url: string;
  /** Size of the multipart body Chromium is asked to send (computed as Chromium encodes FormData). */
  bytes: number;
  /** False when Chromium refused the beacon (it refuses bodies over 64 KiB): nothing of it reaches Moodle. */
  queued: boolean;
  /** The API function that sent it (`Commit`, `Terminate`, `LMSFinish` …). */
  call: string;
}

/**
 * A request to mod/scorm/datamodel.php seen on the network: the synchronous saves. Beacons of a
 * page going away seldom show here; Moodle's request log counts those (LeaveReport.received).
 */
export interface DatamodelRequest {
  url: string;
  beacon: boolean;
  /** Body size when Chromium reported it (null when it did not). */
  bytes: number | null;
}

/** The beacons sent while a page went away, and how many of them Moodle's web server answered. */
export interface LeaveReport {
  beacons: ScormBeacon[];
  received: number;
  /** The SCO called Terminate (2004) or LMSFinish (1.2) as the page went away. */
  terminated: boolean;
}

const LOG_PREFIX = '[ccl-moodle-api] ';

/** Longest wait for Moodle to answer the beacons of a page that went away. */
const BEACON_SETTLE_MS = 15_000;
/** How long reports may still arrive after a page's Terminate (its GetLastError, say). */
const REPORT_STRAGGLER_MS = 300;

/** The SCO frame Moodle's player.php shows a SCORM package in. */
export const SCO_FRAME = '#scorm_object';

/** Bounded waits for anything the learner does in Moodle. */
const ACTION_TIMEOUT_MS = 20_000;

/**
 * Runs in every frame before its scripts; in Moodle's player.php only, it wraps each method of the
 * SCORM API object (window.API for 1.2, window.API_1484_11 for 2004) as Moodle assigns it, and
 * navigator.sendBeacon, and reports every call and beacon. The wrappers call Moodle's own
 * functions with the same `this` and arguments and return what they return: behaviour, the
 * unload beacons included, is unchanged.
 *
 * Reports go to the console while the page is live. The console messages of a page that is going
 * away never reach the test, so from the first pagehide, beforeunload or hidden visibilitychange on,
 * each report is also written to localStorage (synchronous, and kept after the page is gone) under
 * `<prefix><launch>:<seq>`, where the test collects it from the next page of the same origin.
 */
function instrumentMoodleScormApi(prefix: string): void {
  if (!location.pathname.endsWith('/mod/scorm/player.php')) return;
  const launch = String(performance.timeOrigin);
  let seq = 0;
  let goingAway = false;
  for (const type of ['pagehide', 'beforeunload', 'unload']) addEventListener(type, () => (goingAway = true), { capture: true });
  document.addEventListener('visibilitychange', () => (goingAway ||= document.visibilityState === 'hidden'), { capture: true });
  const emit = (entry: Record<string, unknown>) => {
    const n = seq++;
    const text = JSON.stringify({ launch, seq: n, at: Math.round(performance.now()), ...entry });
    console.debug(prefix + text);
    if (goingAway) {
      try {
        localStorage.setItem(`${prefix}${launch}:${n}`, text);
      } catch {
        // Storage full or blocked: the console report is all there is.
      }
    }
  };
  const shorten = (v: unknown): string => {
    const s = String(v);
    return s.length <= 160 ? s : `${s.slice(0, 160)}…[${s.length} chars]`;
  };
  const beaconMode = () => Boolean((window as unknown as { mod_scorm_useBeaconAPI?: boolean }).mod_scorm_useBeaconAPI);
  /** The API function running (its beacons are sent from inside it). */
  let activeCall = '';
  const errorFunctions = new Set(['GetLastError', 'GetErrorString', 'GetDiagnostic', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);

  const instrument = (api: unknown, lastErrorName: string) => {
    if (!api || typeof api !== 'object') return api;
    const target = api as Record<string, unknown>;
    const lastError = target[lastErrorName] as (() => unknown) | undefined;
    for (const name of Object.keys(target)) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      target[name] = function (this: unknown, ...args: unknown[]) {
        const outer = activeCall;
        activeCall = name;
        let result: unknown;
        try {
          result = (original as (...a: unknown[]) => unknown).apply(this, args);
        } finally {
          activeCall = outer;
        }
        const error = errorFunctions.has(name) || !lastError ? '' : String(lastError.call(api));
        emit({ kind: 'call', fn: name, args: args.map(shorten), result: shorten(result), error, beaconMode: beaconMode() });
        return result;
      };
    }
    return api;
  };
  for (const [name, lastErrorName] of [
    ['API', 'LMSGetLastError'],
    ['API_1484_11', 'GetLastError'],
  ] as const) {
    let held: unknown;
    Object.defineProperty(window, name, {
      configurable: true,
      enumerable: true,
      get: () => held,
      set: (value: unknown) => {
        held = instrument(value, lastErrorName);
      },
    });
  }

  const sendBeacon = navigator.sendBeacon;
  const utf8 = new TextEncoder();
  /** Chromium's multipart encoding: a 38-character boundary, one part per entry. */
  const multipartBytes = (data: unknown): number => {
    if (typeof data === 'string') return utf8.encode(data).length;
    if (!(data instanceof FormData)) return -1;
    let n = 0;
    for (const [key, value] of data.entries()) {
      const body = typeof value === 'string' ? utf8.encode(value).length : value.size;
      n += 42 + utf8.encode(`Content-Disposition: form-data; name="${key}"\r\n\r\n`).length + body + 2;
    }
    return n + 44;
  };
  navigator.sendBeacon = function (this: Navigator, url: string | URL, data?: BodyInit | null) {
    const queued = sendBeacon.call(this, url, data);
    emit({ kind: 'beacon', url: String(url), bytes: multipartBytes(data), queued, call: activeCall });
    return queued;
  };
}

/** A player.php page the student opened: the page, the SCO's frame, and the id its reports carry. */
export interface MoodleLaunch {
  page: Page;
  sco: FrameLocator;
  /** The `launch` of this page's ScormApiCall and ScormBeacon records. */
  launch: string;
}

/**
 * The student's browser session in Moodle: one browser context, logged in once. Every request
 * to a host other than 127.0.0.1 fails (the context's proxy goes nowhere, so nothing is
 * intercepted and Moodle's unload beacons travel as they would). Records every SCORM API call
 * and beacon of every player.php page, and the datamodel.php requests on the network.
 */
export class MoodleLearnerSession {
  readonly calls: ScormApiCall[] = [];
  readonly beacons: ScormBeacon[] = [];
  readonly datamodelRequests: DatamodelRequest[] = [];
  /** Requests to any host but 127.0.0.1 (each was refused). */
  readonly foreignRequests: string[] = [];
  /** Chromium's console errors in Moodle's pages and the SCO. */
  readonly consoleErrors: string[] = [];
  private readonly seen = new Set<string>();
  /** A plain page of Moodle's origin, for reading what closed pages left in localStorage. */
  private originPage: Page | undefined;

  private constructor(
    readonly site: MoodleSite,
    readonly context: BrowserContext,
  ) {}

  /** Opens a browser context for the student and logs in at /login/index.php. */
  static async logIn(browser: Browser, site: MoodleSite): Promise<MoodleLearnerSession> {
    const context = await browser.newContext({ proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' } });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    const session = new MoodleLearnerSession(site, context);
    await context.addInitScript(instrumentMoodleScormApi, LOG_PREFIX);
    context.on('console', (m) => session.onConsole(m));
    context.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1') session.foreignRequests.push(r.url());
      if (url.pathname.endsWith('/mod/scorm/datamodel.php'))
        session.datamodelRequests.push({ url: r.url(), beacon: url.searchParams.get('api') === 'beacon', bytes: r.postDataBuffer()?.length ?? null });
    });
    const page = await context.newPage();
    // The login page's own AJAX request writes the session: a form posted while it runs loses its
    // login token ("Invalid login"). Waiting for the network to go quiet avoids that race.
    for (let tries = 1; ; tries++) {
      await page.goto(`${site.url}/login/index.php`, { waitUntil: 'networkidle' });
      await page.fill('#username', MOODLE_STUDENT.username);
      await page.fill('#password', MOODLE_STUDENT.password);
      // Logged in: Moodle redirects out of /login/; refused: it shows the form again at ?loginredirect=1.
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login/') || u.searchParams.has('loginredirect')), page.click('#loginbtn')]);
      if (!new URL(page.url()).pathname.startsWith('/login/')) break;
      if (tries === 3) throw new Error(`Moodle refused the student's login three times: ${(await page.locator('#loginerrormessage, .alert').allTextContents()).join(' ')}`);
    }
    await page.close();
    return session;
  }

  private onConsole(m: ConsoleMessage): void {
    const text = m.text();
    if (text.startsWith(LOG_PREFIX)) this.record(text.slice(LOG_PREFIX.length));
    else if (m.type() === 'error') this.consoleErrors.push(`${m.page()?.url() ?? ''}: ${text}`);
  }

  private record(json: string): void {
    const entry = JSON.parse(json) as { kind: string } & ScormApiCall & ScormBeacon;
    const key = `${entry.launch}:${entry.seq}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const { kind, ...rest } = entry;
    if (kind === 'call') this.calls.push(rest as ScormApiCall);
    else this.beacons.push(rest as ScormBeacon);
  }

  /** Takes in what pages that went away left in localStorage (their console reports never arrive). */
  async collectReportsOfClosedPages(): Promise<void> {
    if (!this.originPage || this.originPage.isClosed()) {
      this.originPage = await this.context.newPage();
      await this.originPage.goto(`${this.site.url}/COPYING.txt`);
    }
    const texts = await this.originPage.evaluate((prefix) => {
      const keys = Object.keys(localStorage).filter((k) => k.startsWith(prefix));
      const values = keys.map((k) => localStorage.getItem(k) ?? '');
      for (const k of keys) localStorage.removeItem(k);
      return values;
    }, LOG_PREFIX);
    const entries = texts.map((t) => ({ t, e: JSON.parse(t) as { launch: string; seq: number } }));
    entries.sort((a, b) => a.e.launch.localeCompare(b.e.launch) || a.e.seq - b.e.seq);
    for (const { t } of entries) this.record(t);
  }

  /**
   * Opens the activity as the student does: view.php, then Enter (normal mode, not Preview), and
   * waits for the SCO's first view inside player.php's frame.
   */
  async launch(cmid: number, page?: Page): Promise<MoodleLaunch> {
    const p = page ?? (await this.context.newPage());
    await p.goto(`${this.site.url}/mod/scorm/view.php?id=${cmid}`);
    await Promise.all([p.waitForURL(/\/mod\/scorm\/player\.php/), p.click('button[value=normal]')]);
    const launch = String(await p.evaluate(() => performance.timeOrigin));
    const sco = p.frameLocator(SCO_FRAME);
    await sco.locator('main h1').waitFor();
    return { page: p, sco, launch };
  }

  /** Leaves the activity by going to the course page in the same tab (Moodle's unload beacons fire). */
  async navigateAway(from: MoodleLaunch): Promise<LeaveReport> {
    return this.leave(from, () => from.page.goto(`${this.site.url}/course/view.php?name=SCORMACC`).then(() => undefined));
  }

  /** Leaves the activity by closing the tab (Moodle's unload beacons fire). */
  async closeTab(from: MoodleLaunch): Promise<LeaveReport> {
    return this.leave(from, () => from.page.close());
  }

  /**
   * Does what makes the page go away, then waits (boundedly) for the page's last reports (its
   * Terminate or LMSFinish; a closing page's localStorage writes arrive late) and until Moodle's
   * web server has answered every beacon Chromium queued, so a relaunch reads what they stored.
   */
  private async leave(from: MoodleLaunch, go: () => Promise<void>): Promise<LeaveReport> {
    // Beacons of pages closed earlier are accounted for first: only this page's are awaited.
    await this.collectReportsOfClosedPages();
    const receivedBefore = this.site.beaconsReceived();
    await go();
    const deadline = Date.now() + BEACON_SETTLE_MS;
    let terminatedAt = 0;
    for (;;) {
      await this.collectReportsOfClosedPages();
      const sent = this.beacons.filter((b) => b.launch === from.launch);
      const queued = sent.filter((b) => b.queued).length;
      const received = this.site.beaconsReceived() - receivedBefore;
      if (!terminatedAt && this.callsOf(from.launch).some((c) => /^(Terminate|LMSFinish)$/.test(c.fn))) terminatedAt = Date.now();
      const settled = terminatedAt > 0 && Date.now() - terminatedAt >= REPORT_STRAGGLER_MS && received >= queued;
      if (settled || Date.now() > deadline) return { beacons: sent, received, terminated: terminatedAt > 0 };
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The calls one player.php page made, in order. */
  callsOf(launch: string): ScormApiCall[] {
    return this.calls.filter((c) => c.launch === launch);
  }

  /** Forgets what was recorded (between scenarios). */
  clearRecords(): void {
    for (const list of [this.calls, this.beacons, this.datamodelRequests, this.foreignRequests, this.consoleErrors]) list.length = 0;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** The calls Moodle refused: a SetValue/Commit/Terminate (or 1.2's LMS…) that did not return true, or left an error code. */
export function refusedCalls(calls: ScormApiCall[]): ScormApiCall[] {
  const writes = /^(Initialize|SetValue|Commit|Terminate|LMSInitialize|LMSSetValue|LMSCommit|LMSFinish)$/;
  return calls.filter((c) => writes.test(c.fn) && (c.result !== 'true' || (c.error !== '0' && c.error !== '')));
}

/** The length of a logged value before it was shortened (`…[n chars]`). */
export function loggedLength(value: string | undefined): number {
  if (value === undefined) return 0;
  const m = /…\[(\d+) chars\]$/.exec(value);
  return m ? Number(m[1]) : value.length;
}

/** One line per call, for failure messages: `SetValue("cmi.exit", "suspend") → false, error 101 (during unload)`. */
export function describeCall(c: ScormApiCall): string {
  return `${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(', ')}) → ${c.result}${c.error ? `, error ${c.error}` : ''}${c.beaconMode ? ' (while the page went away, by beacon)' : ''}`;
}
