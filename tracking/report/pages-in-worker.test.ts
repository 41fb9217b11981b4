import { describe, expect, it } from 'vitest';
import type { PageRequest, PageResponse } from './page-request.js';
import type { PageWorkerRequest } from './page-worker.js';
import { pagesInWorker } from './pages-in-worker.js';

const page = (n: number): PageResponse => ({ status: 200, body: { json: { statements: [{ id: String(n) }], more: '' } } });

/** A stand-in for the worker: records what it is sent; the test answers, or fails it. */
class FakeWorker extends EventTarget {
  readonly sent: PageWorkerRequest[] = [];
  terminated = false;
  postMessage(m: PageWorkerRequest): void {
    this.sent.push(m);
  }
  reply(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const headers = { Authorization: 'Basic a2V5OnNlY3JldA==' };

describe('pages in the worker', () => {
  it('answers each request with its own reply, whatever order the replies come in', async () => {
    const worker = new FakeWorker();
    const request = pagesInWorker(worker as unknown as Worker);
    const first = request('https://lrs.example.org/xapi/statements?n=1', headers, new AbortController().signal);
    const second = request('https://lrs.example.org/xapi/statements?n=2', headers, new AbortController().signal);
    expect(worker.sent).toEqual([
      { id: 0, url: 'https://lrs.example.org/xapi/statements?n=1', headers },
      { id: 1, url: 'https://lrs.example.org/xapi/statements?n=2', headers },
    ]);
    worker.reply({ id: 1, page: page(2) });
    worker.reply({ id: 0, page: page(1) });
    expect(await first).toEqual(page(1));
    expect(await second).toEqual(page(2));
    const third = request('https://lrs.example.org/xapi/statements?n=3', headers, new AbortController().signal);
    worker.reply({ id: 2, unreachable: true });
    await expect(third).rejects.toThrow(/could not be reached/);
  });

  it('takes a page whose statements come a message at a time ahead of it, in the order sent', async () => {
    const worker = new FakeWorker();
    const request = pagesInWorker(worker as unknown as Worker);
    const asked = request('https://lrs.example.org/xapi/statements', headers, new AbortController().signal);
    worker.reply({ id: 0, statements: [{ id: 'a' }, { id: 'b' }] });
    worker.reply({ id: 0, statements: [{ id: 'c' }] });
    worker.reply({ id: 0, page: { status: 200, body: { json: { statements: [], more: '/xapi/statements?page=2' } } } });
    expect(await asked).toEqual({ status: 200, body: { json: { statements: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], more: '/xapi/statements?page=2' } } });
  });

  it('cancels an aborted request in the worker too, and ignores a reply that comes after', async () => {
    const worker = new FakeWorker();
    const request = pagesInWorker(worker as unknown as Worker);
    const stop = new AbortController();
    const asked = request('https://lrs.example.org/xapi/statements', headers, stop.signal);
    stop.abort();
    await expect(asked).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.sent.at(-1)).toEqual({ cancel: 0 });
    worker.reply({ id: 0, page: page(1) }); // too late: nothing waits for it
    await expect(request('u', headers, stop.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('hands every request to this thread once the worker cannot run: those waiting and those to come', async () => {
    const worker = new FakeWorker();
    const here: string[] = [];
    const onThisThread: PageRequest = async (url) => {
      here.push(url);
      return page(here.length);
    };
    const request = pagesInWorker(worker as unknown as Worker, onThisThread);
    const waiting = request('https://lrs.example.org/xapi/statements?n=1', headers, new AbortController().signal);
    worker.dispatchEvent(new Event('error'));
    expect(await waiting).toEqual(page(1));
    expect(await request('https://lrs.example.org/xapi/statements?n=2', headers, new AbortController().signal)).toEqual(page(2));
    expect(here).toEqual(['https://lrs.example.org/xapi/statements?n=1', 'https://lrs.example.org/xapi/statements?n=2']);
    expect(worker.terminated).toBe(true);
    expect(worker.sent).toHaveLength(1);
  });
});
