import { VERBS } from '../xapi/vocabulary.js';
import type { LrsReadConnection } from './lrs-connection.js';
import { LrsReadError, kindOfStatus } from './lrs-read-error.js';
import { nextTask } from './next-task.js';
import { requestPage, type PageRequest, type PageResponse } from './page-request.js';

/**
 * Reads statements from any conformant LRS through the standard statements resource only: its
 * filters (activity, related_activities, verb, agent, since, until, limit), by stored-time
 * windows, with "more" as the sign that anything is left.
 * Every request has a timeout; a cancel signal stops at once; the number of pages is capped; an
 * LRS that repeats a page, or points "more" at another server, is stopped with a plain message.
 */

/** Filters of the statements resource (xAPI 1.0.3, 2.1.3). */
export interface StatementQuery {
  activity?: string;
  relatedActivities?: boolean;
  verb?: string;
  agent?: object;
  /** ISO 8601 timestamps; the LRS compares them with when it stored each statement. */
  since?: string;
  until?: string;
  limit?: number;
  /** "ids" leaves out names and definitions (agents, activities and verbs by identifier alone); "exact" when absent. */
  format?: 'exact' | 'ids' | 'canonical';
}

export interface ReadProgress {
  pages: number;
  statements: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Milliseconds before one request is given up. */
  timeoutMs?: number;
  /** Pages read (over all queries of one read) before stopping. */
  maxPages?: number;
  /** Statements asked for per page (the LRS may send fewer). */
  pageSize?: number;
  /**
   * Each page's statements, as they arrive (statements already seen in this read are left out),
   * at most HANDED_ON_PER_TASK at a time: a large page's slices come a task apart.
   */
  onStatements?: (statements: unknown[]) => void;
  onProgress?: (progress: ReadProgress) => void;
  fetch?: typeof fetch;
  /** How each page is got and parsed (in a worker, say: pagesInWorker); with `fetch` on this thread when absent. */
  requestPage?: PageRequest;
}

/**
 * Every request costs an LRS a search of its statements, whatever the page holds, so pages are
 * large: 2,000 statements parse in a few tens of milliseconds. An LRS may send fewer.
 */
export const READ_DEFAULTS = { timeoutMs: 20000, maxPages: 10000, pageSize: 2000 } as const;

/** Statements handed on in one task: taking in a page of thousands never holds the page up for long. */
export const HANDED_ON_PER_TASK = 2000;

/** The query string of a statements request. */
export function statementsUrl(endpoint: string, q: StatementQuery): string {
  const p = new URLSearchParams();
  if (q.agent) p.set('agent', JSON.stringify(q.agent));
  if (q.verb) p.set('verb', q.verb);
  if (q.activity) p.set('activity', q.activity);
  if (q.relatedActivities) p.set('related_activities', 'true');
  if (q.since) p.set('since', q.since);
  if (q.until) p.set('until', q.until);
  if (q.limit) p.set('limit', String(q.limit));
  if (q.format) p.set('format', q.format);
  const query = p.toString();
  return `${endpoint}statements${query ? `?${query}` : ''}`;
}

/**
 * Where the "more" link leads. The standard makes it relative to the LRS's server root; an
 * endpoint behind a proxy that moved the xAPI path (e.g. /lrs/ in front of /xAPI/) gets the part
 * from "statements" on, under the endpoint. The next page must be on the endpoint's own server,
 * so the key is never sent anywhere else.
 */
export function nextPageUrl(endpoint: string, more: string): string {
  const base = new URL(endpoint);
  const url = /^[a-z][a-z0-9+.-]*:|^\//i.test(more) ? new URL(more, base.origin) : new URL(more, base);
  if (url.origin !== base.origin) throw new LrsReadError('other-server', { origin: base.origin });
  if (url.pathname.startsWith(base.pathname)) return url.href;
  const at = url.pathname.lastIndexOf('/statements');
  return at < 0 ? url.href : `${base.origin}${base.pathname}${url.pathname.slice(at + 1)}${url.search}`;
}

interface ReadState {
  pages: number;
  statements: number;
  seen: Set<string>;
}

async function getPage(url: string, connection: LrsReadConnection, options: Required<Pick<ReadOptions, 'timeoutMs'>> & ReadOptions): Promise<{ statements: unknown[]; more: string }> {
  const origin = new URL(connection.endpoint).origin;
  const outer = options.signal;
  if (outer?.aborted) throw new LrsReadError('cancelled');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCancel = () => controller.abort();
  outer?.addEventListener('abort', onCancel);
  const fail = (): never => {
    if (outer?.aborted) throw new LrsReadError('cancelled');
    if (timedOut) throw new LrsReadError('timeout', { origin, timeoutMs: options.timeoutMs });
    throw new LrsReadError('unreachable', { origin });
  };
  try {
    let page: PageResponse;
    try {
      page = await (options.requestPage ?? requestPage(options.fetch))(url, { Authorization: connection.auth, 'X-Experience-API-Version': '1.0.3', Accept: 'application/json' }, controller.signal);
    } catch {
      return fail();
    }
    if (page.status < 200 || page.status > 299) throw new LrsReadError(kindOfStatus(page.status), { status: page.status, origin });
    if (page.body === 'unreadable') return fail();
    if (page.body === 'not-json') throw new LrsReadError('not-xapi', { origin });
    const body = page.body.json;
    const result = body as { statements?: unknown; more?: unknown };
    if (typeof body !== 'object' || body === null || !Array.isArray(result.statements) || (result.more !== undefined && typeof result.more !== 'string'))
      throw new LrsReadError('not-xapi', { origin });
    return { statements: result.statements, more: (result.more as string | undefined) ?? '' };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onCancel);
  }
}

/** A page's statements not read before in this read (by id); a statement without an id always counts. */
function freshOf(statements: unknown[], state: ReadState): unknown[] {
  return statements.filter((s) => {
    const id = typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return true;
    if (state.seen.has(id)) return false;
    state.seen.add(id);
    return true;
  });
}

/** When the LRS stored each statement of a page (ms since 1970), or null if any lacks a stored time. */
function storedTimes(statements: unknown[]): number[] | null {
  const times: number[] = [];
  for (const s of statements) {
    const stored = typeof s === 'object' && s !== null ? (s as { stored?: unknown }).stored : undefined;
    const t = typeof stored === 'string' ? Date.parse(stored) : NaN;
    if (Number.isNaN(t)) return null;
    times.push(t);
  }
  return times;
}

const newestFirst = (times: number[]) => times.every((t, i) => i === 0 || times[i - 1]! >= t);
const iso = (ms: number) => new Date(ms).toISOString();
/** Stored times are compared to the millisecond; a window reaches this far past the times it names. */
const OVERLAP_MS = 1;

/** The largest page asked for while a run of statements sharing one stored time does not fit. */
const MAX_PAGE_SIZE = 20000;

class PageReader {
  private readonly timeoutMs: number;
  private readonly maxPages: number;

  constructor(
    private readonly connection: LrsReadConnection,
    private readonly options: ReadOptions,
    private readonly state: ReadState,
  ) {
    this.timeoutMs = options.timeoutMs ?? READ_DEFAULTS.timeoutMs;
    this.maxPages = options.maxPages ?? READ_DEFAULTS.maxPages;
  }

  /** Gets one page and hands on its statements not seen before. */
  async page(url: string): Promise<{ statements: unknown[]; more: string; fresh: number }> {
    const { state, options } = this;
    if (state.pages >= this.maxPages) throw new LrsReadError('too-many-pages', { pages: state.pages, statements: state.statements });
    const page = await getPage(url, this.connection, { ...options, timeoutMs: this.timeoutMs });
    state.pages++;
    const fresh = freshOf(page.statements, state);
    state.statements += fresh.length;
    for (let i = 0; i < fresh.length; i += HANDED_ON_PER_TASK) {
      if (i > 0) await nextTask();
      options.onStatements?.(fresh.slice(i, i + HANDED_ON_PER_TASK));
    }
    options.onProgress?.({ pages: state.pages, statements: state.statements });
    return { ...page, fresh: fresh.length };
  }

  /**
   * Follows "more" from a first URL to the end, stopping an LRS that goes round in circles. The
   * first page may repeat what was read already where it re-reads a run of one stored time.
   */
  async followMore(first: string, { firstMayRepeat = false } = {}): Promise<void> {
    let url = first;
    const visited = new Set<string>();
    for (;;) {
      visited.add(url);
      const page = await this.page(url);
      // A page of nothing but statements already read is the LRS going round in circles.
      if (page.statements.length > 0 && page.fresh === 0 && !(firstMayRepeat && visited.size === 1)) throw new LrsReadError('looping', { pages: this.state.pages });
      if (!page.more) return;
      url = nextPageUrl(this.connection.endpoint, page.more);
      if (visited.has(url)) throw new LrsReadError('looping', { pages: this.state.pages });
    }
  }

  /**
   * Reads a query by stored-time windows, newest first: each request asks for what was stored up
   * to the last page's oldest stored time (and a millisecond past it), so statements sharing that
   * time that did not fit are read again rather than skipped, and repeats are dropped by id.
   * "more" only says whether anything is left. Some LRSs (Learning Locker's among them) repeat or
   * skip statements that share a stored time across "more" pages; this way every statement
   * arrives once however the LRS pages. Where a run of statements sharing one stored time fills a
   * page, the page grows until it fits (and stays that size: such runs come again), or where the
   * LRS will not send more per page, that run alone is read by "more". An LRS whose pages are not
   * newest first within the window asked for, or lack stored times, is read by "more" alone.
   */
  async read(query: StatementQuery): Promise<void> {
    const since = query.since === undefined ? -Infinity : Date.parse(query.since);
    let until = query.until;
    let limit = this.options.pageSize ?? READ_DEFAULTS.pageSize;
    for (;;) {
      const page = await this.page(statementsUrl(this.connection.endpoint, { ...query, until, limit }));
      if (!page.more) return;
      const times = storedTimes(page.statements);
      const top = until === undefined ? Infinity : Date.parse(until);
      const inWindow = times !== null && times.length > 0 && newestFirst(times) && times[0]! <= top + OVERLAP_MS && times.at(-1)! >= since;
      if (!inWindow) return this.followMore(nextPageUrl(this.connection.endpoint, page.more));
      const oldest = times.at(-1)!;
      if (oldest + OVERLAP_MS < top) {
        until = iso(oldest + OVERLAP_MS);
        continue;
      }
      // The whole page shares one stored time (to the millisecond).
      if (page.statements.length >= limit && limit < MAX_PAGE_SIZE) {
        limit = Math.min(MAX_PAGE_SIZE, limit * 4);
        continue;
      }
      const below = iso(oldest - OVERLAP_MS);
      await this.followMore(statementsUrl(this.connection.endpoint, { ...query, since: below, until: iso(oldest + OVERLAP_MS), limit }), { firstMayRepeat: true });
      until = below;
    }
  }
}

/**
 * Reads every statement matching each query, the queries side by side (so one's pages are read
 * while the LRS looks up another's); resolves with the totals. The first to fail stops the others.
 */
export async function readStatements(connection: LrsReadConnection, queries: StatementQuery[], options: ReadOptions = {}): Promise<ReadProgress> {
  const state: ReadState = { pages: 0, statements: 0, seen: new Set() };
  const stop = new AbortController();
  const outer = options.signal;
  const onCancel = () => stop.abort();
  if (outer?.aborted) stop.abort();
  outer?.addEventListener('abort', onCancel);
  const reader = new PageReader(connection, { ...options, signal: stop.signal }, state);
  try {
    // The first failure is the one told: the reads it stops fail later, as cancelled.
    await Promise.all(
      queries.map((q) =>
        reader.read(q).catch((e: unknown) => {
          stop.abort();
          throw e;
        }),
      ),
    );
  } finally {
    outer?.removeEventListener('abort', onCancel);
  }
  return { pages: state.pages, statements: state.statements };
}

type UnitQueryFilters = Pick<StatementQuery, 'agent' | 'since' | 'until'>;

/**
 * The verdicts on a unit's criteria: passed and failed, on the unit's activity or any activity
 * related to it (its criteria carry it in their context). The grid's every status and attempt
 * count comes from these, a few of each learner's statements, so they are read first.
 */
export function unitVerdictQueries(unitIri: string, extra: UnitQueryFilters = {}): StatementQuery[] {
  return [VERBS.passed, VERBS.failed].map((verb) => ({ ...extra, verb, activity: unitIri, relatedActivities: true }));
}

/**
 * The answers on a unit's questions, most of the evidence, asked for by ids alone: the grid needs
 * no more of them (which criteria, right or not, when), and the LRS sends them in less than half
 * the bytes. A learner's answers in full are read when opened (learnerAnswersQuery).
 */
export function unitAnswerQueries(unitIri: string, extra: UnitQueryFilters = {}): StatementQuery[] {
  return [{ ...extra, verb: VERBS.answered, activity: unitIri, relatedActivities: true, format: 'ids' }];
}

/** One learner's answers on the unit in full: each question as it was asked, and the response. */
export function learnerAnswersQuery(unitIri: string, agent: object): StatementQuery {
  return { verb: VERBS.answered, activity: unitIri, relatedActivities: true, agent };
}
