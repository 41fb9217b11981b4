import { z } from 'zod';
import { text } from '../../question-kinds/common.js';
import { escapeHtml } from '../block-kind.js';
import { LINE, WIDTH, textLines, wrap } from './svg.js';
import type { DiagramKind } from './diagram-kind.js';

const RATINGS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

const fields = z.strictObject({
  scale: z.strictObject({ from: z.number(), to: z.number(), unit: z.string().max(12).optional() }),
  zones: z
    .array(z.strictObject({ to: z.number(), rating: z.enum(['red', 'amber', 'green']), label: text(80) }))
    .min(2, 'a band needs at least two zones')
    .max(5, 'at most five zones'),
  markers: z.array(z.strictObject({ at: z.number(), label: text(24) })).max(3, 'at most three markers').optional(),
});
type Band = z.infer<typeof fields>;

const X = 16;
const BAR = WIDTH - 2 * X;
const BAR_H = 30;

const fmt = (n: number, unit = '') => `${Number.isInteger(n) ? n : n.toFixed(1)}${unit && !unit.startsWith(' ') && unit !== '%' ? ' ' : ''}${unit}`;
const zoneFrom = (b: Band, k: number) => (k === 0 ? b.scale.from : b.zones[k - 1]!.to);

/**
 * A scale cut into red, amber and green zones (a tolerance band around a target), with markers
 * for results. Each zone is named in words as well as colour.
 */
export const band: DiagramKind<typeof fields> = {
  fields,
  check(b, report) {
    if (b.scale.to <= b.scale.from) report('scale.to must be greater than scale.from');
    b.zones.forEach((z, k) => {
      if (z.to <= zoneFrom(b, k)) report(`zone ${k + 1} ends at ${z.to}, not after where it starts (${zoneFrom(b, k)}): list zones from low to high`);
    });
    if (b.zones[b.zones.length - 1]!.to !== b.scale.to) report(`the last zone must end at the end of the scale (${b.scale.to})`);
    for (const m of b.markers ?? []) if (m.at < b.scale.from || m.at > b.scale.to) report(`the marker "${m.label}" at ${m.at} is off the scale`);
  },
  draw(b) {
    const x = (v: number) => X + ((v - b.scale.from) / (b.scale.to - b.scale.from)) * BAR;
    const markers = b.markers ?? [];
    let body = '';
    // Marker labels in rows above the bar, each with a pointer down to its place.
    const barY = 8 + markers.length * 22;
    markers.forEach((m, k) => {
      const mx = x(m.at);
      const y = 14 + k * 22;
      const anchorLeft = mx > WIDTH / 2;
      body += `<text class="dg-small dg-strong" x="${anchorLeft ? mx - 6 : mx + 6}" y="${y}"${anchorLeft ? ' text-anchor="end"' : ''}>${escapeHtml(m.label)}</text>`;
      body += `<line class="dg-marker" x1="${mx}" y1="${y - 10}" x2="${mx}" y2="${barY + BAR_H + 4}"/>`;
    });
    b.zones.forEach((z, k) => {
      const x1 = x(zoneFrom(b, k));
      const w = x(z.to) - x1;
      body += `<rect class="dg-zone dg-${z.rating}" x="${x1}" y="${barY}" width="${w}" height="${BAR_H}"/>`;
      const word = w >= 52 ? RATINGS[z.rating] : RATINGS[z.rating][0]!;
      if (w >= 14) body += `<text class="dg-on-zone" x="${x1 + w / 2}" y="${barY + 20}" text-anchor="middle">${word}</text>`;
    });
    // The boundaries' values under the bar.
    const ticks = [b.scale.from, ...b.zones.map((z) => z.to)];
    const tickY = barY + BAR_H + 16;
    ticks.forEach((t, k) => {
      const anchor = k === 0 ? 'start' : k === ticks.length - 1 ? 'end' : 'middle';
      body += `<text class="dg-small" x="${x(t)}" y="${tickY}" text-anchor="${anchor}">${fmt(t, b.scale.unit)}</text>`;
    });
    // The zones in words, one row each.
    let y = tickY + 14;
    b.zones.forEach((z, k) => {
      const lines = wrap(`${RATINGS[z.rating]}, ${fmt(zoneFrom(b, k), b.scale.unit)} to ${fmt(z.to, b.scale.unit)}: ${z.label}`, WIDTH - X - 30);
      body += `<rect class="dg-zone dg-${z.rating}" x="${X}" y="${y + 3}" width="16" height="16"/>`;
      body += textLines(lines, X + 24, y + 16, 'dg-text');
      y += lines.length * LINE + 6;
    });
    return { height: y + 4, body };
  },
  inWords: (b) => ({
    ordered: false,
    items: [
      ...b.zones.map((z, k) => `${RATINGS[z.rating]}, ${fmt(zoneFrom(b, k), b.scale.unit)} to ${fmt(z.to, b.scale.unit)}: ${z.label}`),
      ...(b.markers ?? []).map((m) => `Marked at ${fmt(m.at, b.scale.unit)}: ${m.label}`),
    ],
  }),
};
