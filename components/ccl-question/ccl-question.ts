import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { QuestionData } from '../../tracking/learner-model/course-data.js';
import { SHORT_TEXT_MAX } from '../../tracking/learner-model/course-data.js';
import { seededRandom, shuffle } from '../../tracking/learner-model/learner-state.js';
import { plainText } from '../../tracking/plain-text.js';
import { cleanShortText, isCorrect, type Response } from '../../tracking/learner-model/responses.js';
import { strings } from '../strings.js';
import { choiceListStyles } from '../choice-list.styles.js';
import { formControlStyles } from '../form-controls.styles.js';
import { theme } from '../theme.js';
import { questionStyles } from './ccl-question.styles.js';
import { AnswerEvent } from './answer-event.js';
import '../ccl-simulation/ccl-simulation.js';

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
    draft: { state: true },
    error: { state: true },
    announcement: { state: true },
  };

  declare question: QuestionData;
  /** Makes the shuffled order of options stable for this attempt. */
  declare seed: string;
  /** The checked answer, or null while the learner is still answering. */
  declare answered: Response | null;
  declare draft: Response | null;
  declare error: string;
  declare announcement: string;

  constructor() {
    super();
    this.seed = '';
    this.answered = null;
    this.draft = null;
    this.error = '';
    this.announcement = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question') || changed.has('seed')) {
      this.draft = this.initialDraft();
      this.error = '';
      this.announcement = '';
    }
  }

  private get random() {
    return seededRandom(`${this.seed}:${this.question.id}`);
  }

  /** Display order of options / targets / steps. */
  private order(n: number): number[] {
    return shuffle(
      Array.from({ length: n }, (_, i) => i),
      this.random,
    );
  }

  private initialDraft(): Response | null {
    const q = this.question;
    if (!q) return null;
    if (q.type === 'ordering') {
      const o = this.order(q.steps.length);
      // Never start in the right order.
      return o.every((x, i) => x === i) ? [...o.slice(1), o[0]!] : o;
    }
    if (q.type === 'matching') return q.pairs.map(() => -1);
    if (q.type === 'multiple') return [];
    return null;
  }

  private get complete(): boolean {
    const d = this.draft;
    const q = this.question;
    if (d === null) return false;
    if (q.type === 'multiple') return (d as number[]).length > 0;
    if (q.type === 'matching') return (d as number[]).every((x) => x >= 0);
    if (q.type === 'short-text') return cleanShortText(d as string).length > 0;
    return true;
  }

  private check(): void {
    if (!this.complete) {
      this.error = strings.answerNeeded;
      return;
    }
    this.error = '';
    let r = this.draft!;
    if (this.question.type === 'multiple') r = [...(r as number[])].sort((a, b) => a - b);
    if (this.question.type === 'short-text') r = cleanShortText(r as string);
    this.dispatchEvent(new AnswerEvent(r));
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('answered') && this.answered !== null && changed.get('answered') === null) {
      this.renderRoot.querySelector<HTMLElement>('.feedback')?.focus();
    }
  }

  override render() {
    const q = this.question;
    if (!q) return nothing;
    const locked = this.answered !== null;
    if (q.type === 'scenario')
      return html`<div class="stem" data-question=${q.id}>${unsafeHTML(q.stem)}</div>
        <ccl-simulation .question=${q} seed=${this.seed} .answered=${this.answered as number[] | null}></ccl-simulation>
        ${locked ? this.renderFeedback() : nothing}`;
    return html`
      <fieldset ?disabled=${locked} data-question=${q.id}>
        <legend><div class="stem">${unsafeHTML(q.stem)}</div></legend>
        ${this.renderInputs(locked)}
      </fieldset>
      ${locked
        ? this.renderFeedback()
        : html`<p class="error" role="alert">${this.error}</p>
            <div class="actions"><button class="primary" type="button" @click=${this.check}>${strings.checkAnswer}</button></div>`}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderInputs(locked: boolean): TemplateResult {
    const q = this.question;
    const value = locked ? this.answered : this.draft;
    const name = `q-${q.id}`;
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const multi = q.type === 'multiple';
        const chosen = multi ? new Set((value as number[] | null) ?? []) : new Set(value === null ? [] : [value as number]);
        return html`<p class="hint">${multi ? '' : strings.chooseOne}</p>
          <ul class="choices">
            ${this.order(q.options.length).map((i) => {
              const o = q.options[i]!;
              const mark = locked && (chosen.has(i) || o.correct) ? (o.correct ? 'is-correct' : 'is-wrong') : '';
              return html`<li>
                <label class=${mark}>
                  <input
                    type=${multi ? 'checkbox' : 'radio'}
                    name=${name}
                    data-index=${i}
                    .checked=${chosen.has(i)}
                    @change=${(e: Event) => this.choose(i, (e.target as HTMLInputElement).checked)}
                  />
                  <span>${unsafeHTML(o.text)}</span>
                  ${mark ? html`<span class="mark">${o.correct ? strings.correctAnswer : ''}</span>` : nothing}
                </label>
              </li>`;
            })}
          </ul>`;
      }
      case 'true-false':
        return html`<p class="hint">${strings.chooseOne}</p>
          <ul class="choices">
            ${[true, false].map(
              (v) => html`<li>
                <label class=${locked && (value === v || q.correct === v) ? (q.correct === v ? 'is-correct' : 'is-wrong') : ''}>
                  <input type="radio" name=${name} data-index=${String(v)} .checked=${value === v} @change=${() => (this.draft = v)} />
                  <span>${v ? strings.trueLabel : strings.falseLabel}</span>
                  ${locked && q.correct === v ? html`<span class="mark">${strings.correctAnswer}</span>` : nothing}
                </label>
              </li>`,
            )}
          </ul>`;
      case 'matching': {
        const chosen = (value as number[] | null) ?? q.pairs.map(() => -1);
        const targets = this.order(q.pairs.length);
        return html`<div class="pairs">
          ${q.pairs.map(
            (p, s) => html`<div class="pair">
              <label for="${name}-${s}">${unsafeHTML(p.source)}</label>
              <select id="${name}-${s}" @change=${(e: Event) => this.match(s, Number((e.target as HTMLSelectElement).value))}>
                <option value="-1" ?selected=${chosen[s] === -1}>${strings.matchPlaceholder}</option>
                ${targets.map(
                  (t) => html`<option value=${t} ?selected=${chosen[s] === t}>${plainText(q.pairs[t]!.target)}</option>`,
                )}
              </select>
            </div>`,
          )}
        </div>`;
      }
      case 'ordering': {
        const order = (value as number[] | null) ?? [];
        return html`<p class="hint">${strings.orderHelp}</p>
          <ol class="order">
            ${order.map(
              (step, pos) => html`<li data-step=${step}>
                <span class="text">${unsafeHTML(q.steps[step]!)}</span>
                ${locked
                  ? nothing
                  : html`<button type="button" aria-label=${strings.moveUp(pos + 1)} ?disabled=${pos === 0} @click=${() => this.move(pos, -1)}>
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label=${strings.moveDown(pos + 1)}
                        ?disabled=${pos === order.length - 1}
                        @click=${() => this.move(pos, 1)}
                      >
                        ↓
                      </button>`}
              </li>`,
            )}
          </ol>`;
      }
      case 'scenario':
        return html``; // rendered by ccl-simulation
      case 'short-text':
        return html`<label for="${name}-text">${strings.typeAnswer}</label>
          <input
            id="${name}-text"
            type="text"
            maxlength=${SHORT_TEXT_MAX}
            autocomplete="off"
            .value=${(value as string | null) ?? ''}
            @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.check()}
          />`;
    }
  }

  private choose(i: number, checked: boolean): void {
    if (this.question.type === 'multiple') {
      const set = new Set((this.draft as number[]) ?? []);
      if (checked) set.add(i);
      else set.delete(i);
      this.draft = [...set];
    } else this.draft = i;
  }

  private match(source: number, target: number): void {
    const d = [...(this.draft as number[])];
    d[source] = target;
    this.draft = d;
  }

  private async move(pos: number, by: number): Promise<void> {
    const d = [...(this.draft as number[])];
    [d[pos], d[pos + by]] = [d[pos + by]!, d[pos]!];
    this.draft = d;
    const q = this.question;
    if (q.type === 'ordering') this.announcement = strings.moved(plainText(q.steps[d[pos + by]!]!), pos + by + 1);
    await this.updateComplete;
    // Keep focus on the moved item's button in the same direction, or its other button at an end.
    const items = this.renderRoot.querySelectorAll('ol.order li');
    const buttons = items[pos + by]?.querySelectorAll('button');
    const target = by < 0 ? buttons?.[0] : buttons?.[1];
    (target && !target.disabled ? target : [...(buttons ?? [])].find((b) => !b.disabled))?.focus();
  }

  private renderFeedback(): TemplateResult {
    const q = this.question;
    const r = this.answered!;
    const right = isCorrect(q, r);
    let details: TemplateResult | typeof nothing = nothing;
    switch (q.type) {
      case 'single':
        details = html`<p>${unsafeHTML(q.options[r as number]!.feedback)}</p>`;
        break;
      case 'multiple': {
        const chosen = new Set(r as number[]);
        const relevant = q.options.map((o, i) => ({ o, i })).filter(({ o, i }) => chosen.has(i) || o.correct);
        details = html`<ul>
          ${relevant.map(({ o }) => html`<li><strong>${plainText(o.text)}</strong>: ${unsafeHTML(o.feedback)}</li>`)}
        </ul>`;
        break;
      }
      case 'true-false':
        details = html`<p>${unsafeHTML(r ? q.feedback.true : q.feedback.false)}</p>`;
        break;
      case 'matching':
        details = html`<p>${unsafeHTML(right ? q.feedback.correct : q.feedback.incorrect)}</p>
          ${right
            ? nothing
            : html`<p><strong>${strings.correctAnswer}:</strong></p>
                <ul>
                  ${q.pairs.map((p) => html`<li>${unsafeHTML(p.source)} → ${unsafeHTML(p.target)}</li>`)}
                </ul>`}`;
        break;
      case 'ordering':
        details = html`<p>${unsafeHTML(right ? q.feedback.correct : q.feedback.incorrect)}</p>
          ${right
            ? nothing
            : html`<p><strong>${strings.correctAnswer}:</strong></p>
                <ol>
                  ${q.steps.map((s) => html`<li>${unsafeHTML(s)}</li>`)}
                </ol>`}`;
        break;
      case 'scenario': {
        const best = (r as number[]).filter((c, k) => q.steps[k]!.choices[c]?.correct).length;
        details = html`<p>${strings.simulationSummary(best, q.steps.length)}</p>`;
        break;
      }
      case 'short-text':
        details = html`<p>${unsafeHTML(right ? q.feedback.correct : q.feedback.incorrect)}</p>
          <p><strong>${strings.yourAnswer}:</strong> ${r as string}</p>
          ${right ? nothing : html`<p><strong>${strings.correctAnswer}:</strong> ${q.answers[0]}</p>`}`;
        break;
    }
    return html`<div class="feedback ${right ? 'right' : 'wrong'}" tabindex="-1" role="group" aria-labelledby="feedback-title">
      <h3 id="feedback-title">${right ? strings.correct : strings.incorrect}</h3>
      ${details}
    </div>`;
  }
}


customElements.define('ccl-question', CclQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-question': CclQuestion;
  }
}
