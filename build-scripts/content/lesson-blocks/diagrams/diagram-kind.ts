import type { z } from 'zod';

/** A kind of diagram: the fields of its data (beside title and description) and how it is drawn. */
export interface DiagramKind<S extends z.ZodObject> {
  fields: S;
  /** The SVG body (and defs) for the data, `id` prefixing any ids it needs; its height in SVG units. */
  draw(data: z.infer<S>, id: string): { height: number; body: string; defs?: string };
  /** The diagram in words: what the text alternative under it, and the printed page, list. */
  inWords(data: z.infer<S>): { ordered: boolean; items: string[] };
  /** Checks the schema cannot express. */
  check?(data: z.infer<S>, report: (message: string) => void): void;
}
