import { CloseRecordEvent } from './ccl-evidence-record-events.js';
import { LitElement, html, nothing } from 'lit';
import type { CriterionEvidence, LearnerRecord } from '../../../tracking/report/evidence-model.js';
import type { CatalogueUnit } from '../../../tracking/report/unit-catalogue.js';
import { theme } from '../../theme.js';
import { answeredQuestionStyles } from '../answered-question.styles.js';
import { answeredQuestionView } from '../answered-question-view.js';
import { formatDate, formatDateTime, reportStrings } from '../report-strings.js';
import { recordStyles } from './ccl-evidence-record.styles.js';

const s = reportStrings.record;
const e = reportStrings.evidence;

/**
 * One learner's knowledge evidence record for a unit, to print or save as PDF (laid out for A4):
 * unit and criteria headings, each knowledge check and each question with the learner's response
 * written out, dates, and the statement that it is knowledge evidence for the assessor's judgement.
 *
 * @fires close-record - when the tutor goes back to the report.
 */
export class CclEvidenceRecord extends LitElement {
  static override styles = [theme, answeredQuestionStyles, recordStyles];
  static override properties = {
    record: { attribute: false },
    unit: { attribute: false },
    period: { attribute: false },
    producedAt: { type: Number },
    source: {},
  };
  declare record: LearnerRecord | null;
  declare unit: CatalogueUnit | null;
  /** The date filters the record was made with (YYYY-MM-DD or empty). */
  declare period: { from: string; to: string };
  declare producedAt: number;
  /** Origin of the LRS the statements came from. */
  declare source: string;

  constructor() {
    super();
    this.record = null;
    this.unit = null;
    this.period = { from: '', to: '' };
    this.producedAt = Date.now();
    this.source = '';
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private periodText(): string {
    const { from, to } = this.period;
    const day = (v: string) => (v ? formatDate(new Date(`${v}T12:00:00`).getTime()) : '');
    return from || to ? s.between(day(from), day(to)) : s.allDates;
  }

  private criterion(c: CriterionEvidence) {
    return html`<section class="criterion" aria-labelledby="c-${c.code}" data-code=${c.code}>
      <h3 id="c-${c.code}">${s.criterion(c.code, c.text)}</h3>
      <p class="summary status-${c.status}">${e.summary(c.status, c.attempts, c.lastActivity)}</p>
      ${c.judgements.length
        ? html`<h4>${e.checksHeading}</h4>
            <ul class="checks">
              ${c.judgements.map((j) => html`<li><time datetime=${new Date(j.time).toISOString()}>${formatDateTime(j.time)}</time>: ${e.check(j.passed, j.scaled)}</li>`)}
            </ul>`
        : nothing}
      ${c.answers.length
        ? html`<h4>${e.questionsHeading(c.answers.length)}</h4>
            <ol class="answers">${c.answers.map(answeredQuestionView)}</ol>`
        : html`<p class="none">${e.noQuestions}</p>`}
    </section>`;
  }

  override render() {
    const record = this.record;
    const unit = this.unit;
    if (!record || !unit) return nothing;
    return html`
      <div class="toolbar">
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CloseRecordEvent())}>${s.back}</button>
        <button type="button" class="primary" @click=${() => window.print()}>${s.print}</button>
      </div>
      <article aria-labelledby="record-title">
        <header>
          <h1 id="record-title" tabindex="-1">${s.title}</h1>
          <dl class="facts">
            <div><dt>${s.learner}</dt><dd class="learner">${record.learner.name} (${record.learner.id})</dd></div>
            <div><dt>${s.unit}</dt><dd class="unit">${unit.title}</dd></div>
            <div><dt>${s.reference}</dt><dd>${unit.awardingBody} ${unit.reference}</dd></div>
            <div><dt>${s.levelCredit}</dt><dd>${s.levelCreditValue(unit)}</dd></div>
            <div><dt>${s.period}</dt><dd class="period">${this.periodText()}</dd></div>
            <div><dt>${s.met}</dt><dd class="met">${reportStrings.grid.of(record.met, record.of)}</dd></div>
            <div><dt>${s.produced}</dt><dd>${s.producedValue(this.producedAt, this.source)}</dd></div>
          </dl>
          <p class="evidence-note">${s.evidenceNote}</p>
        </header>
        ${record.outcomes.map(
          (o) => html`<section class="outcome" aria-labelledby="o-${o.outcome.number}">
            <h2 id="o-${o.outcome.number}">${s.outcome(unit, o.outcome.number, o.outcome.title)}</h2>
            ${o.criteria.map((c) => this.criterion(c))}
          </section>`,
        )}
        <p class="evidence-note closing">${s.evidenceNote}</p>
      </article>
    `;
  }
}

customElements.define('ccl-evidence-record', CclEvidenceRecord);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-evidence-record': CclEvidenceRecord;
  }
}
