import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

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
  close(): Promise<void>;
}

/**
 * A local stand-in for an LMS: lists the built packages, launches one in a frame with
 * scorm-again as the SCORM runtime, and serves each package's files from its zip.
 */
export function startPreviewServer(options: { root: string; packagesDir: string; port?: number }): Promise<PreviewServer> {
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

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (path === '/' || path === '/index.html') {
      const zips = existsSync(options.packagesDir) ? readdirSync(options.packagesDir).filter((f) => f.endsWith('.zip')).sort() : [];
      return send(res, 200, indexPage(zips), TYPES['.html']!);
    }
    if (path === '/launch.html') {
      // Only the runtime this package needs is loaded.
      const runtime = url.searchParams.get('standard') === 'scorm2004' ? 'scorm2004' : 'scorm12';
      return send(res, 200, readFileSync(join(here, 'launch.html'), 'utf8').replace('RUNTIME', runtime), TYPES['.html']!);
    }
    if (path === '/harness.js' || path === '/harness.css')
      return send(res, 200, readFileSync(join(here, path.slice(1))), TYPES[extname(path)]!);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (vendor[path]) return send(res, 200, readFileSync(vendor[path]!), TYPES['.js']!);
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

  return new Promise((resolve) => {
    const server = createServer(handle);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        server,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

function indexPage(zips: string[]): string {
  const rows = zips
    .map((z) => {
      const standard = z.includes('scorm2004') ? 'scorm2004' : 'scorm12';
      return `<li><a href="/launch.html?pkg=${encodeURIComponent(z)}&amp;standard=${standard}">${z}</a></li>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Package preview</title>
<link rel="stylesheet" href="/harness.css"></head><body><main><h1>Package preview</h1>
<p>Each link launches a package with scorm-again as the LMS runtime. Progress is kept in this browser, as an LMS would keep it.</p>
<ul>${rows || '<li>No packages yet: run <code>npm run build</code>.</li>'}</ul></main></body></html>`;
}
