import { LitElement, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ScenarioQuestion } from '../../tracking/learner-model/question-kinds/index.js';
import { seededRandom, shuffle } from '../../tracking/learner-model/shuffle.js';
import { AnswerEvent } from '../ccl-question/answer-event.js';
import { strings } from '../strings.js';
import { choiceListStyles } from '../choice-list.styles.js';
import { theme } from '../theme.js';
import { simulationStyles } from './ccl-simulation.styles.js';

/**
 * A call or chat simulation: the customer speaks, the learner chooses a response, sees at once
 * what it leads to and why, and the conversation carries on along the right path. When the last
 * step is chosen it reports the whole path as the answer. Each step's feedback takes focus, so
 * a screen reader reads it next.
 *
 * @fires answer - AnswerEvent with the choice made at each step.
 */
export class CclSimulation extends LitElement {
  static override styles = [theme, choiceListStyles, simulationStyles];
  static override properties = {
    question: { attribute: false },
    seed: {},
    answered: { attribute: false },
    path: { state: true },
    pending: { state: true },
    error: { state: true },
  };

  declare question: ScenarioQuestion;
  declare seed: string;
  /** The checked path, or null while the learner is still in the conversation. */
  declare answered: number[] | null;
  /** Choices made so far in this run of the conversation. */
  declare path: number[];
  /** The choice selected (not yet made) at the current step. */
  declare pending: number | null;
  declare error: string;

  constructor() {
    super();
    this.seed = '';
    this.answered = null;
    this.path = [];
    this.pending = null;
    this.error = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question') || changed.has('seed')) {
      this.path = [];
      this.pending = null;
      this.error = '';
    }
  }

  /** Display order of a step's choices, stable for this attempt. */
  private order(step: number): number[] {
    const n = this.question.steps[step]!.choices.length;
    return shuffle(
      Array.from({ length: n }, (_, i) => i),
      seededRandom(`${this.seed}:${this.question.id}:${step}`),
    );
  }

  private async choose(): Promise<void> {
    if (this.pending === null) {
      this.error = strings.chooseResponse;
      return;
    }
    this.error = '';
    this.path = [...this.path, this.pending];
    this.pending = null;
    await this.updateComplete;
    const feedback = this.renderRoot.querySelectorAll<HTMLElement>('.step-feedback');
    feedback[feedback.length - 1]?.focus();
    if (this.path.length === this.question.steps.length) this.dispatchEvent(new AnswerEvent([...this.path]));
  }

  override render() {
    const q = this.question;
    if (!q) return nothing;
    const path = this.answered ?? this.path;
    const current = path.length;
    return html`<ol class="turns">
      ${q.steps.slice(0, Math.min(current + 1, q.steps.length)).map((step, k) => {
        const made = path[k];
        return html`<li>
          <p class="prompt">${unsafeHTML(step.prompt)}</p>
          ${made === undefined ? this.renderChoices(k) : this.renderTurn(k, made)}
        </li>`;
      })}
    </ol>`;
  }

  private renderChoices(k: number) {
    const step = this.question.steps[k]!;
    const name = `sim-${this.question.id}-${k}`;
    return html`<fieldset>
        <legend>${strings.simulationStep(k + 1, this.question.steps.length)}</legend>
        <ul class="choices">
          ${this.order(k).map(
            (i) => html`<li>
              <label>
                <input type="radio" name=${name} data-index=${i} .checked=${this.pending === i} @change=${() => (this.pending = i)} />
                <span>${unsafeHTML(step.choices[i]!.text)}</span>
              </label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <p class="error" role="alert">${this.error}</p>
      <div class="actions"><button class="primary" type="button" @click=${this.choose}>${strings.chooseThis}</button></div>`;
  }

  private renderTurn(k: number, made: number) {
    const step = this.question.steps[k]!;
    const choice = step.choices[made]!;
    const best = step.choices.find((c) => c.correct)!;
    return html`<p class="you"><strong>${strings.youSaid}:</strong> ${unsafeHTML(choice.text)}</p>
      <div class="step-feedback ${choice.correct ? 'right' : 'wrong'}" tabindex="-1" role="group" aria-label=${strings.simulationFeedback(k + 1)}>
        <p><strong>${choice.correct ? strings.bestResponse : strings.notBestResponse}</strong> ${unsafeHTML(choice.feedback)}</p>
        ${choice.reply ? html`<p>${unsafeHTML(choice.reply)}</p>` : nothing}
        ${choice.correct ? nothing : html`<p><strong>${strings.betterResponse}:</strong> ${unsafeHTML(best.text)}</p>`}
      </div>`;
  }
}

customElements.define('ccl-simulation', CclSimulation);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-simulation': CclSimulation;
  }
}
