import { z } from 'zod';
import { text } from '../../question-kinds/common.js';
import { LINE, WIDTH, textLines, wrap } from './svg.js';
import type { DiagramKind } from './diagram-kind.js';

const fields = z.strictObject({
  root: text(60),
  children: z
    .array(z.strictObject({ label: text(40), detail: text(120).optional() }))
    .min(2, 'a tree needs at least two branches')
    .max(8, 'at most eight branches'),
});

const X = 16;
const SPINE = 30;
const CHILD_X = 50;
const PAD = 9;
const GAP = 10;

/** One thing and its parts or routes (the parts of a contact centre, the people a complaint can go to). */
export const tree: DiagramKind<typeof fields> = {
  fields,
  draw({ root, children }) {
    const rootLines = wrap(root, WIDTH - 2 * X - 2 * PAD, true);
    const rootH = rootLines.length * LINE + 2 * PAD;
    let body = `<rect class="dg-box dg-root" x="${X}" y="4" width="${WIDTH - 2 * X}" height="${rootH}" rx="6"/>`;
    body += textLines(rootLines, WIDTH / 2, 4 + PAD + 15, 'dg-label dg-on-root', 'middle');
    let y = 4 + rootH + GAP + 6;
    const w = WIDTH - X - CHILD_X;
    let lastMid = y;
    for (const c of children) {
      const label = wrap(c.label, w - 2 * PAD, true);
      const detail = c.detail ? wrap(c.detail, w - 2 * PAD) : [];
      const h = (label.length + detail.length) * LINE + 2 * PAD;
      lastMid = y + h / 2;
      body += `<line class="dg-line" x1="${SPINE}" y1="${lastMid}" x2="${CHILD_X}" y2="${lastMid}"/>`;
      body += `<rect class="dg-box" x="${CHILD_X}" y="${y}" width="${w}" height="${h}" rx="6"/>`;
      body += textLines(label, CHILD_X + PAD, y + PAD + 15, 'dg-label');
      body += textLines(detail, CHILD_X + PAD, y + PAD + 15 + label.length * LINE, 'dg-text');
      y += h + GAP;
    }
    body = `<line class="dg-line" x1="${SPINE}" y1="${4 + rootH}" x2="${SPINE}" y2="${lastMid}"/>` + body;
    return { height: y, body };
  },
  inWords: ({ root, children }) => ({ ordered: false, items: children.map((c) => `${root}: ${c.label}${c.detail ? `. ${c.detail}` : ''}`) }),
};
