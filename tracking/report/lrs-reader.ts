import { VERBS } from '../xapi/vocabulary.js';
import type { LrsReadConnection } from './lrs-connection.js';
import { LrsReadError, kindOfStatus } from './lrs-read-error.js';

/**
 * Reads statements from any conformant LRS through the standard statements resource only: its
 * filters (activity, related_activities, verb, agent, since, until, limit) and "more" paging.
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
  /** Each page's statements, as they arrive (statements already seen in this read are left out). */
  onStatements?: (statements: unknown[]) => void;
  onProgress?: (progress: ReadProgress) => void;
  fetch?: typeof fetch;
}

export const READ_DEFAULTS = { timeoutMs: 20000, maxPages: 1000, pageSize: 500 } as const;

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
    let res: Response;
    try {
      res = await (options.fetch ?? fetch)(url, {
        headers: { Authorization: connection.auth, 'X-Experience-API-Version': '1.0.3', Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      return fail();
    }
    if (!res.ok) throw new LrsReadError(kindOfStatus(res.status), { status: res.status, origin });
    let text: string;
    try {
      text = await res.text();
    } catch {
      return fail();
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new LrsReadError('not-xapi', { origin });
    }
    const result = body as { statements?: unknown; more?: unknown };
    if (typeof body !== 'object' || body === null || !Array.isArray(result.statements) || (result.more !== undefined && typeof result.more !== 'string'))
      throw new LrsReadError('not-xapi', { origin });
    return { statements: result.statements, more: (result.more as string | undefined) ?? '' };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onCancel);
  }
}

async function readQuery(connection: LrsReadConnection, query: StatementQuery, options: ReadOptions, state: ReadState): Promise<void> {
  const timeoutMs = options.timeoutMs ?? READ_DEFAULTS.timeoutMs;
  const maxPages = options.maxPages ?? READ_DEFAULTS.maxPages;
  let url = statementsUrl(connection.endpoint, { limit: options.pageSize ?? READ_DEFAULTS.pageSize, ...query });
  const visited = new Set<string>();
  for (;;) {
    if (state.pages >= maxPages) throw new LrsReadError('too-many-pages', { pages: state.pages, statements: state.statements });
    visited.add(url);
    const page = await getPage(url, connection, { ...options, timeoutMs });
    state.pages++;
    const fresh = page.statements.filter((s) => {
      const id = typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return true;
      if (state.seen.has(id)) return false;
      state.seen.add(id);
      return true;
    });
    // A page of nothing but statements already read is the LRS going round in circles.
    if (page.statements.length > 0 && fresh.length === 0) throw new LrsReadError('looping', { pages: state.pages });
    state.statements += fresh.length;
    if (fresh.length > 0) options.onStatements?.(fresh);
    options.onProgress?.({ pages: state.pages, statements: state.statements });
    if (!page.more) return;
    url = nextPageUrl(connection.endpoint, page.more);
    if (visited.has(url)) throw new LrsReadError('looping', { pages: state.pages });
  }
}

/** Reads every statement matching each query, one query after another; resolves with the totals. */
export async function readStatements(connection: LrsReadConnection, queries: StatementQuery[], options: ReadOptions = {}): Promise<ReadProgress> {
  const state: ReadState = { pages: 0, statements: 0, seen: new Set() };
  for (const q of queries) await readQuery(connection, q, options, state);
  return { pages: state.pages, statements: state.statements };
}

/**
 * The statements the report needs for one unit: passed, failed and answered, on the unit's
 * activity or any activity related to it (its criteria and questions carry it in their context).
 */
export function unitEvidenceQueries(unitIri: string, extra: Pick<StatementQuery, 'agent' | 'since' | 'until'> = {}): StatementQuery[] {
  return [VERBS.passed, VERBS.failed, VERBS.answered].map((verb) => ({ ...extra, verb, activity: unitIri, relatedActivities: true }));
}
