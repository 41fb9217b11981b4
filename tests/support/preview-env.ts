import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLrs, type LrsProcess } from '../../build-scripts/preview/lrs-process.js';
import { startPreviewServer, type PreviewServer } from '../../build-scripts/preview/server.js';
import { launchBrowser } from '../../build-scripts/preview/browser.js';
import { TEST_DIST } from './global-setup.js';

export interface PreviewEnv {
  server: PreviewServer;
  browser: Browser;
  /** Present when asked for: a real LRS behind the preview's /lrs/. */
  lrs: LrsProcess;
}

/** For one test file: the preview LMS serving the test build, Chromium, and optionally a real LRS. */
export function usePreview(options: { lrs?: boolean } = {}): PreviewEnv {
  const env = {} as PreviewEnv;
  beforeAll(async () => {
    if (options.lrs) env.lrs = await startLrs(process.cwd());
    env.server = await startPreviewServer({ root: process.cwd(), packagesDir: join(TEST_DIST, 'packages'), ...(options.lrs ? { lrs: env.lrs } : {}) });
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.lrs?.stop();
  });
  return env;
}
