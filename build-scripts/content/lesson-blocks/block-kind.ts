import type { PageRenderer } from '../markdown.js';

/** Reports a problem at a line of the block's body (0 = the opening `:::` line). */
export type BlockReport = (message: string, bodyLine?: number) => void;

/** One `:::kind …` block as the lesson file holds it. */
export interface BlockSource {
  kind: string;
  /** The rest of the opening line, trimmed (a title, a channel, a criterion code …). */
  args: string;
  /** The lines between the opening and closing `:::`. */
  body: string;
  /** Line of the opening `:::` in the file (1-based). */
  line: number;
  /** The `## … {code}` part of the lesson the block sits in, if any. */
  part?: CriterionPart;
}

/** A part of a lesson that teaches a criterion: from its `## … {code}` heading to the next `##`. */
export interface CriterionPart {
  criterion: string;
  /** Line of its heading. */
  line: number;
}

/** What a block's renderer may use: the page's Markdown renderer and what the lesson is about. */
export interface BlockContext {
  page: PageRenderer;
  /** Short label before a criterion code: "AC" or "PC". */
  criterionLabel: string;
  /** The criteria the lesson's front matter lists. */
  lessonCriteria: readonly string[];
}

/**
 * A lesson block: how its source is read and checked, how it renders to HTML at build time, and
 * how much reading it adds. Author text reaches the HTML only through the page renderer (Markdown,
 * sanitised) or escaped: a block's own markup is the only markup it adds.
 */
export interface BlockKind<T> {
  /** What the block is for, in the validator's messages. */
  about: string;
  parse(source: BlockSource, report: BlockReport, context: BlockContext): T | undefined;
  render(data: T, context: BlockContext, source: BlockSource): string;
  /** Words a learner reads in it, for reading time. */
  words(data: T): number;
  /** Extra minutes it takes beyond reading (answering a try-it, say). */
  minutes?: number;
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Words of plain or Markdown text. */
export function wordsOf(...texts: string[]): number {
  return texts.join(' ').split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
