import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export interface PlayerBuild {
  /** player.js first, then the chunks it loads. */
  files: Map<string, string>;
  /** Chunks player.js imports statically: preloaded by every launch page. */
  eager: string[];
}

/** Builds the player once, for every unit's packages. */
export async function buildPlayer(root: string, outDir: string): Promise<PlayerBuild> {
  await build({ root, configFile: join(root, 'vite.config.ts'), build: { outDir }, logLevel: 'warn' });
  const names = readdirSync(outDir).filter((f) => f.endsWith('.js')).sort((a, b) => Number(b === 'player.js') - Number(a === 'player.js') || a.localeCompare(b));
  const files = new Map(names.map((n) => [n, readFileSync(join(outDir, n), 'utf8')]));
  const eager = [...files.get('player.js')!.matchAll(/(?:^|[;\s}])import\s*(?:[^"'()]*?from\s*)?["']\.\/(player-[\w-]+\.js)["']/g)].map((m) => m[1]!);
  return { files, eager: [...new Set(eager)] };
}
