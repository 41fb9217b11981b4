import { zipSync, strToU8 } from 'fflate';

/** Zips files (path → contents) with the manifest first and a fixed date, so builds are reproducible. */
export function zipPackage(files: Map<string, string | Uint8Array>): Uint8Array {
  const mtime = new Date('2026-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 9 }]> = {};
  const isManifest = (n: string) => n === 'imsmanifest.xml' || n === 'cmi5.xml';
  const names = [...files.keys()].sort((a, b) => Number(isManifest(b)) - Number(isManifest(a)) || a.localeCompare(b));
  for (const name of names) {
    const v = files.get(name)!;
    entries[name] = [typeof v === 'string' ? strToU8(v) : v, { mtime, level: 9 }];
  }
  return zipSync(entries);
}
