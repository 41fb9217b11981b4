import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ContentProblem } from './content-error.js';

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
