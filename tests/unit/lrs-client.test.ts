import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LrsClient } from '../../tracking/xapi/lrs-client.js';
import { newUuid } from '../../tracking/xapi/uuid.js';
import { record } from '../support/fault-ledger.js';

/** A misbehaving LRS on loopback: each path answers in its own bad way. */
let server: Server;
let base = '';
const seen: { path: string; auth?: string; body: string }[] = [];
beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += String(c);
    seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    const mode = (req.url ?? '').split('/')[1];
    if (mode === 'slow') return void setTimeout(() => res.writeHead(200).end('[]'), 2000);
    if (mode === 'drop') return void req.socket.destroy();
    const status = { ok: 200, conflict: 409, bad: 400, down: 500, busy: 429, unauth: 401 }[mode ?? ''] ?? 404;
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '7' } : {}) });
    res.end(status === 200 ? JSON.stringify([]) : JSON.stringify({ message: 'no' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const statement = () => ({ id: newUuid(), actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'https://example.org/q/1' } });
const send = (mode: string, timeoutMs = 500) => new LrsClient({ endpoint: `${base}/${mode}/`, auth: 'Basic c2VjcmV0OmtleQ==' }, timeoutMs).sendStatements([statement()]);

describe('LRS client over real HTTP', () => {
  it.each([
    ['accepts', 'ok', { kind: 'delivered' }],
    ['already has the statements (409)', 'conflict', { kind: 'delivered' }],
    ['refuses them as invalid (400)', 'bad', { kind: 'refused', status: 400, reason: 'no' }],
    ['fails (500)', 'down', { kind: 'retry', status: 500 }],
    ['is busy (429, Retry-After 7)', 'busy', { kind: 'retry', status: 429, retryAfterMs: 7000 }],
    ['refuses the key (401)', 'unauth', { kind: 'retry', status: 401 }],
    ['drops the connection', 'drop', { kind: 'retry' }],
    ['answers too slowly', 'slow', { kind: 'retry' }],
  ])('classifies an LRS that %s', async (_, mode, expected) => {
    expect(await send(mode)).toEqual(expected);
    if (mode !== 'ok') record({ faultsInjected: 1 });
  });

  it('sends the statements as one JSON batch with the xAPI version and the key only to that LRS', async () => {
    seen.length = 0;
    await send('ok');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe('/ok/statements');
    expect(seen[0]!.auth).toBe('Basic c2VjcmV0OmtleQ==');
    expect(JSON.parse(seen[0]!.body)).toHaveLength(1);
  });

  it('refuses to wait for an LRS that never answers: a timeout, not a hang', async () => {
    const started = Date.now();
    expect(await send('slow', 300)).toEqual({ kind: 'retry' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
