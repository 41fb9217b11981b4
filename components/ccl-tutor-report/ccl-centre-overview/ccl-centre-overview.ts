import { LitElement, html, nothing } from 'lit';
import type { CentreOverview, OverviewCell, OverviewRow, OverviewUnit } from '../../../tracking/report/centre-overview.js';
import { theme } from '../../theme.js';
import { learnerTableStyles } from '../learner-table.styles.js';
import { formatDate, reportStrings } from '../report-strings.js';
import { OpenUnitEvent } from './ccl-centre-overview-events.js';
import { centreOverviewStyles } from './ccl-centre-overview.styles.js';

const s = reportStrings.overview;

/** A place in the table's keyboard model: row -1 is the units' headings, then one row per learner. */
interface Position {
  row: number;
  col: number;
}

const HEADINGS = -1;

/**
 * The centre overview: a data table of every learner (row headers) against every unit with
 * evidence (column headers), each cell the knowledge checks met of the unit's criteria and the
 * date of the latest activity, then each unit's learners with evidence and mean met. Each unit's
 * heading and each cell with evidence is a button whose name says it all in words; a cell with no
 * evidence says so and is not a button. The table scrolls sideways in a labelled region.
 *
 * One tab stop: the arrow keys move between the buttons (skipping cells with no evidence, and up
 * to the units' headings), Home / End to the ends of a row, Ctrl+Home to the first heading and
 * Ctrl+End to the last learner's last cell.
 *
 * @fires open-unit - OpenUnitEvent when a cell (that learner) or a unit's heading (every learner) is chosen.
 */
export class CclCentreOverview extends LitElement {
  static override styles = [theme, learnerTableStyles, centreOverviewStyles];
  static override properties = {
    overview: { attribute: false },
    active: { state: true },
  };
  /** The overview to show; nothing is shown while it is null. */
  declare overview: CentreOverview | null;
  /** The button that holds the table's one tab stop. */
  declare active: Position;

  constructor() {
    super();
    this.overview = null;
    this.active = { row: 0, col: 0 };
  }

  /** Moves focus to a learner's cell on a unit, or the unit's heading when learner is null (on coming back from its grid). */
  async focusCell(unitId: string, learner: string | null): Promise<void> {
    const col = this.overview?.units.findIndex((u) => u.unit.id === unitId) ?? -1;
    const row = learner === null ? HEADINGS : (this.overview?.rows.findIndex((r) => r.learner.key === learner) ?? -1);
    if (col < 0 || (learner !== null && row < 0) || !this.isButton({ row, col })) return;
    this.active = { row, col };
    await this.updateComplete;
    this.button(this.active)?.focus();
  }

  private isButton({ row, col }: Position): boolean {
    const units = this.overview?.units.length ?? 0;
    if (col < 0 || col >= units) return false;
    if (row === HEADINGS) return true;
    return this.overview?.rows[row]?.cells[col] != null;
  }

  /** The tab stop: the active button, else the first learner's first cell with evidence. */
  private get tabStop(): Position {
    if (this.isButton(this.active)) return this.active;
    const first = this.overview?.rows[0]?.cells.findIndex((c) => c !== null) ?? -1;
    return first >= 0 ? { row: 0, col: first } : { row: HEADINGS, col: 0 };
  }

  private button({ row, col }: Position): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button[data-row="${row}"][data-col="${col}"]`);
  }

  /** The nearest button from a position in a direction, or the position itself when there is none. */
  private step(from: Position, dRow: number, dCol: number): Position {
    const rows = this.overview?.rows.length ?? 0;
    const units = this.overview?.units.length ?? 0;
    for (let row = from.row + dRow, col = from.col + dCol; row >= HEADINGS && row < rows && col >= 0 && col < units; row += dRow, col += dCol)
      if (this.isButton({ row, col })) return { row, col };
    return from;
  }

  private onKeydown(e: KeyboardEvent): void {
    const target = e.target;
    if (!(target instanceof HTMLButtonElement) || target.dataset.row === undefined) return;
    const at = { row: Number(target.dataset.row), col: Number(target.dataset.col) };
    const units = this.overview?.units.length ?? 0;
    const lastRow = (this.overview?.rows.length ?? 0) - 1;
    let to: Position;
    switch (e.key) {
      case 'ArrowRight':
        to = this.step(at, 0, 1);
        break;
      case 'ArrowLeft':
        to = this.step(at, 0, -1);
        break;
      case 'ArrowDown':
        to = this.step(at, 1, 0);
        break;
      case 'ArrowUp':
        to = this.step(at, -1, 0);
        break;
      case 'Home':
        to = e.ctrlKey ? { row: HEADINGS, col: 0 } : this.step({ row: at.row, col: -1 }, 0, 1);
        break;
      case 'End':
        to = this.step({ row: e.ctrlKey ? lastRow : at.row, col: units }, 0, -1);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (!this.isButton(to)) return;
    this.active = to;
    this.button(to)?.focus();
  }

  private onFocusin(e: FocusEvent): void {
    const t = e.target;
    if (t instanceof HTMLButtonElement && t.dataset.row !== undefined) this.active = { row: Number(t.dataset.row), col: Number(t.dataset.col) };
  }

  private open(unitId: string, learner: string | null): void {
    this.dispatchEvent(new OpenUnitEvent(unitId, learner));
  }

  private tabindex(at: Position, stop: Position): string {
    return at.row === stop.row && at.col === stop.col ? '0' : '-1';
  }

  private heading({ unit }: OverviewUnit, col: number, stop: Position) {
    const at = { row: HEADINGS, col };
    return html`<th scope="col" data-unit=${unit.id}>
      <button type="button" class="unit" data-row=${HEADINGS} data-col=${col} tabindex=${this.tabindex(at, stop)} @click=${() => this.open(unit.id, null)}>
        ${unit.title} <span class="reference">${unit.awardingBody} ${unit.reference}</span>
      </button>
    </th>`;
  }

  private cell(row: OverviewRow, r: number, unit: OverviewUnit, col: number, cell: OverviewCell | null, stop: Position) {
    if (!cell) return html`<td data-unit=${unit.unit.id} class="none"><span aria-hidden="true">– </span>${s.none}</td>`;
    return html`<td data-unit=${unit.unit.id}>
      <button type="button" class="cell" data-row=${r} data-col=${col} tabindex=${this.tabindex({ row: r, col }, stop)}
        @click=${() => this.open(unit.unit.id, row.learner.key)}>
        <span class="visually-hidden">${s.cell(row.learner.name, unit.unit, cell.met, cell.of, cell.lastActivity)}</span>
        <span class="met" aria-hidden="true">${s.met(cell.met, cell.of)}</span>
        <span class="date" aria-hidden="true">${formatDate(cell.lastActivity)}</span>
      </button>
    </td>`;
  }

  override render() {
    const overview = this.overview;
    if (!overview) return nothing;
    const stop = this.tabStop;
    return html`
      <p class="help" id="overview-help">${s.help}</p>
      <div class="scroller" role="region" aria-labelledby="overview-caption" tabindex="0">
        <table @keydown=${this.onKeydown} @focusin=${this.onFocusin} aria-describedby="overview-help">
          <caption id="overview-caption">${s.caption}</caption>
          <colgroup><col class="learner-width" /></colgroup>
          <colgroup>${overview.units.map(() => html`<col class="unit-width" />`)}</colgroup>
          <thead>
            <tr>
              <th scope="col" class="learner-col">${s.learner}</th>
              ${overview.units.map((u, col) => this.heading(u, col, stop))}
            </tr>
          </thead>
          <tbody>
            ${overview.rows.map(
              (row, r) => html`<tr data-learner=${row.learner.key}>
                <th scope="row" class="learner-col"><span class="name">${row.learner.name}</span> <span class="id">${row.learner.id}</span></th>
                ${overview.units.map((u, col) => this.cell(row, r, u, col, row.cells[col] ?? null, stop))}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr class="learners">
              <th scope="row" class="learner-col">${s.learnersRow}</th>
              ${overview.units.map((u) => html`<td data-unit=${u.unit.id}>${s.learners(u.learners)}</td>`)}
            </tr>
            <tr class="mean">
              <th scope="row" class="learner-col">${s.meanRow}</th>
              ${overview.units.map((u) => html`<td data-unit=${u.unit.id}>${s.mean(u.meanMet, u.of)}</td>`)}
            </tr>
          </tfoot>
        </table>
      </div>
    `;
  }
}

customElements.define('ccl-centre-overview', CclCentreOverview);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-centre-overview': CclCentreOverview;
  }
}
