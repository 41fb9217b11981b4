import { LitElement, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { strings } from '../strings.js';
import { theme } from '../theme.js';
import { PrintLessonsEvent } from './ccl-lesson-events.js';
import { lessonStyles } from './ccl-lesson.styles.js';
import { keepTryItAnswer, tryItAnswer } from './try-it-answers.js';

/**
 * A lesson (or any page of content): the HTML the build rendered from Markdown and lesson
 * blocks, its reading time, and print. It gives the try-it blocks their behaviour (check an
 * answer, show its feedback in a live region) and opens every closed block for printing.
 *
 * @fires print-lessons - The learner asks to print this lesson or its whole outcome (PrintLessonsEvent).
 */
export class CclLesson extends LitElement {
  static override styles = [theme, lessonStyles];
  static override properties = {
    html: { attribute: false },
    lessonId: { attribute: 'lesson-id' },
    minutes: { type: Number },
    outcomeLabel: { attribute: 'outcome-label' },
  };

  /** Sanitised HTML from the build. */
  declare html: string;
  /** The lesson's id (try-it answers are kept per lesson); empty for a page that is not a lesson. */
  declare lessonId: string;
  /** Minutes the lesson takes; 0 shows no reading time or print buttons. */
  declare minutes: number;
  /** How the lesson's outcome is named ("Outcome 2"), for "print every lesson of …". */
  declare outcomeLabel: string;
  /** Blocks opened for printing, closed again after. */
  private openedForPrint: HTMLDetailsElement[] = [];
  private readonly beforePrint = () => {
    this.openedForPrint = [...this.renderRoot.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
    for (const d of this.openedForPrint) d.open = true;
  };
  private readonly afterPrint = () => {
    for (const d of this.openedForPrint) d.open = false;
    this.openedForPrint = [];
  };

  constructor() {
    super();
    this.html = '';
    this.lessonId = '';
    this.minutes = 0;
    this.outcomeLabel = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeprint', this.beforePrint);
    addEventListener('afterprint', this.afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this.beforePrint);
    removeEventListener('afterprint', this.afterPrint);
  }

  override render() {
    return html`${this.minutes
        ? html`<div class="lesson-meta">
            <p>${strings.readingTime(this.minutes)}</p>
            <button class="link" type="button" @click=${() => this.dispatchEvent(new PrintLessonsEvent('lesson'))}>${strings.printLesson}</button>
            ${this.outcomeLabel
              ? html`<button class="link" type="button" @click=${() => this.dispatchEvent(new PrintLessonsEvent('outcome'))}>${strings.printOutcome(this.outcomeLabel)}</button>`
              : nothing}
          </div>`
        : nothing}
      <div class="content" @click=${this.onClick}>${unsafeHTML(this.html)}</div>`;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('html') || changed.has('lessonId')) this.restoreTryIts();
  }

  /** Shows again the answers this visit gave to the lesson's try-its. */
  private restoreTryIts(): void {
    for (const block of this.renderRoot.querySelectorAll<HTMLElement>('[data-try-it]')) {
      const option = tryItAnswer(this.lessonId, block.dataset.tryIt!);
      if (option === undefined) continue;
      const input = block.querySelector<HTMLInputElement>(`input[value="${option}"]`);
      if (input) input.checked = true;
      this.showFeedback(block, option);
    }
  }

  private onClick(e: Event): void {
    const button = (e.target as HTMLElement).closest?.('button.try-check');
    const block = button?.closest<HTMLElement>('[data-try-it]');
    if (!block) return;
    const chosen = block.querySelector<HTMLInputElement>('input:checked');
    if (!chosen) {
      this.showFeedback(block, undefined);
      block.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    keepTryItAnswer(this.lessonId, block.dataset.tryIt!, Number(chosen.value));
    this.showFeedback(block, Number(chosen.value));
  }

  /** Shows the feedback on one option (or the prompt to choose one), hiding the rest; the live region announces it. */
  private showFeedback(block: HTMLElement, option: number | undefined): void {
    const choose = block.querySelector<HTMLElement>('.try-choose');
    if (choose) choose.hidden = option !== undefined;
    for (const why of block.querySelectorAll<HTMLElement>('.try-why')) why.hidden = Number(why.dataset.option) !== option;
    block.classList.toggle('answered', option !== undefined);
  }
}

customElements.define('ccl-lesson', CclLesson);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-lesson': CclLesson;
  }
}
