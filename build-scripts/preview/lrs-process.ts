import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real LRS: Learning Locker's statements service, in memory, as a child process on loopback. */
export interface LrsProcess {
  /** Base of the xAPI resources, ending in "/xAPI/". */
  endpoint: string;
  /** Any Basic credentials are accepted in its test mode. */
  auth: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startLrs(root: string): Promise<LrsProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ccl-lrs-'));
  const child: ChildProcess = spawn(process.execPath, [join(root, 'node_modules/xapi-statements/dist/index.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      EXPRESS_PORT: String(port),
      EXPRESS_HOST: '127.0.0.1',
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: dir,
      EXPRESS_MORGAN_DIRECTORY: dir,
      SERVICE_AWAIT_UPDATES: 'true',
      WINSTON_CONSOLE_LEVEL: 'error',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  const auth = `Basic ${Buffer.from('preview:preview').toString('base64')}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the LRS exited at start:\n${output}`);
    try {
      const res = await fetch(`${endpoint}about`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the LRS did not start within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    auth,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill();
      }),
  };
}
