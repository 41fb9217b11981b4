/**
 * A local LMS page for the built packages: `npm run preview` (build first with `npm run build`).
 */
import { join } from 'node:path';
import { startPreviewServer } from './preview/server.js';

const root = process.cwd();
const port = Number(process.env.PORT ?? 4173);
const preview = await startPreviewServer({ root, packagesDir: join(root, 'dist/packages'), port });
console.log(`Preview: ${preview.url}/  (Ctrl+C to stop)`);
