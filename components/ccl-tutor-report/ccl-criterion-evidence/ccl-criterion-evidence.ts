import { OpenRecordEvent } from '../ccl-criteria-grid/ccl-criteria-grid-events.js';
import { BackToGridEvent } from './ccl-criterion-evidence-events.js';
import { LitElement, html, nothing } from 'lit';
import type { CriterionEvidence } from '../../../tracking/report/evidence-model.js';
import type { LearnerIdentity } from '../../../tracking/report/report-statements.js';
import { theme } from '../../theme.js';
import { answeredQuestionStyles } from '../answered-question.styles.js';
import { answeredQuestionView } from '../answered-question-view.js';
import { formatDateTime, reportStrings } from '../report-strings.js';
import { evidenceStyles } from './ccl-criterion-evidence.styles.js';

const s = reportStrings.evidence;

/**
 * The evidence behind one cell of the grid: the learner's knowledge checks on the criterion and
 * every question asked for it, each with the options, the learner's response, the correct
 * response, right or wrong, and when.
 *
 * @fires back-to-grid - when the tutor goes back to the grid.
 * @fires open-record - { learner } when the tutor asks for the learner's evidence record.
 */
export class CclCriterionEvidence extends LitElement {
  static override styles = [theme, answeredQuestionStyles, evidenceStyles];
  static override properties = {
    learner: { attribute: false },
    evidence: { attribute: false },
  };
  declare learner: LearnerIdentity | null;
  declare evidence: CriterionEvidence | null;

  constructor() {
    super();
    this.learner = null;
    this.evidence = null;
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private fire(name: 'back-to-grid' | 'open-record'): void {
    if (name === 'back-to-grid') this.dispatchEvent(new BackToGridEvent());
    else if (this.learner) this.dispatchEvent(new OpenRecordEvent(this.learner.key));
  }

  override render() {
    const e = this.evidence;
    const learner = this.learner;
    if (!e || !learner) return nothing;
    return html`<section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading" tabindex="-1">${s.heading(learner.name, e.code)}</h2>
      <p class="criterion-text">${e.text}</p>
      <p class="summary status-${e.status}">${s.summary(e.status, e.attempts, e.lastActivity)}</p>
      <h3>${s.checksHeading}</h3>
      ${e.judgements.length
        ? html`<ul class="checks">
            ${e.judgements.map(
              (j) => html`<li><time datetime=${new Date(j.time).toISOString()}>${formatDateTime(j.time)}</time>: ${s.check(j.passed, j.scaled)}</li>`,
            )}
          </ul>`
        : html`<p>${s.noChecks}</p>`}
      <h3>${s.questionsHeading(e.answers.length)}</h3>
      ${e.answers.length ? html`<ol class="answers">${e.answers.map(answeredQuestionView)}</ol>` : html`<p>${s.noQuestions}</p>`}
      <div class="actions">
        <button type="button" class="secondary back" @click=${() => this.fire('back-to-grid')}>${s.back}</button>
        <button type="button" class="primary open-record" @click=${() => this.fire('open-record')}>${s.openRecord(learner.name)}</button>
      </div>
    </section>`;
  }
}

customElements.define('ccl-criterion-evidence', CclCriterionEvidence);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-criterion-evidence': CclCriterionEvidence;
  }
}
