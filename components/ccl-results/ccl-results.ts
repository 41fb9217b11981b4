import { LitElement, css, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { OutcomeData } from '../../tracking/learner-model/course-data.js';
import { criteriaNotMet, criterionStatus, scoreAttempt, type OutcomeProgress } from '../../tracking/learner-model/learner-state.js';
import { criterionInWords } from '../../tracking/learner-model/course-data.js';
import { answerInWords, isCorrect } from '../../tracking/learner-model/question-kinds/index.js';
import { strings } from '../strings.js';
import { RetakeEvent } from './ccl-results-events.js';
import { theme } from '../theme.js';

/**
 * The results of an outcome's knowledge check: score, pass mark, each criterion's status, a
 * review of every answer, and a retake button.
 *
 * @fires retake - when the learner asks to take the check again.
 */
export class CclResults extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .summary {
        font-size: 1.15rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: 1rem 0;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem;
        border-bottom: 1px solid var(--ccl-border);
        vertical-align: top;
      }
      .retake {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .hint {
        color: var(--ccl-muted);
        flex-basis: 100%;
        margin: 0;
      }
      .review li {
        margin-bottom: 0.75rem;
      }
      .review p {
        margin: 0.25rem 0;
      }
      @media (max-width: 480px) {
        th,
        td {
          padding: 0.375rem 0.25rem;
        }
      }
    `,
  ];
  static override properties = {
    outcome: { attribute: false },
    progress: { attribute: false },
    passMark: { type: Number },
    criterionLabel: {},
  };
  declare outcome: OutcomeData;
  declare progress: OutcomeProgress;
  declare passMark: number;
  declare criterionLabel: string;

  override render() {
    const attempt = this.progress?.attempt;
    if (!attempt) return nothing;
    const score = scoreAttempt(this.outcome, attempt);
    const notMet = criteriaNotMet(this.progress, this.passMark).length;
    return html`
      <p class="summary" role="status">${strings.scoreSummary(score.correct, score.total, score.score)} ${strings.passMark(this.passMark)}</p>
      <p>${strings.checkedCriteria(this.outcome.criteria.length - notMet, this.outcome.criteria.length)} · ${strings.attempts(this.progress.attempts)}</p>
      <table>
        <caption class="visually-hidden">${this.criterionLabel}</caption>
        <thead>
          <tr>
            <th scope="col">${this.criterionLabel}</th>
            <th scope="col">${strings.thisAttemptHeading}</th>
            <th scope="col">${strings.statusHeading}</th>
          </tr>
        </thead>
        <tbody>
          ${this.outcome.criteria.map((c, i) => {
            const status = criterionStatus(this.progress.criterionBest[i] ?? null, this.passMark);
            const s = score.byCriterion[i];
            return html`<tr>
              <th scope="row">${c.code} ${criterionInWords(c)}</th>
              <td>${s === null || s === undefined ? '–' : `${s}%`}</td>
              <td class="status-${status}">${strings.criterionStatus[status]}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p>${strings.honesty}</p>
      <div class="retake">
        ${notMet > 0
          ? html`<button class="primary" type="button" @click=${() => this.dispatchEvent(new RetakeEvent('not-met'))}>
              ${strings.retakeNotMet(notMet, strings.criteriaPlural(this.criterionLabel))}
            </button>`
          : nothing}
        <button class=${notMet > 0 ? 'secondary' : 'primary'} type="button" aria-describedby="retake-all-hint" @click=${() => this.dispatchEvent(new RetakeEvent('all'))}>
          ${strings.retakeAll}
        </button>
        <p class="hint" id="retake-all-hint">${strings.retakeAllHint}</p>
      </div>
      <h2>${strings.reviewAnswers}</h2>
      <ol class="review">
        ${attempt.questions.map((qi, k) => {
          const q = this.outcome.questions[qi]!;
          const r = attempt.answers[k];
          if (r === null || r === undefined) return nothing;
          const right = isCorrect(q, r);
          return html`<li>
            <div>${unsafeHTML(q.stem)}</div>
            <p><strong>${strings.yourAnswer}:</strong> ${answerInWords(q, r)}</p>
            <p class=${right ? 'status-met' : 'status-not-yet'}><strong>${right ? strings.correct : strings.incorrect}</strong></p>
          </li>`;
        })}
      </ol>
    `;
  }
}

customElements.define('ccl-results', CclResults);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-results': CclResults;
  }
}
