/**
 * The tutor report's page reader, run as a module worker (tutor-reader.js): each page of
 * statements is got and parsed here, and its statements cut to what the report reads of them
 * (evidence-fields.ts), so a page of thousands never holds the report's own thread up.
 * Messages in: { id, url, headers } to get a page, { cancel: id } to abort one.
 * Messages out: a page's statements, STATEMENTS_PER_MESSAGE at a time ({ id, statements }), then
 * { id, page } (a PageResponse, its statements those sent ahead of it); or { id, unreachable: true }.
 * A message is read on the report's thread in one task, so a page of 20,000 comes in several.
 */
import { evidenceFields } from './evidence-fields.js';
import { requestPage, type PageResponse } from './page-request.js';

export type PageWorkerRequest = { id: number; url: string; headers: Record<string, string> } | { cancel: number };
export type PageWorkerReply = { id: number; statements: unknown[] } | { id: number; page: PageResponse } | { id: number; unreachable: true };

/** Statements sent in one message: the report's thread takes each message in a few milliseconds. */
export const STATEMENTS_PER_MESSAGE = 2000;

const request = requestPage();
const running = new Map<number, AbortController>();
const reply = (message: PageWorkerReply) => postMessage(message);

/**
 * Sends the page: its statements cut to the report's fields, a message at a time, then the page
 * without them (a body that is not a page of statements is sent as it is).
 */
function send(id: number, page: PageResponse): void {
  const json = typeof page.body === 'object' ? (page.body.json as { statements?: unknown } | null) : null;
  if (typeof json !== 'object' || json === null || !Array.isArray(json.statements)) return reply({ id, page });
  const statements = json.statements;
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_MESSAGE) reply({ id, statements: statements.slice(i, i + STATEMENTS_PER_MESSAGE).map(evidenceFields) });
  reply({ id, page: { ...page, body: { json: { ...json, statements: [] } } } });
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
    .then((page) => send(m.id, page), () => reply({ id: m.id, unreachable: true }))
    .finally(() => running.delete(m.id));
});
