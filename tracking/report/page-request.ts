/**
 * One request for a page of statements, and what it gave: the status, and the body as JSON or
 * why there is none. The same whether it runs on the page or in a worker (page-worker.ts), so
 * the reader tells an LRS's answers apart the same way in both.
 */

export interface PageResponse {
  status: number;
  /** The body as JSON; 'unreadable' when it could not be read (or was not, for an error status); 'not-json' when it was not JSON. */
  body: { json: unknown } | 'unreadable' | 'not-json';
}

/** Gets one page; rejects when the LRS cannot be reached or the signal aborts the request. */
export type PageRequest = (url: string, headers: Record<string, string>, signal: AbortSignal) => Promise<PageResponse>;

/** Pages got with fetch (the browser's, or one given), credentials never sent, nothing cached. */
export function requestPage(fetchFn: typeof fetch = fetch): PageRequest {
  return async (url, headers, signal) => {
    const res = await fetchFn(url, { headers, credentials: 'omit', cache: 'no-store', signal });
    if (!res.ok) return { status: res.status, body: 'unreadable' };
    let text: string;
    try {
      text = await res.text();
    } catch {
      return { status: res.status, body: 'unreadable' };
    }
    try {
      return { status: res.status, body: { json: JSON.parse(text) as unknown } };
    } catch {
      return { status: res.status, body: 'not-json' };
    }
  };
}
