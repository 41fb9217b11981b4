import type { BlockReport, BlockSource } from './block-kind.js';

/**
 * The body of a block written in Markdown. Headings are refused (a block sits inside a lesson's
 * part and must not start a new one), and so is an empty body.
 */
export function markdownBody(source: BlockSource, report: BlockReport, what: string): string | undefined {
  const lines = source.body.split('\n');
  let ok = true;
  lines.forEach((l, k) => {
    if (/^#{1,6}\s/.test(l)) {
      report(`a heading cannot go inside ${what}: put it before the block`, k + 1);
      ok = false;
    }
  });
  if (!source.body.trim()) {
    report(`${what} is empty`);
    return undefined;
  }
  return ok ? source.body : undefined;
}
