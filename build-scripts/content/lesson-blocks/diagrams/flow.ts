import { z } from 'zod';
import { text } from '../../question-kinds/common.js';
import { LINE, WIDTH, arrowMarker, textLines, wrap } from './svg.js';
import type { DiagramKind } from './diagram-kind.js';

const fields = z.strictObject({
  nodes: z
    .array(z.strictObject({ label: text(40), detail: text(120).optional(), arrow: text(40).optional() }))
    .min(2, 'a flow needs at least two boxes')
    .max(8, 'at most eight boxes: split a longer flow'),
});

const X = 16;
const BOX = WIDTH - 2 * X;
const PAD = 10;
const GAP = 34;

/**
 * Boxes one under another joined by arrows (a route, a sequence): each box a label and an
 * optional detail; `arrow` labels the arrow leaving a box ("if not resolved").
 */
export const flow: DiagramKind<typeof fields> = {
  fields,
  draw({ nodes }, id) {
    let y = 4;
    let body = '';
    nodes.forEach((n, k) => {
      const label = wrap(n.label, BOX - 2 * PAD, true);
      const detail = n.detail ? wrap(n.detail, BOX - 2 * PAD) : [];
      const h = PAD * 2 + (label.length + detail.length) * LINE;
      body += `<rect class="dg-box${k === 0 ? ' dg-first' : ''}" x="${X}" y="${y}" width="${BOX}" height="${h}" rx="6"/>`;
      body += textLines(label, X + PAD, y + PAD + 15, 'dg-label');
      body += textLines(detail, X + PAD, y + PAD + 15 + label.length * LINE, 'dg-text');
      y += h;
      if (k < nodes.length - 1) {
        const mid = WIDTH / 2;
        body += `<line class="dg-line" x1="${mid}" y1="${y}" x2="${mid}" y2="${y + GAP - 2}" marker-end="url(#${id}-arrow)"/>`;
        if (n.arrow) body += textLines(wrap(n.arrow, BOX / 2 - 12, false, 14), mid + 10, y + GAP / 2 + 4, 'dg-small');
        y += GAP;
      }
    });
    return { height: y + 4, body, defs: arrowMarker(`${id}-arrow`) };
  },
  inWords: ({ nodes }) => ({ ordered: true, items: nodes.map((n) => [n.label, n.detail, n.arrow ? `(${n.arrow})` : ''].filter(Boolean).join(': ').replace(/: \(/, ' (')) }),
};
