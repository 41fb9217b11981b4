import type { CentreOverview } from './centre-overview.js';
import { csvCell, isoDate } from './grid-csv.js';
import type { CatalogueUnit } from './unit-catalogue.js';

/** The words the centre overview's CSV uses (the page's own strings). */
export interface OverviewCsvLabels {
  learner: string;
  learnerId: string;
  met: (unit: CatalogueUnit) => string;
  lastActivity: (unit: CatalogueUnit) => string;
  ofTotal: (met: number, of: number) => string;
  /** First cell of the row counting each unit's learners with evidence. */
  learnersRow: string;
  /** First cell of the row giving each unit's mean knowledge checks met. */
  meanRow: string;
}

/** A mean to one decimal place, written the same in any locale ("1.5", "2"). */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The centre overview as CSV: one row per learner (knowledge checks met and last activity date
 * per unit, empty where they have no evidence on it), then a row of learners with evidence and
 * one of mean knowledge checks met per unit. Cells are made safe as in the grid's CSV; UTF-8 with
 * a byte-order mark and CRLF line ends.
 */
export function overviewToCsv(overview: CentreOverview, labels: OverviewCsvLabels): string {
  const header = [labels.learner, labels.learnerId, ...overview.units.flatMap(({ unit }) => [labels.met(unit), labels.lastActivity(unit)])];
  const rows = overview.rows.map((r) => [
    r.learner.name,
    r.learner.id,
    ...r.cells.flatMap((c) => (c ? [labels.ofTotal(c.met, c.of), isoDate(c.lastActivity)] : ['', ''])),
  ]);
  const learners = [labels.learnersRow, '', ...overview.units.flatMap((u) => [u.learners, ''])];
  const means = [labels.meanRow, '', ...overview.units.flatMap((u) => [labels.ofTotal(oneDecimal(u.meanMet), u.of), ''])];
  return `\uFEFF${[header, ...rows, learners, means].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
