import { OpenRecordEvent, ShowEvidenceEvent } from './ccl-criteria-grid-events.js';
import { LitElement, html, nothing } from 'lit';
import type { CriterionSummary, EvidenceGrid, GridRow } from '../../../tracking/report/evidence-model.js';
import { theme } from '../../theme.js';
import { learnerTableStyles } from '../learner-table.styles.js';
import { formatDate, reportStrings } from '../report-strings.js';
import { gridStyles } from './ccl-criteria-grid.styles.js';

const s = reportStrings.grid;
/** Learners shown at once. A college's thousands stay quick to draw, and the table stays a real table. */
export const ROWS_PER_PAGE = 50;
/**
 * Rows first drawn in one task: a page's rows are first drawn this many at a time, a frame each,
 * so drawing a page of 22 criteria never holds the page up for long. Later pages reuse them.
 */
const ROWS_PER_STEP = 25;

export interface CellSelection {
  learner: string;
  code: string;
}

/**
 * The learners × criteria grid: a data table with outcome and criterion column headers and a
 * learner row header, one button per cell (status in words and a mark, attempts, latest
 * activity), totals per learner, per outcome and per criterion. One tab stop: the arrow keys
 * move between cells, Home / End to the ends of a row, Ctrl+Home / Ctrl+End to the corners.
 * Learners are shown ROWS_PER_PAGE at a time, with page buttons; the arrow keys go on to the next
 * or previous page, and every row says its place among all (aria-rowindex of aria-rowcount).
 * The first page is drawn a few rows a task; updateComplete waits for all of them.
 *
 * @fires show-evidence - ShowEvidenceEvent when a cell is chosen.
 * @fires open-record - OpenRecordEvent when a learner's evidence record is asked for.
 */
export class CclCriteriaGrid extends LitElement {
  static override styles = [theme, learnerTableStyles, gridStyles];
  static override properties = {
    grid: { attribute: false },
    selected: { attribute: false },
    active: { state: true },
    drawn: { state: true },
  };
  declare grid: EvidenceGrid | null;
  declare selected: CellSelection | null;
  /** The cell that holds the grid's one tab stop: row, and column (criteria, then the record button). */
  declare active: { row: number; col: number };
  /** Rows of a page drawn so far: it grows, a step a task, up to a page. */
  declare drawn: number;
  /** The next step of drawing, while rows of the page are still to be drawn. */
  private step: Promise<void> | null = null;

  constructor() {
    super();
    this.grid = null;
    this.selected = null;
    this.active = { row: 0, col: 0 };
    this.drawn = ROWS_PER_STEP;
  }

  protected override updated(): void {
    const rows = Math.min(ROWS_PER_PAGE, (this.grid?.rows.length ?? 0) - this.pageStart);
    if (this.drawn < rows && !this.step)
      // The next rows once these are laid out and painted: a frame, then a task.
      this.step = new Promise((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            this.step = null;
            this.drawn += ROWS_PER_STEP;
            resolve();
          }),
        ),
      );
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.step) {
      await this.step;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Moves focus to a learner's cell for a criterion (after the evidence panel closes). */
  async focusCell(learner: string, code: string): Promise<void> {
    const row = this.grid?.rows.findIndex((r) => r.learner.key === learner) ?? -1;
    const col = this.grid?.criteria.findIndex((c) => c.code === code) ?? -1;
    if (row < 0 || col < 0) return;
    await this.moveTo(row, col);
  }

  /** Moves focus to a learner's "Open record" button (after their record closes). */
  async focusRecordButton(learner: string): Promise<void> {
    const row = this.grid?.rows.findIndex((r) => r.learner.key === learner) ?? -1;
    if (row < 0) return;
    await this.moveTo(row, this.columns - 1);
  }

  /** The first row of the page shown. */
  private get pageStart(): number {
    return Math.floor(this.active.row / ROWS_PER_PAGE) * ROWS_PER_PAGE;
  }

  /** Makes a cell the tab stop, turning to its page, and focuses it. */
  private async moveTo(row: number, col: number): Promise<void> {
    this.active = { row, col };
    await this.updateComplete;
    this.button(row, col)?.focus();
  }

  /** Turns to another page of learners, keeping the column, and puts focus on the page's first row. */
  private async turnPage(by: number): Promise<void> {
    const rows = this.grid?.rows.length ?? 0;
    const start = Math.min(Math.max(0, this.pageStart + by * ROWS_PER_PAGE), Math.max(0, rows - 1));
    this.active = { row: start, col: this.active.col };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#page-status')?.focus();
  }

  private get columns(): number {
    return (this.grid?.criteria.length ?? 0) + 1;
  }

  private button(row: number, col: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button[data-row="${row}"][data-col="${col}"]`);
  }

  private onKeydown(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (!(target instanceof HTMLButtonElement) || target.dataset.row === undefined) return;
    const rows = this.grid?.rows.length ?? 0;
    let { row, col } = { row: Number(target.dataset.row), col: Number(target.dataset.col) };
    const last = this.columns - 1;
    switch (e.key) {
      case 'ArrowRight':
        col = Math.min(last, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'ArrowDown':
        row = Math.min(rows - 1, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(0, row - 1);
        break;
      case 'Home':
        col = 0;
        if (e.ctrlKey) row = 0;
        break;
      case 'End':
        col = last;
        if (e.ctrlKey) row = rows - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    void this.moveTo(row, col);
  }

  private onFocusin(e: FocusEvent): void {
    const t = e.target as HTMLElement;
    if (t instanceof HTMLButtonElement && t.dataset.row !== undefined) this.active = { row: Number(t.dataset.row), col: Number(t.dataset.col) };
  }

  private show(learner: string, code: string): void {
    this.dispatchEvent(new ShowEvidenceEvent(learner, code));
  }

  private openRecord(learner: string): void {
    this.dispatchEvent(new OpenRecordEvent(learner));
  }

  private tabindex(row: number, col: number): string {
    const rows = this.grid?.rows.length ?? 0;
    const active = { row: Math.min(this.active.row, rows - 1), col: Math.min(this.active.col, this.columns - 1) };
    return active.row === row && active.col === col ? '0' : '-1';
  }

  private cell(row: GridRow, r: number, c: CriterionSummary, col: number) {
    const selected = this.selected?.learner === row.learner.key && this.selected.code === c.code;
    return html`<td class="cell-td" data-code=${c.code}>
      <button type="button" class="cell status-${c.status}" data-row=${r} data-col=${col} tabindex=${this.tabindex(r, col)}
        aria-current=${selected ? 'true' : nothing} @click=${() => this.show(row.learner.key, c.code)}>
        <span class="status" aria-hidden="true"><span class="mark">${s.mark[c.status]}</span> ${s.statusShort[c.status]}</span>
        <span class="visually-hidden">${reportStrings.status[c.status]}, </span>
        ${c.attempts > 0 ? html`<span class="attempts">${s.attempts(c.attempts)}</span>` : nothing}
        ${c.lastActivity !== null
          ? html`<span class="date"><span class="visually-hidden">${s.lastActivity} </span>${formatDate(c.lastActivity)}</span>`
          : nothing}
      </button>
    </td>`;
  }

  /** One learner's row; `r` is its place among all learners, counted from 0. */
  private renderRow(grid: EvidenceGrid, row: GridRow, r: number, ofOutcome: (n: number) => { i: number }[]) {
    return html`<tr data-learner=${row.learner.key} aria-rowindex=${r + 3}>
      <th scope="row" class="learner-col"><span class="name">${row.learner.name}</span> <span class="id">${row.learner.id}</span></th>
      ${grid.unit.outcomes.map(
        (o, k) => html`${ofOutcome(o.number).map(({ i }) => this.cell(row, r, row.cells[i]!, i))}
          <td class="total outcome-total" data-outcome=${o.number}>${s.of(row.outcomes[k]!.met, row.outcomes[k]!.of)}</td>`,
      )}
      <td class="total unit-total">${s.of(row.met, row.of)}</td>
      <td class="record-col">
        <button type="button" class="secondary record" data-row=${r} data-col=${grid.criteria.length} tabindex=${this.tabindex(r, grid.criteria.length)}
          @click=${() => this.openRecord(row.learner.key)}>
          ${s.openRecord}<span class="visually-hidden">${s.recordFor(row.learner.name)}</span>
        </button>
      </td>
    </tr>`;
  }

  private renderPages(total: number) {
    if (total <= ROWS_PER_PAGE) return nothing;
    const start = this.pageStart;
    const end = Math.min(total, start + ROWS_PER_PAGE);
    return html`<div class="pages">
      <button type="button" class="secondary previous" ?disabled=${start === 0} @click=${() => this.turnPage(-1)}>${s.previousPage}</button>
      <p id="page-status" tabindex="-1" aria-live="polite">${s.pageStatus(start + 1, end, total)}</p>
      <button type="button" class="secondary next" ?disabled=${end >= total} @click=${() => this.turnPage(1)}>${s.nextPage}</button>
    </div>`;
  }

  override render() {
    const grid = this.grid;
    if (!grid) return nothing;
    const unit = grid.unit;
    const ofOutcome = (n: number) => grid.criteria.map((c, i) => ({ c, i })).filter(({ c }) => c.outcome === n);
    const start = this.pageStart;
    const shown = grid.rows.slice(start, start + Math.min(ROWS_PER_PAGE, this.drawn));
    // Header rows are rows 1 and 2 of the table; learners follow; the totals row is last.
    const rowCount = grid.rows.length + 3;
    return html`
      <p class="help" id="grid-help">${s.help}</p>
      <p class="legend">${s.legend}</p>
      ${this.renderPages(grid.rows.length)}
      <div class="scroller" role="region" aria-labelledby="grid-caption" tabindex="0">
        <table @keydown=${this.onKeydown} @focusin=${this.onFocusin} aria-describedby="grid-help" aria-rowcount=${rowCount}>
          <caption id="grid-caption">${s.caption(unit)}</caption>
          <colgroup><col class="learner-width" /></colgroup>
          ${unit.outcomes.map((o) => html`<colgroup>${o.criteria.map(() => html`<col class="criterion-width" />`)}<col class="total-width" /></colgroup>`)}
          <colgroup><col class="unit-width" /><col class="record-width" /></colgroup>
          <thead>
            <tr aria-rowindex="1">
              <th scope="col" rowspan="2" class="learner-col">${s.learner}</th>
              ${unit.outcomes.map((o) => html`<th scope="colgroup" colspan=${o.criteria.length + 1} class="outcome">${s.outcome(unit, o.number)}</th>`)}
              <th scope="col" rowspan="2" class="total">${s.unitMet}</th>
              <th scope="col" rowspan="2" class="record-col">${s.record}</th>
            </tr>
            <tr aria-rowindex="2">
              ${unit.outcomes.map(
                (o) => html`${o.criteria.map((c) => html`<th scope="col" class="criterion" title=${c.text}>${c.code}</th>`)}
                  <th scope="col" class="total">${s.outcomeMet}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${shown.map((row, k) => this.renderRow(grid, row, start + k, ofOutcome))}
          </tbody>
          <tfoot>
            <tr aria-rowindex=${rowCount}>
              <th scope="row" class="learner-col">${s.totalsRow}</th>
              ${unit.outcomes.map(
                (o, k) => html`${ofOutcome(o.number).map(({ i }) => {
                  const t = grid.totals.criteria[i]!;
                  return html`<td class="total criterion-total" data-code=${t.code}>${s.of(t.met, t.learners)}</td>`;
                })}
                  <td class="total outcome-total" data-outcome=${o.number}>${s.of(grid.totals.outcomes[k]!.met, grid.totals.outcomes[k]!.of)}</td>`,
              )}
              <td class="total unit-total">${s.of(grid.totals.met, grid.totals.of)}</td>
              <td class="record-col"></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>${s.criteriaHeading(unit)}</h3>
      <dl class="criteria">
        ${grid.criteria.map((c) => html`<div><dt>${c.code}</dt><dd>${c.text}</dd></div>`)}
      </dl>
    `;
  }
}

customElements.define('ccl-criteria-grid', CclCriteriaGrid);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-criteria-grid': CclCriteriaGrid;
  }
}
