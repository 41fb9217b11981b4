import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runBuild } from '../../build-scripts/build.js';
import { readBuildOptions } from '../../build-scripts/options.js';

/** Where the tests build every unit's packages (kept apart from dist/). */
export const TEST_DIST = join(process.cwd(), '.test-dist');

/** Builds every unit once for the whole test run. */
export default async function setup(): Promise<() => void> {
  const options = readBuildOptions(['--out', TEST_DIST], process.cwd());
  await runBuild(process.cwd(), options);
  return () => rmSync(TEST_DIST, { recursive: true, force: true });
}
