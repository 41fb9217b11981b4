import { LitElement, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { readConnection, type ConnectionProblem } from '../../../tracking/report/lrs-connection.js';
import type { CatalogueUnit } from '../../../tracking/report/unit-catalogue.js';
import { formControlStyles } from '../../form-controls.styles.js';
import { theme } from '../../theme.js';
import { reportStrings } from '../report-strings.js';
import { LoadOverviewEvent, LoadReportEvent } from './ccl-lrs-connection-events.js';
import { connectionStyles } from './ccl-lrs-connection.styles.js';

const s = reportStrings.connection;

/** The unit field's value that asks for every unit, the centre overview (a unit id is only a-z, 0-9 and "-"). */
export const ALL_UNITS = '*';

type Field = 'endpoint' | 'key' | 'unit';
type Problem = ConnectionProblem | 'unit-missing';
const FIELD_OF: Record<Problem, Field> = { 'endpoint-missing': 'endpoint', 'endpoint-invalid': 'endpoint', 'key-missing': 'key', 'unit-missing': 'unit' };

/**
 * The form a tutor connects with: LRS endpoint, read-only key and unit. Checks what was typed
 * and says plainly what to fix; the key field is a password field and nothing is saved. Where
 * there is more than one unit, the unit field also offers all units, for the centre overview.
 *
 * @fires load-report - LoadReportEvent with the connection and the unit, when the form is sent.
 * @fires load-overview - LoadOverviewEvent with the connection, when the form is sent for all units.
 */
export class CclLrsConnection extends LitElement {
  static override styles = [theme, formControlStyles, connectionStyles];
  static override properties = {
    units: { attribute: false },
    endpoint: {},
    key: {},
    unitId: {},
    busy: { type: Boolean },
    problems: { state: true },
  };
  /** The units to choose from (the catalogue's). */
  declare units: CatalogueUnit[];
  /** The endpoint field's value. */
  declare endpoint: string;
  /** The key field's value. */
  declare key: string;
  /** The unit chosen: a unit's id, ALL_UNITS for the centre overview, or empty for none yet. */
  declare unitId: string;
  /** A load is under way: the form is not sent again. */
  declare busy: boolean;
  declare problems: Problem[];

  constructor() {
    super();
    this.units = [];
    this.endpoint = '';
    this.key = '';
    this.unitId = '';
    this.busy = false;
    this.problems = [];
  }

  /** Puts focus on the Load button (after a load ends). */
  focusLoad(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }

  private value(name: Field): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value ?? '';
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.endpoint = this.value('endpoint');
    this.key = this.value('key');
    this.unitId = this.value('unit');
    const read = readConnection(this.endpoint, this.key);
    const problems: Problem[] = read.ok ? [] : [...read.problems];
    if (!this.unitId) problems.push('unit-missing');
    this.problems = problems;
    if (problems.length > 0 || !read.ok) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${FIELD_OF[problems[0]!]}"]`)?.focus();
      return;
    }
    const fields = { endpoint: this.endpoint, key: this.key };
    this.dispatchEvent(this.unitId === ALL_UNITS ? new LoadOverviewEvent(read.value, fields) : new LoadReportEvent(read.value, this.unitId, fields));
  }

  private problemFor(field: Field) {
    const p = this.problems.find((x) => FIELD_OF[x] === field);
    return p ? html`<p class="problem" id="${field}-problem"><span class="visually-hidden">Error: </span>${s.problems[p]}</p>` : nothing;
  }

  private describedBy(field: Field): string | undefined {
    const ids = [...(field === 'unit' ? [] : [`${field}-hint`]), ...(this.problems.some((x) => FIELD_OF[x] === field) ? [`${field}-problem`] : [])];
    return ids.length ? ids.join(' ') : undefined;
  }

  override render() {
    const invalid = (field: Field) => (this.problems.some((x) => FIELD_OF[x] === field) ? 'true' : 'false');
    return html`<form novalidate @submit=${this.submit} aria-labelledby="connect-heading">
      <h2 id="connect-heading">${s.heading}</h2>
      <div class="field">
        <label for="endpoint">${s.endpoint}</label>
        <p class="hint" id="endpoint-hint">${s.endpointHint}</p>
        ${this.problemFor('endpoint')}
        <input id="endpoint" name="endpoint" type="url" inputmode="url" autocomplete="url" spellcheck="false" .value=${this.endpoint}
          aria-describedby=${ifDefined(this.describedBy('endpoint'))} aria-invalid=${invalid('endpoint')} />
      </div>
      <div class="field">
        <label for="key">${s.key}</label>
        <p class="hint" id="key-hint">${s.keyHint}</p>
        ${this.problemFor('key')}
        <input id="key" name="key" type="password" autocomplete="off" spellcheck="false" .value=${this.key}
          aria-describedby=${ifDefined(this.describedBy('key'))} aria-invalid=${invalid('key')} />
      </div>
      <div class="field">
        <label for="unit">${s.unit}</label>
        ${this.problemFor('unit')}
        <select id="unit" name="unit" aria-describedby=${ifDefined(this.describedBy('unit'))} aria-invalid=${invalid('unit')}>
          <option value="" ?selected=${!this.unitId}>${s.chooseUnit}</option>
          ${this.units.length > 1 ? html`<option value=${ALL_UNITS} ?selected=${this.unitId === ALL_UNITS}>${s.allUnits}</option>` : nothing}
          ${this.units.map((u) => html`<option value=${u.id} ?selected=${u.id === this.unitId}>${reportStrings.unitName(u)}</option>`)}
        </select>
      </div>
      <button class="primary" type="submit" ?disabled=${this.busy}>${s.load}</button>
    </form>`;
  }
}

customElements.define('ccl-lrs-connection', CclLrsConnection);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-lrs-connection': CclLrsConnection;
  }
}
