import { z } from 'zod';
import { text } from '../../question-kinds/common.js';
import { LINE, WIDTH, textLines, wrap } from './svg.js';
import type { DiagramKind } from './diagram-kind.js';

const fields = z.strictObject({
  points: z
    .array(z.strictObject({ at: text(24), label: text(140) }))
    .min(2, 'a timeline needs at least two points')
    .max(8, 'at most eight points'),
});

const AXIS = 24;
const TEXT_X = 46;
const GAP = 14;

/** Points in time one under another on a line (a complaint's deadlines, say): when, and what happens. */
export const timeline: DiagramKind<typeof fields> = {
  fields,
  draw({ points }) {
    let y = 6;
    let marks = '';
    const tops: number[] = [];
    for (const p of points) {
      const at = wrap(p.at, WIDTH - TEXT_X - 8, true);
      const label = wrap(p.label, WIDTH - TEXT_X - 8);
      tops.push(y);
      marks += `<circle class="dg-point" cx="${AXIS}" cy="${y + 8}" r="7"/>`;
      marks += textLines(at, TEXT_X, y + 13, 'dg-label');
      marks += textLines(label, TEXT_X, y + 13 + at.length * LINE, 'dg-text');
      y += (at.length + label.length) * LINE + GAP;
    }
    const axis = `<line class="dg-axis" x1="${AXIS}" y1="${tops[0]! + 8}" x2="${AXIS}" y2="${tops[tops.length - 1]! + 8}"/>`;
    return { height: y, body: axis + marks };
  },
  inWords: ({ points }) => ({ ordered: true, items: points.map((p) => `${p.at}: ${p.label}`) }),
};
