import { requestPage, type PageRequest, type PageResponse } from './page-request.js';
import type { PageWorkerReply, PageWorkerRequest } from './page-worker.js';

/** Statements asked for per page when pages are parsed in the worker: fewer, larger requests, each of which costs an LRS a search. */
export const PAGE_SIZE_IN_WORKER = 20000;

/**
 * Pages got through the report's page worker (page-worker.ts) rather than on this thread: the
 * reader's requestPage. Each request is answered by id; an abort cancels it in the worker too.
 * A worker that cannot run (not found, refused by the page's policy, failed) hands its requests,
 * those waiting and those to come, to `here`, so the report still reads, only on this thread.
 */
export function pagesInWorker(worker: Worker, here: PageRequest = requestPage()): PageRequest {
  let next = 0;
  let broken = false;
  type Waiting = { url: string; headers: Record<string, string>; signal: AbortSignal; resolve: (page: PageResponse) => void; reject: (e: unknown) => void; statements: unknown[] };
  const waiting = new Map<number, Waiting>();
  const send = (m: PageWorkerRequest) => worker.postMessage(m);
  worker.addEventListener('message', (e: MessageEvent<PageWorkerReply>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    // A page's statements come a message at a time, ahead of the page.
    if ('statements' in e.data) return void w.statements.push(...e.data.statements);
    waiting.delete(e.data.id);
    if ('page' in e.data) w.resolve(withStatements(e.data.page, w.statements));
    else w.reject(new Error('the LRS could not be reached'));
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    console.warn('The report reads on its own thread: its page reader could not run.', e.message ?? '');
    broken = true;
    worker.terminate();
    for (const w of waiting.values()) here(w.url, w.headers, w.signal).then(w.resolve, w.reject);
    waiting.clear();
  });
  return (url, headers, signal) => {
    if (broken) return here(url, headers, signal);
    return new Promise<PageResponse>((resolve, reject) => {
      if (signal.aborted) return reject(new DOMException('aborted', 'AbortError'));
      const id = next++;
      waiting.set(id, { url, headers, signal, resolve, reject, statements: [] });
      signal.addEventListener(
        'abort',
        () => {
          if (!waiting.delete(id)) return;
          send({ cancel: id });
          reject(new DOMException('aborted', 'AbortError'));
        },
        { once: true },
      );
      send({ id, url, headers });
    });
  };
}

/** The page with the statements sent ahead of it before its own (a page without a list of statements is as it came). */
function withStatements(page: PageResponse, ahead: unknown[]): PageResponse {
  const json = typeof page.body === 'object' ? (page.body.json as { statements?: unknown } | null) : null;
  if (ahead.length === 0 || typeof json !== 'object' || json === null || !Array.isArray(json.statements)) return page;
  return { ...page, body: { json: { ...json, statements: [...ahead, ...json.statements] } } };
}
