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
  return { files, eager: staticImports(files, 'player.js') };
}

/** The chunks a chunk imports statically (not the ones it loads with import()). */
function staticImports(files: ReadonlyMap<string, string>, name: string): string[] {
  const js = files.get(name);
  if (js === undefined) throw new Error(`the player build has no chunk ${name}: a module it was named after has moved or been renamed`);
  return [...new Set([...js.matchAll(/(?:^|[;\s}])import\s*(?:[^"'()]*?from\s*)?["']\.\/(player-[\w-]+\.js)["']/g)].map((m) => m[1]!))];
}

/**
 * The chunks to preload for a launch that will certainly load `start` (chunk names): the eager
 * ones, `start` and everything they import statically, and nothing else.
 */
export function preloadsFor(player: PlayerBuild, start: readonly string[]): string[] {
  const out = new Set(player.eager);
  const add = (name: string) => {
    if (out.has(name)) return;
    out.add(name);
    for (const dep of staticImports(player.files, name)) add(dep);
  };
  for (const name of start) add(name);
  return [...out];
}
