import XAPI, { type Statement } from '@xapi/xapi';

type Adapter = NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>;
interface AdapterRequest {
  url: string;
  method: string;
  data?: unknown;
  headers?: Record<string, string>;
}

/** What became of one POST of statements. */
export type SendOutcome =
  | { kind: 'delivered' }
  /** The LRS refused the statements themselves (400): resending cannot help. */
  | { kind: 'rejected'; status: number }
  /** Down, slow, busy or not authorised yet: try again later. */
  | { kind: 'retry'; status?: number; retryAfterMs?: number };

export interface LrsConnection {
  endpoint: string;
  /** Authorization header value, e.g. "Basic …". */
  auth: string;
}

/** Milliseconds before a request to the LRS is given up (and retried later). */
export const LRS_TIMEOUT_MS = 15000;

/** fetch with a timeout, keepalive when the page is going away, and no throwing on HTTP errors. */
function adapter(keepalive: () => boolean, timeoutMs: number): Adapter {
  return (async ({ url, method, data, headers }: AdapterRequest) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const body = data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
      const res = await fetch(url, { method, body, headers, signal: controller.signal, keepalive: keepalive() && (body?.length ?? 0) < 60000, credentials: 'omit' });
      const textBody = await res.text();
      let parsed: unknown = textBody;
      try {
        parsed = JSON.parse(textBody);
      } catch {
        // Not JSON: keep the text.
      }
      return { data: parsed, headers: Object.fromEntries(res.headers.entries()), status: res.status };
    } finally {
      clearTimeout(timer);
    }
  }) as Adapter;
}

/** One xAPI client (@xapi/xapi) per LRS connection. */
export class LrsClient {
  private leaving = false;
  readonly xapi: XAPI;
  constructor(
    readonly connection: LrsConnection,
    timeoutMs = LRS_TIMEOUT_MS,
  ) {
    this.xapi = new XAPI({ endpoint: connection.endpoint, auth: connection.auth, adapter: adapter(() => this.leaving, timeoutMs) });
  }

  /** Marks that the page is being hidden or closed: requests from now on use keepalive. */
  pageLeaving(): void {
    this.leaving = true;
  }

  async sendStatements(statements: Statement[]): Promise<SendOutcome> {
    try {
      const res = await this.xapi.sendStatements({ statements });
      return classify(res.status, res.headers as Record<string, string>);
    } catch {
      return { kind: 'retry' };
    }
  }
}

export function classify(status: number, headers: Record<string, string> = {}): SendOutcome {
  // 409: statements with these ids are already stored, so they arrived earlier.
  if ((status >= 200 && status < 300) || status === 409) return { kind: 'delivered' };
  if (status === 400) return { kind: 'rejected', status };
  const retryAfter = Number(headers['retry-after']);
  return { kind: 'retry', status, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
}
