import type { Statement } from '@xapi/xapi';

/** What became of one POST of statements. */
export type SendOutcome =
  | { kind: 'delivered' }
  /**
   * The LRS (or the cmi5 LMS in front of it) refused the request and sending it again as it is
   * cannot help: 400, 403, 404 and any other 4xx but 401, 408, 409, 413 and 429. `reason` is the
   * requirement or message the LRS gave, when it gave one.
   */
  | { kind: 'refused'; status: number; reason?: string }
  /** The request was too large for the LRS (413): send fewer statements at once. */
  | { kind: 'too-large' }
  /** Down, slow, busy (408, 429, 5xx) or not accepting the key (401): try again later. */
  | { kind: 'retry'; status?: number; retryAfterMs?: number };

export interface LrsConnection {
  endpoint: string;
  /** Authorization header value, e.g. "Basic …". */
  auth: string;
}

/** A document of the State or Agent Profile resource, as read. */
export interface LrsDocument {
  /** 200 when found, 404 when there is none; 0 when the LRS could not be reached. */
  status: number;
  body: unknown;
  etag?: string;
}

/** Milliseconds before a request to the LRS is given up (and retried later). */
export const LRS_TIMEOUT_MS = 15000;
/** Largest request body sent with keepalive (browsers allow 64 KiB in flight for a closing page). */
export const KEEPALIVE_MAX_BYTES = 60000;

const XAPI_VERSION = '1.0.3';

/**
 * A small xAPI client over fetch: statements, and the State and Agent Profile documents cmi5
 * needs. Requests time out, never send cookies, use keepalive once the page is going away, and
 * never throw on an HTTP error: every outcome is a value.
 */
export class LrsClient {
  private leaving = false;
  constructor(
    readonly connection: LrsConnection,
    private readonly timeoutMs = LRS_TIMEOUT_MS,
  ) {}

  /** Marks that the page is being hidden or closed: requests from now on use keepalive. */
  pageLeaving(): void {
    this.leaving = true;
  }

  async sendStatements(statements: Statement[]): Promise<SendOutcome> {
    try {
      const res = await this.request('POST', 'statements', {}, JSON.stringify(statements), { 'content-type': 'application/json' });
      return classify(res.status, res.headers, res.text);
    } catch {
      return { kind: 'retry' };
    }
  }

  /** Reads one document of `activities/state` or `agents/profile`. */
  async getDocument(resource: 'activities/state' | 'agents/profile', params: Record<string, unknown>): Promise<LrsDocument> {
    try {
      const res = await this.request('GET', resource, params);
      if (res.status !== 200) return { status: res.status, body: null };
      let body: unknown = res.text;
      try {
        body = JSON.parse(res.text);
      } catch {
        // Not JSON: keep the text.
      }
      const etag = res.headers.get('etag');
      return { status: 200, body, ...(etag ? { etag } : {}) };
    } catch {
      return { status: 0, body: null };
    }
  }

  /** Writes one JSON document of `activities/state`; resolves to the HTTP status, 0 when unreachable. */
  async putDocument(resource: 'activities/state', params: Record<string, unknown>, body: unknown): Promise<number> {
    try {
      return (await this.request('PUT', resource, params, JSON.stringify(body), { 'content-type': 'application/json' })).status;
    } catch {
      return 0;
    }
  }

  private async request(
    method: string,
    resource: string,
    params: Record<string, unknown>,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      // An endpoint is the base of the resources: "…/xapi" and "…/xapi/" name the same one.
      const base = this.connection.endpoint.endsWith('/') ? this.connection.endpoint : `${this.connection.endpoint}/`;
      const res = await fetch(`${base}${resource}${query ? `?${query}` : ''}`, {
        method,
        headers: { authorization: this.connection.auth, 'x-experience-api-version': XAPI_VERSION, ...headers },
        ...(body !== undefined ? { body } : {}),
        signal: controller.signal,
        keepalive: this.leaving && (body?.length ?? 0) < KEEPALIVE_MAX_BYTES,
        credentials: 'omit',
      });
      // Read the body before the timer ends, so a body that never arrives is a timeout too.
      return { status: res.status, headers: res.headers, text: await res.text() };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What an answer to a POST of statements means for the queue. */
export function classify(status: number, headers: Headers | Record<string, string> = {}, body = ''): SendOutcome {
  // 409: statements with these ids are already stored, so they arrived earlier.
  if ((status >= 200 && status < 300) || status === 409) return { kind: 'delivered' };
  if (status === 413) return { kind: 'too-large' };
  const header = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? undefined;
  if (status === 401 || status === 408 || status === 429 || status >= 500 || status < 400) {
    const retryAfter = Number(header('retry-after'));
    return { kind: 'retry', status, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
  }
  const reason = refusalReason(body);
  return { kind: 'refused', status, ...(reason ? { reason } : {}) };
}

/** The requirement id (cmi5 LMSs name one) or message of a refusal, kept short. */
function refusalReason(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { violatedReqId?: unknown; message?: unknown };
    if (typeof parsed.violatedReqId === 'string') return parsed.violatedReqId;
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 200);
  } catch {
    // Not JSON.
  }
  return body.trim().slice(0, 200) || undefined;
}
