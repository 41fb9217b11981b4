import type { z } from 'zod';
import type { createRenderer } from '../markdown.js';

/** Reports a problem with a question, at a path inside it (for the file:line of the message). */
export type Report = (message: string, ...path: PropertyKey[]) => void;
export type Renderer = ReturnType<typeof createRenderer>;

/**
 * The build-time side of a question kind: the YAML schema, the checks a schema cannot express,
 * and the rendering of its Markdown into the question data a package carries.
 */
export interface ContentKind<S extends z.ZodType, Q> {
  schema: S;
  check(q: z.infer<S>, report: Report): void;
  /** The kind's own fields rendered (stem, id and criteria are the caller's). */
  render(q: z.infer<S>, render: Renderer, base: { id: string; criteria: string[]; stem: string; stemText: string }): Q;
}

/** Reports the items that appear twice (ignoring case and spaces at the ends). */
export function reportRepeats(items: string[], what: string, report: Report, ...path: PropertyKey[]): void {
  const seen = new Set<string>();
  items.forEach((t, k) => {
    const key = t.trim().toLowerCase();
    if (seen.has(key)) report(`${what} "${t}" appears twice`, ...path, k);
    seen.add(key);
  });
}
