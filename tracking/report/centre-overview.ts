import { buildGrid, byLearnerName, type EvidenceStore } from './evidence-model.js';
import type { LearnerIdentity } from './report-statements.js';
import type { CatalogueUnit } from './unit-catalogue.js';

/**
 * The centre overview: every learner against every unit the LRS holds evidence for. Each cell
 * is what that unit's grid says of the learner (knowledge checks met, of the unit's criteria, and
 * the latest activity), so the overview and the grids never disagree.
 */

/** One learner on one unit: knowledge checks met, of the unit's criteria, and when they last did anything on it. */
export interface OverviewCell {
  met: number;
  of: number;
  /** Time of the latest statement on any of the unit's criteria (ms since the epoch). */
  lastActivity: number;
}

/** A unit's column and its totals over the learners with evidence on it. */
export interface OverviewUnit {
  unit: CatalogueUnit;
  /** How many learners have evidence on the unit. */
  learners: number;
  /** Knowledge checks met per learner with evidence, on average. */
  meanMet: number;
  /** The unit's criteria. */
  of: number;
}

/** A learner's row: one cell per unit, in the units' order; null where they have no evidence on that unit. */
export interface OverviewRow {
  learner: LearnerIdentity;
  cells: (OverviewCell | null)[];
}

export interface CentreOverview {
  units: OverviewUnit[];
  /** Every learner with evidence on any unit, by name. */
  rows: OverviewRow[];
}

interface LearnerEntry {
  learner: LearnerIdentity;
  cells: (OverviewCell | null)[];
  /** When the identity shown was last active: the most recently active unit names the learner. */
  shownFrom: number;
}

/**
 * The overview of the units' evidence stores, in the order given (the catalogue's). A unit with
 * no evidence has no column. A learner is the same on every unit when their identifier (key) is;
 * the name shown is the one the unit they were most recently active on knows them by.
 */
export function buildOverview(stores: readonly EvidenceStore[]): CentreOverview {
  const grids = stores.map((store) => buildGrid(store)).filter((grid) => grid.rows.length > 0);
  const byKey = new Map<string, LearnerEntry>();
  grids.forEach((grid, u) => {
    for (const row of grid.rows) {
      const lastActivity = Math.max(...row.cells.map((c) => c.lastActivity ?? -Infinity));
      let entry = byKey.get(row.learner.key);
      if (!entry) {
        entry = { learner: row.learner, cells: grids.map(() => null), shownFrom: lastActivity };
        byKey.set(row.learner.key, entry);
      } else if (lastActivity > entry.shownFrom) {
        entry.learner = row.learner;
        entry.shownFrom = lastActivity;
      }
      entry.cells[u] = { met: row.met, of: row.of, lastActivity };
    }
  });
  const units = grids.map((grid) => ({
    unit: grid.unit,
    learners: grid.rows.length,
    meanMet: grid.totals.met / grid.rows.length,
    of: grid.criteria.length,
  }));
  const rows = [...byKey.values()].map(({ learner, cells }) => ({ learner, cells })).sort((a, b) => byLearnerName(a.learner, b.learner));
  return { units, rows };
}
