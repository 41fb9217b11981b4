import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** Builds the player bundle once and returns its code. */
export async function buildPlayer(root: string, outDir: string): Promise<string> {
  await build({ root, configFile: join(root, 'vite.config.ts'), build: { outDir }, logLevel: 'warn' });
  return readFileSync(join(outDir, 'player.js'), 'utf8');
}
