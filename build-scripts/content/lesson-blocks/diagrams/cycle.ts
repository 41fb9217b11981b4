import { z } from 'zod';
import { text } from '../../question-kinds/common.js';
import { WIDTH, arrowMarker, textLines, wrap } from './svg.js';
import type { DiagramKind } from './diagram-kind.js';

const fields = z.strictObject({
  steps: z.array(text(28)).min(3, 'a cycle needs at least three steps').max(6, 'at most six steps'),
  centre: text(40).optional(),
});

const R = 100;
const BOX_W = 112;
const STEP = 17;

/** Steps round a circle, each leading to the next and the last back to the first (review and improve, say). */
export const cycle: DiagramKind<typeof fields> = {
  fields,
  draw({ steps, centre }, id) {
    const boxes = steps.map((s) => {
      const lines = wrap(s, BOX_W - 12, true, 14);
      return { lines, h: lines.length * STEP + 14 };
    });
    const tallest = Math.max(...boxes.map((b) => b.h));
    const cx = WIDTH / 2;
    const cy = 6 + tallest / 2 + R;
    const at = (deg: number) => ({ x: cx + R * Math.cos((deg * Math.PI) / 180), y: cy + R * Math.sin((deg * Math.PI) / 180) });
    const angle = (k: number) => -90 + (k * 360) / steps.length;
    const gap = Math.min(32, (360 / steps.length) * 0.36);
    let arcs = '';
    steps.forEach((_, k) => {
      const a = at(angle(k) + gap);
      const b = at(angle(k + 1) - gap);
      arcs += `<path class="dg-line" d="M${a.x.toFixed(1)} ${a.y.toFixed(1)}A${R} ${R} 0 0 1 ${b.x.toFixed(1)} ${b.y.toFixed(1)}" fill="none" marker-end="url(#${id}-arrow)"/>`;
    });
    let nodes = '';
    steps.forEach((_, k) => {
      const p = at(angle(k));
      const { lines, h } = boxes[k]!;
      nodes += `<rect class="dg-box" x="${(p.x - BOX_W / 2).toFixed(1)}" y="${(p.y - h / 2).toFixed(1)}" width="${BOX_W}" height="${h}" rx="6"/>`;
      nodes += textLines(lines, p.x, p.y - h / 2 + 7 + 12, 'dg-label dg-label-small', 'middle', STEP);
    });
    const middle = centre ? textLines(wrap(centre, 120, true), cx, cy - (wrap(centre, 120, true).length - 1) * 9 + 5, 'dg-label', 'middle') : '';
    return { height: cy + R + tallest / 2 + 6, body: arcs + nodes + middle, defs: arrowMarker(`${id}-arrow`) };
  },
  inWords: ({ steps, centre }) => ({ ordered: true, items: [...steps, `Then back to ${steps[0]}${centre ? ` (the cycle: ${centre})` : ''}`] }),
};
