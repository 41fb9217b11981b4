import { FiltersChangeEvent } from './ccl-report-filters-events.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { LearnerIdentity } from '../../../tracking/report/report-statements.js';
import { formControlStyles } from '../../form-controls.styles.js';
import { theme } from '../../theme.js';
import { isBackwards } from '../report-dates.js';
import { reportStrings } from '../report-strings.js';
import { filtersStyles } from './ccl-report-filters.styles.js';

const s = reportStrings.filters;

/** The filters as the tutor set them: dates as YYYY-MM-DD (or empty), learner key (or empty for all). */
export interface FilterValues {
  from: string;
  to: string;
  learner: string;
}

/**
 * Date range and learner filters. Each change applies at once; a backwards date range is
 * pointed out and not applied.
 *
 * @fires filters-change - FiltersChangeEvent with the new values, when they make sense.
 */
export class CclReportFilters extends LitElement {
  static override styles = [theme, formControlStyles, filtersStyles];
  static override properties = {
    learners: { attribute: false },
    values: { attribute: false },
    backwards: { state: true },
  };
  declare learners: LearnerIdentity[];
  declare values: FilterValues;
  declare backwards: boolean;

  constructor() {
    super();
    this.learners = [];
    this.values = { from: '', to: '', learner: '' };
    this.backwards = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The learner given is chosen once the options are in place: a select can lose the choice of
    // an option inserted already selected (happy-dom does), and the page may set it from outside.
    const learner = this.renderRoot.querySelector<HTMLSelectElement>('[name="learner"]');
    if ((changed.has('values') || changed.has('learners')) && learner && learner.value !== this.values.learner) learner.value = this.values.learner;
  }

  private read(): FilterValues {
    const v = (name: string) => this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value ?? '';
    return { from: v('from'), to: v('to'), learner: v('learner') };
  }

  private changed(): void {
    const values = this.read();
    this.backwards = isBackwards(values.from, values.to);
    if (this.backwards) return;
    this.values = values;
    this.dispatchEvent(new FiltersChangeEvent(values));
  }

  private clear(): void {
    this.backwards = false;
    this.values = { from: '', to: '', learner: '' };
    for (const el of this.renderRoot.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) el.value = '';
    this.dispatchEvent(new FiltersChangeEvent(this.values));
  }

  override render() {
    const v = this.values;
    return html`<fieldset @change=${this.changed}>
      <legend>${s.legend}</legend>
      <div class="fields">
        <div class="field">
          <label for="from">${s.from}</label>
          <input id="from" name="from" type="date" .value=${v.from} aria-describedby=${this.backwards ? 'backwards' : nothing} />
        </div>
        <div class="field">
          <label for="to">${s.to}</label>
          <input id="to" name="to" type="date" .value=${v.to} aria-describedby=${this.backwards ? 'backwards' : nothing} />
        </div>
        <div class="field">
          <label for="learner">${s.learner}</label>
          <select id="learner" name="learner">
            <option value="" ?selected=${!v.learner}>${s.allLearners}</option>
            ${this.learners.map((l) => html`<option value=${l.key} ?selected=${l.key === v.learner}>${l.name} (${l.id})</option>`)}
          </select>
        </div>
        <button type="button" class="secondary" @click=${this.clear}>${s.clear}</button>
      </div>
      <p id="backwards" class="problem" role="alert">${this.backwards ? s.backwards : ''}</p>
    </fieldset>`;
  }
}

customElements.define('ccl-report-filters', CclReportFilters);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-report-filters': CclReportFilters;
  }
}
