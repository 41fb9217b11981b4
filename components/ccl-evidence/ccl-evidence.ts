import { LitElement, css, html, nothing } from 'lit';
import { criterionInWords, type CourseData } from '../../tracking/learner-model/course-data.js';
import { criterionStatus, isFinished, type LearnerState, type OutcomeProgress } from '../../tracking/learner-model/learner-state.js';
import { noteKey, readNote } from '../note-store.js';
import { answerInWords, correctAnswerInWords, isCorrect, optionsInWords, walk, type QuestionData, type Response } from '../../tracking/learner-model/question-kinds/index.js';
import type { RefusedRecord } from '../../tracking/tracker.js';
import { strings } from '../strings.js';
import { evidenceStrings } from './evidence-strings.js';
import { theme } from '../theme.js';

const date = (day: number) => new Date(day * 86400000).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The learner's own evidence record, from their saved state (no LRS needed): for each criterion,
 * every question of their latest finished knowledge check, with their response, the correct
 * response and the date. Prints on A4.
 */
export class CclEvidence extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      section {
        break-inside: avoid-page;
      }
      h2 {
        font-size: 1.3rem;
        margin-top: 2rem;
      }
      h3 {
        font-size: 1.05rem;
        margin: 1.25rem 0 0.5rem;
      }
      ol {
        padding-left: 1.25rem;
      }
      li {
        margin-bottom: 0.75rem;
        break-inside: avoid;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0.125rem 0.75rem;
        margin: 0.25rem 0 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .none {
        color: var(--ccl-muted);
      }
      @media print {
        button {
          display: none;
        }
        :host {
          font-size: 11pt;
        }
      }
    `,
  ];
  static override properties = { course: { attribute: false }, state: { attribute: false }, passMark: { type: Number }, learnerName: {}, refused: { attribute: false } };
  declare course: CourseData;
  declare state: LearnerState;
  /** The pass mark in force (the LMS may set its own). */
  declare passMark: number;
  declare learnerName: string;
  /** Records the LRS refused (kept in this browser): listed so the learner can show their tutor. */
  declare refused: RefusedRecord[];

  constructor() {
    super();
    this.refused = [];
  }

  override render() {
    const { course, state } = this;
    const u = course.unit;
    return html`
      <p>${evidenceStrings.evidenceIntro}</p>
      <p><strong>${u.title}</strong> (${u.awardingBody} ${u.reference})${this.learnerName ? html` · ${evidenceStrings.learner}: ${this.learnerName}` : nothing}</p>
      <p>${evidenceStrings.evidenceNote}</p>
      <button class="secondary" type="button" @click=${() => print()}>${evidenceStrings.print}</button>
      ${course.outcomes.map((o, i) => {
        const p = state.outcomes[i]!;
        const attempt = isFinished(p.attempt) ? p.attempt! : null;
        return html`<section>
          <h2>${u.terms.outcome} ${o.number}: ${o.title}</h2>
          ${attempt ? html`<p>${evidenceStrings.evidenceAttempt(date(attempt.day), p.attempts)}</p>` : html`<p class="none">${evidenceStrings.evidenceNone}</p>`}
          ${o.criteria.map((c, j) => {
            const asked = attempt
              ? attempt.questions.map((qi, k) => ({ q: o.questions[qi]!, r: attempt.answers[k]!, k })).filter(({ q }) => q.criteria.includes(c.code))
              : [];
            const earlier = asked.length === 0 && p.criterionBest[j] !== null;
            const status = criterionStatus(p.criterionBest[j] ?? null, this.passMark ?? course.settings.passMark);
            return html`<h3>${c.code} ${criterionInWords(c)}</h3>
              <p>${strings.criterionStatus[status]}${p.criterionBest[j] !== null ? ` (${evidenceStrings.best(p.criterionBest[j]!)})` : ''}</p>
              ${asked.length
                ? html`<ol>
                    ${asked.map(
                      ({ q, r, k }) => html`<li>
                        <div>${q.stemText}</div>
                        ${optionsInWords(q).length ? html`<p>${evidenceStrings.options}: ${optionsInWords(q).join(' | ')}</p>` : nothing}
                        <dl>
                          <dt>${strings.yourAnswer}</dt>
                          <dd>${answerInWords(q, r)}</dd>
                          <dt>${strings.correctAnswer}</dt>
                          <dd>${correctAnswerInWords(q)}</dd>
                          <dt>${evidenceStrings.result}</dt>
                          <dd>${isCorrect(q, r) ? strings.correct : strings.incorrect}</dd>
                          ${this.notesOf(q, r, o.number, p, k).map((n) => html`<dt>${evidenceStrings.caseNote}</dt><dd class="note">${n}</dd>`)}
                        </dl>
                      </li>`,
                    )}
                  </ol>`
                : earlier
                  ? html`<p class="none">${evidenceStrings.evidenceEarlier}</p>`
                  : nothing}`;
          })}
        </section>`;
      })}
      ${this.renderRefused()}
    `;
  }

  /** The case notes the learner wrote in a simulation, as this browser kept them. */
  private notesOf(q: QuestionData, r: Response, outcome: number, p: OutcomeProgress, position: number): string[] {
    if (q.type !== 'simulation') return [];
    const path = walk(q, r as number[]);
    const key = noteKey(this.course.unit.id, outcome, p, position);
    return (path?.steps ?? []).filter((s) => s.turn.kind === 'write').map((s) => readNote(key, s.turn.id) ?? evidenceStrings.caseNoteElsewhere);
  }

  private renderRefused() {
    if (!this.refused.length) return nothing;
    return html`<section>
      <h2>${evidenceStrings.refusedHeading}</h2>
      <p>${evidenceStrings.refusedIntro}</p>
      <ul>
        ${this.refused.map(
          (r) => html`<li>
            ${r.verb}: ${r.activity} · ${r.timestamp ? new Date(r.timestamp).toLocaleString('en-GB', { timeZone: 'UTC' }) : ''} · ${r.status}${r.reason
              ? ` ${r.reason}`
              : ''}${r.probablyRecorded ? ` (${evidenceStrings.refusedProbablyRecorded})` : ''}
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

customElements.define('ccl-evidence', CclEvidence);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-evidence': CclEvidence;
  }
}
