/**
 * The tutor report's page reader, run as a module worker (tutor-reader.js): each page of
 * statements is got and parsed here, and its statements cut to what the report reads of them
 * (evidence-fields.ts), so a page of thousands never holds the report's own thread up.
 * Messages in: { id, url, headers } to get a page, { cancel: id } to abort one.
 * Messages out: { id, page } (a PageResponse), or { id, unreachable: true }.
 */
import { evidenceFields } from './evidence-fields.js';
import { requestPage, type PageResponse } from './page-request.js';

export type PageWorkerRequest = { id: number; url: string; headers: Record<string, string> } | { cancel: number };
export type PageWorkerReply = { id: number; page: PageResponse } | { id: number; unreachable: true };

const request = requestPage();
const running = new Map<number, AbortController>();
const reply = (message: PageWorkerReply) => postMessage(message);

/** The page with its statements cut to the report's fields (a body that is not a page of statements is passed on as it is). */
function cut(page: PageResponse): PageResponse {
  if (typeof page.body !== 'object') return page;
  const json = page.body.json as { statements?: unknown } | null;
  if (typeof json !== 'object' || json === null || !Array.isArray(json.statements)) return page;
  return { ...page, body: { json: { ...json, statements: json.statements.map(evidenceFields) } } };
}

addEventListener('message', (e: MessageEvent<PageWorkerRequest>) => {
  const m = e.data;
  if ('cancel' in m) {
    running.get(m.cancel)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(m.id, controller);
  request(m.url, m.headers, controller.signal)
    .then((page) => reply({ id: m.id, page: cut(page) }), () => reply({ id: m.id, unreachable: true }))
    .finally(() => running.delete(m.id));
});
