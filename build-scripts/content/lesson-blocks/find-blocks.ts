import type { ContentProblem } from '../content-error.js';
import type { BlockSource, CriterionPart } from './block-kind.js';

/** A run of plain Markdown between blocks. */
export interface MarkdownPart {
  markdown: string;
}

export type LessonPart = MarkdownPart | { block: BlockSource };

const OPENER = /^:::([a-z][a-z-]*)(?:[ \t]+(.*))?$/;
const CLOSER = /^:::[ \t]*$/;
const CRITERION = /^##\s+.*\{(\d+\.(?:\d+|[a-z]))\}\s*$/;

/**
 * Splits a lesson's body into Markdown and `:::kind … :::` blocks, noting the criterion part each
 * block sits in. Blocks do not nest; an opening line without its closing `:::` is reported.
 */
export function findBlocks(
  file: string,
  body: string,
  bodyLine: number,
  knownKinds: ReadonlySet<string>,
  problems: ContentProblem[],
): { parts: LessonPart[]; criterionParts: CriterionPart[] } {
  const parts: LessonPart[] = [];
  const criterionParts: CriterionPart[] = [];
  const lines = body.split('\n');
  let markdown: string[] = [];
  let open: { kind: string; args: string; line: number; body: string[]; part?: CriterionPart } | undefined;
  let part: CriterionPart | undefined;
  const flush = () => {
    if (markdown.some((l) => l.trim())) parts.push({ markdown: markdown.join('\n') });
    markdown = [];
  };
  lines.forEach((text, k) => {
    const line = bodyLine + k;
    const opener = OPENER.exec(text);
    if (open) {
      if (CLOSER.test(text)) {
        parts.push({ block: { kind: open.kind, args: open.args, body: open.body.join('\n'), line: open.line, ...(open.part ? { part: open.part } : {}) } });
        open = undefined;
      } else if (opener) {
        problems.push({ file, line, message: `a ":::${opener[1]}" block starts inside the ":::${open.kind}" block opened at line ${open.line}: close that one with ":::" first (blocks do not nest)` });
      } else open.body.push(text);
      return;
    }
    const heading = CRITERION.exec(text);
    if (heading) criterionParts.push((part = { criterion: heading[1]!, line }));
    else if (/^##\s/.test(text)) part = undefined;
    if (opener) {
      if (!knownKinds.has(opener[1]!)) {
        problems.push({ file, line, message: `there is no ":::${opener[1]}" block; the blocks are ${[...knownKinds].map((k) => `:::${k}`).join(', ')}` });
        markdown.push('');
        return;
      }
      flush();
      open = { kind: opener[1]!, args: (opener[2] ?? '').trim(), line, body: [], ...(part ? { part } : {}) };
      return;
    }
    if (CLOSER.test(text)) {
      problems.push({ file, line, message: 'this ":::" closes no block' });
      return;
    }
    markdown.push(text);
  });
  if (open) problems.push({ file, line: open.line, message: `the ":::${open.kind}" block opened here is never closed: end it with a line ":::"` });
  flush();
  return { parts, criterionParts };
}
