import { LitElement, css, html } from 'lit';
import { criterionInWords, type CourseData } from '../../tracking/learner-model/course-data.js';
import { criterionStatus, type LearnerState } from '../../tracking/learner-model/learner-state.js';
import { strings } from '../strings.js';
import { theme } from '../theme.js';

/** Progress by outcome and by criterion: lessons opened, best scores, knowledge check status. */
export class CclProgress extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-bottom: 1.5rem;
      }
      caption {
        text-align: left;
        font-weight: 700;
        font-size: 1.1rem;
        padding: 0.5rem 0;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem;
        border-bottom: 1px solid var(--ccl-border);
        vertical-align: top;
      }
    `,
  ];
  static override properties = { course: { attribute: false }, state: { attribute: false }, passMark: { type: Number } };
  declare course: CourseData;
  declare state: LearnerState;
  /** The pass mark in force (the LMS may set its own). */
  declare passMark: number;

  override render() {
    const { course, state } = this;
    const pass = this.passMark ?? course.settings.passMark;
    const terms = course.unit.terms;
    return html`${course.outcomes.map((o, i) => {
      const p = state.outcomes[i]!;
      const met = p.criterionBest.filter((b) => criterionStatus(b, pass) === 'met').length;
      const read = o.lessons.filter((l) => state.visited.includes(l.id)).length;
      return html`<table>
        <caption>
          ${terms.outcome} ${o.number}: ${o.title}
          <div class="summary">
            ${strings.lessonsRead(read, o.lessons.length)} · ${strings.outcomeProgress(met, o.criteria.length)}
            ${p.attempts > 0 ? html` · ${strings.attempts(p.attempts)}` : ''}
          </div>
        </caption>
        <thead>
          <tr>
            <th scope="col">${terms.criterion}</th>
            <th scope="col">${strings.bestScoreHeading}</th>
            <th scope="col">${strings.statusHeading}</th>
          </tr>
        </thead>
        <tbody>
          ${o.criteria.map((c, j) => {
            const best = p.criterionBest[j] ?? null;
            const status = criterionStatus(best, pass);
            return html`<tr>
              <th scope="row">${c.code} ${criterionInWords(c)}</th>
              <td>${best === null ? '–' : `${best}%`}</td>
              <td class="status-${status}">${strings.criterionStatus[status]}</td>
            </tr>`;
          })}
        </tbody>
      </table>`;
    })}`;
  }
}

customElements.define('ccl-progress', CclProgress);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-progress': CclProgress;
  }
}
