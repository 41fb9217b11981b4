import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './content-error.js';
import { CONTENT_KINDS } from './question-kinds/index.js';

/** A parsed YAML file that can tell the line of any path in it. */
export interface YamlFile {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function parseYamlFile(file: string, text: string, problems: ContentProblem[]): YamlFile | undefined {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
      problems.push({ file, line, message: `this is not valid YAML: ${e.message.split('\n')[0]}` });
    }
    return undefined;
  }
  return {
    file,
    data: doc.toJS(),
    lineOf(path) {
      // Walk up the path until a node with a position is found.
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/**
 * Checks parsed YAML against a schema; reports each problem at its line (plus `lineOffset`, for
 * YAML that starts part-way into a file), `linePrefix` leading every path. Undefined when invalid.
 */
export function checkYaml<S extends z.ZodType>(
  file: YamlFile,
  schema: S,
  data: unknown,
  problems: ContentProblem[],
  linePrefix: readonly PropertyKey[] = [],
  lineOffset = 0,
): z.infer<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...linePrefix, ...issue.path];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${describe(valueAt(data, issue.path))}`;
    if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator')
      message = `type must be one of ${Object.keys(CONTENT_KINDS).join(', ')}`;
    const line = file.lineOf(path);
    problems.push({ file: file.file, line: line === undefined ? undefined : line + lineOffset, message: where + message });
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}
