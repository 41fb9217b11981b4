import { escapeHtml } from '../block-kind.js';

/** Every diagram is drawn this wide (SVG units) and scaled to its column: legible at 320 px. */
export const WIDTH = 320;
export const FONT = 15;
export const LINE = 20;
/** A generous average glyph width for sans-serif text, as a share of the font size (bold a little wider). */
const GLYPH = 0.56;
const GLYPH_BOLD = 0.61;

/** Splits text into lines that fit a width, breaking at spaces (a word longer than the width stands alone). */
export function wrap(text: string, width: number, bold = false, size = FONT): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * (bold ? GLYPH_BOLD : GLYPH))));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of text from (x, y) (the first baseline), `LINE` apart (`step` for smaller text). */
export function textLines(lines: string[], x: number, y: number, cls: string, anchor: 'start' | 'middle' = 'start', step = LINE): string {
  return lines
    .map((l, k) => `<text class="${cls}" x="${x}" y="${y + k * step}"${anchor === 'middle' ? ' text-anchor="middle"' : ''}>${escapeHtml(l)}</text>`)
    .join('');
}

/** An arrowhead marker, referenced as url(#<id>). */
export const arrowMarker = (id: string) =>
  `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="dg-arrowhead" d="M0 0 10 5 0 10z"/></marker>`;

/**
 * The diagram's SVG: a title and description for assistive technology (role img), drawn with
 * classes the lesson's styles colour from the theme, so it follows the centre's colour.
 */
export function svgFrame(id: string, title: string, description: string, height: number, body: string, defs = ''): string {
  return `<svg class="diagram-svg" viewBox="0 0 ${WIDTH} ${Math.ceil(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${defs ? `<defs>${defs}</defs>` : ''}${body}</svg>`;
}
