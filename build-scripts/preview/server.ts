import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { Cmi5Lms, type LrsForward } from './cmi5-lms.js';
import type { LrsProcess } from './lrs-process.js';
import { isDocumentResource } from './xapi-documents.js';
import { indexPage } from './index-page.js';
import type { BuildReport } from '../build.js';

/** The policy packages are served under: no inline script or style, no eval, nothing from elsewhere. */
export const PACKAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

const here = fileURLToPath(new URL('.', import.meta.url));

export interface PreviewServer {
  url: string;
  server: Server;
  /** The cmi5 LMS side (launch sessions, tokens, State API). */
  cmi5: Cmi5Lms;
  /** Makes the LRS unreachable (connections dropped) or reachable again, as an outage would. */
  setLrsReachable(reachable: boolean): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for an LMS: lists the built packages, launches one in a frame with
 * scorm-again as the SCORM runtime, and serves each package's files from its zip.
 */
export function startPreviewServer(options: { root: string; packagesDir: string; port?: number; lrs?: LrsProcess }): Promise<PreviewServer> {
  let baseUrl = '';
  let lrsReachable = true;
  const cmi5 = new Cmi5Lms(() => baseUrl);
  const lrs = options.lrs;
  const cache = new Map<string, { mtime: number; files: Record<string, Uint8Array> }>();
  const unzipped = (name: string) => {
    const path = join(options.packagesDir, name);
    if (!/^[a-z0-9-]+\.zip$/.test(name) || !existsSync(path)) return undefined;
    const mtime = statSync(path).mtimeMs;
    const hit = cache.get(name);
    if (hit && hit.mtime === mtime) return hit.files;
    const files = unzipSync(readFileSync(path));
    cache.set(name, { mtime, files });
    return files;
  };
  const send = (res: ServerResponse, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const vendor: Record<string, string> = {
    '/vendor/scorm12.js': join(options.root, 'node_modules/scorm-again/dist/scorm12.min.js'),
    '/vendor/scorm2004.js': join(options.root, 'node_modules/scorm-again/dist/scorm2004.min.js'),
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void | Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (path === '/' || path === '/index.html') {
      const reportFile = join(options.packagesDir, '..', 'build-report.json');
      const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport) : undefined;
      const tutorQuery = lrs ? `?${new URLSearchParams({ endpoint: `${baseUrl}/lrs/`, auth: lrs.auth })}` : '';
      return send(res, 200, indexPage(report, `/tutor/${tutorQuery}`), TYPES['.html']!);
    }
    const download = /^\/download\/([a-z0-9-]+\.zip)$/.exec(path);
    if (download) {
      const file = join(options.packagesDir, download[1]!);
      if (!existsSync(file)) return send(res, 404, 'Not found', 'text/plain');
      return send(res, 200, readFileSync(file), 'application/zip', { 'content-disposition': `attachment; filename="${download[1]}"` });
    }
    if (path === '/launch.html') {
      // Only the runtime this package needs is loaded (none for cmi5).
      const standard = url.searchParams.get('standard');
      const runtime = standard === 'scorm2004' ? '<script src="/vendor/scorm2004.js"></script>' : standard === 'cmi5' ? '' : '<script src="/vendor/scorm12.js"></script>';
      // The launch configuration is written into the page, so the package starts without another round trip.
      const config = JSON.stringify(harnessConfig(url)).replace(/</g, '\\u003c');
      const page = readFileSync(join(here, 'launch.html'), 'utf8')
        .replace('<!--RUNTIME-->', runtime)
        .replace('<!--CONFIG-->', `<script type="application/json" id="harness-config">${config}</script>`);
      return send(res, 200, page, TYPES['.html']!);
    }
    if (path.startsWith('/cmi5/fetch/') && req.method === 'POST') return cmi5.fetch(path.slice('/cmi5/fetch/'.length), res);
    if (path === '/cmi5/returned') return send(res, 200, '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Returned</title></head><body><h1>Back in the learning platform</h1></body></html>', TYPES['.html']!);
    if (path.startsWith('/lrs/')) return void proxyLrs(req, res, url, path.slice('/lrs/'.length));
    if (path === '/harness.js' || path === '/harness.css')
      return send(res, 200, readFileSync(join(here, path.slice(1))), TYPES[extname(path)]!);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (vendor[path]) return send(res, 200, readFileSync(vendor[path]!), TYPES['.js']!);
    const tutor = /^\/tutor\/([\w.-]*)$/.exec(path);
    if (tutor) {
      // The tutor report page, built beside the packages (dist/tutor/).
      const file = join(options.packagesDir, '..', 'tutor', tutor[1] || 'index.html');
      if (!existsSync(file)) return send(res, 404, 'No tutor report built yet: run npm run build', 'text/plain');
      return send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream', { 'content-security-policy': PACKAGE_CSP.replace("connect-src 'self'", 'connect-src *') });
    }
    const m = /^\/pkg\/([^/]+)\/(.+)$/.exec(path);
    if (m) {
      const files = unzipped(m[1]!);
      const inner = normalize(m[2]!).replace(/^(\.\.\/)+/, '');
      const file = files?.[inner];
      if (!file) return send(res, 404, 'Not found', 'text/plain');
      return send(res, 200, file, TYPES[extname(inner)] ?? 'application/octet-stream', { 'content-security-policy': PACKAGE_CSP });
    }
    send(res, 404, 'Not found', 'text/plain');
  };

  const harnessConfig = (url: URL) => {
    const pkg = url.searchParams.get('pkg') ?? '';
    const standard = url.searchParams.get('standard');
    const lrsWanted = url.searchParams.get('lrs') !== '0' && lrs;
    if (standard === 'cmi5') {
      const files = unzipped(pkg);
      const xml = files?.['cmi5.xml'] ? strFromU8(files['cmi5.xml']) : '';
      // The AU's id, moveOn and masteryScore from the course structure, as an LMS imports them.
      const auTag = /<au\s[^>]*>/.exec(xml)?.[0] ?? '';
      const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(auTag)?.[1]?.replace(/&amp;/g, '&');
      const auId = attribute('id') ?? '';
      const moveOn = attribute('moveOn');
      const masteryScore = Number(attribute('masteryScore'));
      const mode = url.searchParams.get('launchMode');
      const launch = cmi5.launch(auId, `${baseUrl}/cmi5/returned`, url.searchParams.get('registration') || undefined, {
        ...(mode === 'Browse' || mode === 'Review' ? { launchMode: mode } : {}),
        ...(moveOn === 'Passed' || moveOn === 'Completed' || moveOn === 'CompletedAndPassed' || moveOn === 'CompletedOrPassed' || moveOn === 'NotApplicable' ? { moveOn } : {}),
        ...(attribute('masteryScore') !== undefined && Number.isFinite(masteryScore) ? { masteryScore } : {}),
      });
      return { packageUrl: `/pkg/${encodeURIComponent(pkg)}/index.html?${launch.query}`, registration: launch.registration, lrs: lrs ? { endpoint: `${baseUrl}/lrs/`, auth: lrs.auth } : null };
    }
    const query = lrsWanted ? `?${new URLSearchParams({ endpoint: `${baseUrl}/lrs/`, auth: lrs.auth })}` : '';
    return { packageUrl: `/pkg/${encodeURIComponent(pkg)}/index.html${query}`, lrs: lrs ? { endpoint: `${baseUrl}/lrs/`, auth: lrs.auth } : null };
  };

  /** Passes one request on to the LRS process with the preview's own key; rejects when it cannot be reached. */
  const forwardToLrs: LrsForward = async (method, resource, headers, body) => {
    if (!lrs) return { status: 404, headers: { 'content-type': 'text/plain' } as Record<string, string>, body: Buffer.from('No LRS is running') };
    const upstream = await fetch(`${lrs.endpoint}${resource}`, {
      method,
      headers: {
        authorization: lrs.auth,
        'x-experience-api-version': headers['x-experience-api-version'] ?? '1.0.3',
        ...(headers['content-type'] ? { 'content-type': headers['content-type'] } : {}),
      },
      ...(body && body.length && method !== 'GET' && method !== 'HEAD' ? { body: new Uint8Array(body) } : {}),
    });
    return {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'x-experience-api-version': '1.0.3' },
      body: Buffer.from(await upstream.arrayBuffer()),
    };
  };

  /**
   * The LRS as packages see it. A cmi5 AU's requests (with its session token) go through the cmi5
   * LMS, which judges them by CATAPULT's rules and serves the document resources itself; those
   * resources are for cmi5 sessions only, as in CATAPULT. Everything else is forwarded to the LRS
   * process.
   */
  const proxyLrs = async (req: IncomingMessage, res: ServerResponse, url: URL, rest: string) => {
    if (!lrsReachable) {
      req.socket.destroy();
      return;
    }
    try {
      if (cmi5.isAuRequest(req.headers.authorization)) return await cmi5.auRequest(req, res, url, rest, forwardToLrs);
      if (isDocumentResource(rest)) return send(res, 401, JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' }), 'application/json');
      if (!lrs) return send(res, 404, 'No LRS is running', 'text/plain');
      // Like the statements service in its test mode, any Basic credentials are let through (a
      // package launched with its own key); the LRS itself gets the preview's key.
      if (!req.headers.authorization?.startsWith('Basic ')) return send(res, 401, 'Unauthorised', 'text/plain');
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers: Record<string, string> = {};
      for (const h of ['content-type', 'x-experience-api-version']) if (req.headers[h]) headers[h] = String(req.headers[h]);
      const answer = await forwardToLrs(req.method ?? 'GET', `${rest}${url.search}`, headers, chunks.length ? Buffer.concat(chunks) : undefined);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    }
  };

  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      Promise.resolve(handle(req, res)).catch((e: unknown) => {
        console.error(e);
        if (!res.headersSent) send(res, 500, 'Server error', 'text/plain');
      });
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      baseUrl = `http://127.0.0.1:${port}`;
      resolve({
        url: baseUrl,
        server,
        cmi5,
        setLrsReachable: (r) => {
          lrsReachable = r;
        },
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
