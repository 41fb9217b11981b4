import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { XapiDocumentStore, isDocumentResource } from './xapi-documents.js';

/** Where the statements go: an LRS with the statements resource (Learning Locker's statements service). */
export interface StatementsLrs {
  /** Base of the xAPI resources, ending in "/". */
  endpoint: string;
  /** Authorization header value the statements LRS is sent. */
  auth: string;
}

/** A whole xAPI 1.0.3 LRS on loopback: the document resources here, everything else from the statements LRS. */
export interface XapiDocumentsLrs {
  /** Base of the xAPI resources, ending in "/xAPI/". */
  endpoint: string;
  /** The one Authorization header value it accepts (Basic `username:password`). */
  auth: string;
  username: string;
  password: string;
  /** The State, Agent Profile and Activity Profile documents it holds. */
  documents: XapiDocumentStore;
  /** Drops every open connection and every new one while false, as an outage would; true serves again. */
  setReachable(reachable: boolean): void;
  stop(): Promise<void>;
}

const PASSED_REQUEST_HEADERS = ['content-type', 'x-experience-api-version', 'if-match', 'if-none-match', 'accept', 'accept-language'];
const PASSED_RESPONSE_HEADERS = ['content-type', 'etag', 'last-modified', 'x-experience-api-version', 'x-experience-api-consistent-through'];

/**
 * Puts the State, Agent Profile and Activity Profile resources (served here, in memory, with
 * ETags and the concurrency rules of xAPI 1.0.3) in front of a statements-only LRS, and passes
 * every other request (statements, about) through to it. Every request must carry this LRS's
 * own Basic credentials.
 */
export function startXapiDocumentsLrs(
  statements: StatementsLrs,
  options: {
    username?: string;
    password?: string;
    /**
     * Told of every statement posted through it, and whether a proxy forwarded it (an
     * X-Forwarded-For header: a cmi5 LMS passing on its AU's statements, not sending its own).
     */
    onStatements?: (statements: unknown[], forwarded: boolean) => void;
  } = {},
): Promise<XapiDocumentsLrs> {
  const username = options.username ?? 'documents';
  const password = options.password ?? 'documents-secret';
  const auth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const documents = new XapiDocumentStore();
  const sockets = new Set<Socket>();
  let reachable = true;

  const passThrough = async (req: IncomingMessage, res: ServerResponse, resource: string, search: string) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = { authorization: statements.auth };
    for (const h of PASSED_REQUEST_HEADERS) if (req.headers[h] !== undefined) headers[h] = String(req.headers[h]);
    const method = req.method ?? 'GET';
    if (resource === 'statements' && (method === 'POST' || method === 'PUT') && options.onStatements) {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as unknown;
        options.onStatements(Array.isArray(parsed) ? parsed : [parsed], req.headers['x-forwarded-for'] !== undefined);
      } catch {
        // Not JSON: the statements LRS will say so.
      }
    }
    const upstream = await fetch(`${statements.endpoint}${resource}${search}`, {
      method,
      headers,
      ...(method !== 'GET' && method !== 'HEAD' && body.length ? { body } : {}),
    });
    const out = Buffer.from(await upstream.arrayBuffer());
    const back: Record<string, string> = {};
    for (const h of PASSED_RESPONSE_HEADERS) {
      const v = upstream.headers.get(h);
      if (v !== null) back[h] = v;
    }
    res.writeHead(upstream.status, back);
    res.end(out);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!reachable) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/xAPI/')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not an xAPI resource');
      return;
    }
    if (req.headers.authorization !== auth) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="xAPI"' });
      res.end(JSON.stringify({ message: 'Unauthorised' }));
      return;
    }
    const resource = url.pathname.slice('/xAPI/'.length);
    if (isDocumentResource(resource)) return documents.handle(req, res, url, resource);
    return passThrough(req, res, resource, url.search);
  };

  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: `statements LRS unreachable: ${String(e)}` }));
        } else res.destroy();
      });
    });
    server.on('connection', (s) => {
      if (!reachable) return void s.destroy();
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        endpoint: `http://127.0.0.1:${port}/xAPI/`,
        auth,
        username,
        password,
        documents,
        setReachable(r) {
          reachable = r;
          if (!r) for (const s of sockets) s.destroy();
        },
        stop: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}
