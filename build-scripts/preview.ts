/**
 * A local LMS page for the built packages, with a real LRS beside it: `npm run preview`
 * (build first with `npm run build`).
 */
import { join } from 'node:path';
import { startLrs } from './preview/lrs-process.js';
import { startPreviewServer } from './preview/server.js';

const root = process.cwd();
const port = Number(process.env.PORT ?? 4173);
const lrs = await startLrs(root);
const preview = await startPreviewServer({ root, packagesDir: join(root, 'dist/packages'), port, lrs });
console.log(`Preview: ${preview.url}/  (LRS at ${lrs.endpoint}; Ctrl+C to stop)`);
const stop = async () => {
  await preview.close();
  await lrs.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
