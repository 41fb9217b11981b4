import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { seededRandom, shuffle } from '../../tracking/learner-model/shuffle.js';
import { isCorrect, type QuestionData, type Response } from '../../tracking/learner-model/question-kinds/index.js';
import { strings } from '../strings.js';
import { questionStrings } from './question-strings.js';
import { choiceListStyles } from '../choice-list.styles.js';
import { formControlStyles } from '../form-controls.styles.js';
import { theme } from '../theme.js';
import { questionStyles } from './ccl-question.styles.js';
import { AnswerEvent } from './answer-event.js';
import { VIEWS, type QuestionView } from './kinds/index.js';

export { AnswerEvent };

/**
 * One knowledge-check question of any type. Shows the inputs until the learner checks an
 * answer, then the answer locked, whether it was right, and the feedback; focus moves to the
 * feedback so screen readers read it.
 *
 * @fires answer - AnswerEvent with the learner's response.
 */
export class CclQuestion extends LitElement {
  static override styles = [theme, formControlStyles, choiceListStyles, questionStyles];
  static override properties = {
    question: { attribute: false },
    seed: {},
    answered: { attribute: false },
    resume: { attribute: false },
    noteKey: {},
    draft: { state: true },
    error: { state: true },
    announcement: { state: true },
  };

  declare question: QuestionData;
  /** Makes the shuffled order of options stable for this attempt. */
  declare seed: string;
  /** The checked answer, or null while the learner is still answering. */
  declare answered: Response | null;
  /** A partial answer saved when the learner left part way (a simulation's path so far). */
  declare resume: unknown;
  /** Where this browser may keep free text of the answer (a simulation's notes). */
  declare noteKey: string;
  /** The answer being made, in the view's own form. */
  declare draft: unknown;
  declare error: string;
  declare announcement: string;

  constructor() {
    super();
    this.seed = '';
    this.answered = null;
    this.resume = null;
    this.noteKey = '';
    this.draft = null;
    this.error = '';
    this.announcement = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question') || changed.has('seed')) {
      this.draft = this.question ? this.view.initialDraft(this.question, (n) => this.order(n)) : null;
      this.error = '';
      this.announcement = '';
    }
  }

  /** This question's view, looked up by its own type (the one place the table is read). */
  private get view(): QuestionView<QuestionData, Response, unknown> {
    return VIEWS[this.question.type] as unknown as QuestionView<QuestionData, Response, unknown>;
  }

  /** Display order of options / targets / steps, stable for this attempt. */
  private order(n: number): number[] {
    return shuffle(
      Array.from({ length: n }, (_, i) => i),
      seededRandom(`${this.seed}:${this.question.id}`),
    );
  }

  private check(): void {
    const r = this.view.response(this.question, this.draft);
    if (r === null) {
      this.error = questionStrings.answerNeeded;
      return;
    }
    this.error = '';
    this.dispatchEvent(new AnswerEvent(r));
  }

  override updated(changed: Map<string, unknown>): void {
    // A view that draws its own element (a simulation) moves focus itself: to its last turn's feedback, then its debrief.
    if (this.question && this.view.layout === 'own') return;
    if (changed.has('answered') && this.answered !== null && changed.get('answered') === null) {
      this.renderRoot.querySelector<HTMLElement>('.feedback')?.focus();
    }
  }

  override render() {
    const q = this.question;
    if (!q) return nothing;
    const locked = this.answered !== null;
    const view = this.view;
    const inputs = view.inputs({
      question: q,
      name: `q-${q.id}`,
      seed: this.seed,
      resume: this.resume,
      noteKey: this.noteKey,
      locked,
      draft: locked ? view.draftOf(q, this.answered!) : this.draft,
      setDraft: (d) => (this.draft = d),
      order: (n) => this.order(n),
      check: () => this.check(),
      announce: (t) => (this.announcement = t),
      afterRender: async () => {
        await this.updateComplete;
        return this.renderRoot;
      },
    });
    if (view.layout === 'own')
      return html`<div class="stem" data-question=${q.id}>${unsafeHTML(q.stem)}</div>
        ${inputs} ${locked ? this.renderFeedback() : nothing}`;
    return html`
      <fieldset ?disabled=${locked} data-question=${q.id}>
        <legend><div class="stem">${unsafeHTML(q.stem)}</div></legend>
        ${inputs}
      </fieldset>
      ${locked
        ? this.renderFeedback()
        : html`<p class="error" role="alert">${this.error}</p>
            <div class="actions"><button class="primary" type="button" @click=${this.check}>${questionStrings.checkAnswer}</button></div>`}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderFeedback(): TemplateResult {
    const q = this.question;
    const r = this.answered!;
    const right = isCorrect(q, r);
    return html`<div class="feedback ${right ? 'right' : 'wrong'}" tabindex="-1" role="group" aria-labelledby="feedback-title">
      <h2 id="feedback-title">${right ? strings.correct : strings.incorrect}</h2>
      ${this.view.feedback(q, r, right)}
    </div>`;
  }
}

customElements.define('ccl-question', CclQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-question': CclQuestion;
  }
}
