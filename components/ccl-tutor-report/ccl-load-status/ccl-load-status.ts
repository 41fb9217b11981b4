import { CancelLoadEvent } from './ccl-load-status-events.js';
import { LitElement, html, nothing } from 'lit';
import { theme } from '../../theme.js';
import { reportStrings } from '../report-strings.js';
import { loadStatusStyles } from './ccl-load-status.styles.js';

const s = reportStrings.loading;

/**
 * How loading is going, in words: progress with a Cancel button while statements are read, and
 * a plain message when loading failed. Screen readers hear the progress (politely, not on every
 * page) through a status region and the failure through an alert.
 *
 * @fires cancel-load - when the tutor asks to stop loading.
 */
export class CclLoadStatus extends LitElement {
  static override styles = [theme, loadStatusStyles];
  static override properties = {
    loading: { type: Boolean },
    progress: {},
    announcement: {},
    error: {},
  };
  declare loading: boolean;
  /** What is shown while loading (updated on every page). */
  declare progress: string;
  /** What screen readers are told (updated now and then, and at the end). */
  declare announcement: string;
  /** Why the last load failed; empty when it did not. */
  declare error: string;

  constructor() {
    super();
    this.loading = false;
    this.progress = '';
    this.announcement = '';
    this.error = '';
  }

  async focusCancel(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.cancel')?.focus();
  }

  private cancel(): void {
    this.dispatchEvent(new CancelLoadEvent());
  }

  override render() {
    return html`
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.loading
        ? html`<div class="progress">
            <progress aria-label=${s.label}></progress>
            <p>${this.progress || s.connecting}</p>
            <button type="button" class="secondary cancel" @click=${this.cancel}>${s.cancel}</button>
          </div>`
        : nothing}
      <div role="alert" class=${this.error ? 'error' : ''}>
        ${this.error ? html`<h2>${s.failedHeading}</h2><p>${this.error}</p>` : nothing}
      </div>
    `;
  }
}

customElements.define('ccl-load-status', CclLoadStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-load-status': CclLoadStatus;
  }
}
