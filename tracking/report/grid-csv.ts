import type { EvidenceGrid, KnowledgeCheckStatus } from './evidence-model.js';

/** The words a CSV export uses: column headings and status names (the page's own strings). */
export interface CsvLabels {
  learner: string;
  learnerId: string;
  status: (code: string) => string;
  attempts: (code: string) => string;
  lastActivity: (code: string) => string;
  outcomeMet: (outcome: number) => string;
  unitMet: string;
  statuses: Record<KnowledgeCheckStatus, string>;
  /** First cell of the totals row. */
  totalsRow: string;
  ofTotal: (met: number, of: number) => string;
}

/**
 * A cell as RFC 4180 CSV: quoted when it holds a comma, quote or line break; text that a
 * spreadsheet would run as a formula (= + - @ at the start) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A date as YYYY-MM-DD in the local time zone (sorts and reads the same in any spreadsheet). */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The grid as CSV: one row per learner (status, attempts and last activity date per criterion,
 * knowledge checks met per outcome and for the unit), then a totals row. UTF-8 with a byte-order
 * mark and CRLF line ends, so spreadsheets open names and dashes correctly.
 */
export function gridToCsv(grid: EvidenceGrid, labels: CsvLabels): string {
  const header = [
    labels.learner,
    labels.learnerId,
    ...grid.criteria.flatMap((c) => [labels.status(c.code), labels.attempts(c.code), labels.lastActivity(c.code)]),
    ...grid.unit.outcomes.map((o) => labels.outcomeMet(o.number)),
    labels.unitMet,
  ];
  const rows = grid.rows.map((r) => [
    r.learner.name,
    r.learner.id,
    ...r.cells.flatMap((c) => [labels.statuses[c.status], c.attempts, c.lastActivity === null ? '' : isoDate(c.lastActivity)]),
    ...r.outcomes.map((o) => labels.ofTotal(o.met, o.of)),
    labels.ofTotal(r.met, r.of),
  ]);
  const totals = [
    labels.totalsRow,
    '',
    ...grid.totals.criteria.flatMap((t) => [labels.ofTotal(t.met, t.learners), '', '']),
    ...grid.totals.outcomes.map((o) => labels.ofTotal(o.met, o.of)),
    labels.ofTotal(grid.totals.met, grid.totals.of),
  ];
  return `\uFEFF${[header, ...rows, totals].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
