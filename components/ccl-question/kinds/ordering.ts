import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { OrderingQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { plainText } from '../../../tracking/plain-text.js';
import { strings } from '../../strings.js';
import { questionStrings } from '../question-strings.js';
import type { InputsContext, QuestionView } from './view.js';

/** Moves the step at `pos` by one place, says so, and keeps focus on the moved step's button. */
async function move(ctx: InputsContext<OrderingQuestion, number[]>, pos: number, by: number): Promise<void> {
  const d = [...ctx.draft];
  [d[pos], d[pos + by]] = [d[pos + by]!, d[pos]!];
  ctx.setDraft(d);
  ctx.announce(questionStrings.moved(plainText(ctx.question.steps[d[pos + by]!]!), pos + by + 1));
  const root = await ctx.afterRender();
  // Keep focus on the moved item's button in the same direction, or its other button at an end.
  const buttons = root.querySelectorAll('ol.order li')[pos + by]?.querySelectorAll('button');
  const target = by < 0 ? buttons?.[0] : buttons?.[1];
  (target && !target.disabled ? target : [...(buttons ?? [])].find((b) => !b.disabled))?.focus();
}

/** Draft: the step indices in the learner's order; it never starts in the right order. */
export const orderingView: QuestionView<OrderingQuestion, number[], number[]> = {
  layout: 'form',
  initialDraft: (q, order) => {
    const o = order(q.steps.length);
    return o.every((x, i) => x === i) ? [...o.slice(1), o[0]!] : o;
  },
  draftOf: (_q, r) => r,
  response: (_q, d) => d,
  inputs: (ctx) => html`<p class="hint">${questionStrings.orderHelp}</p>
    <ol class="order">
      ${ctx.draft.map(
        (step, pos) => html`<li data-step=${step}>
          <span class="text">${unsafeHTML(ctx.question.steps[step]!)}</span>
          ${ctx.locked
            ? nothing
            : html`<button type="button" aria-label=${questionStrings.moveUp(pos + 1)} ?disabled=${pos === 0} @click=${() => move(ctx, pos, -1)}>↑</button>
                <button type="button" aria-label=${questionStrings.moveDown(pos + 1)} ?disabled=${pos === ctx.draft.length - 1} @click=${() => move(ctx, pos, 1)}>
                  ↓
                </button>`}
        </li>`,
      )}
    </ol>`,
  feedback: (q, _r, right) => html`<p>${unsafeHTML(right ? q.feedback.correct : q.feedback.incorrect)}</p>
    ${right
      ? nothing
      : html`<p><strong>${strings.correctAnswer}:</strong></p>
          <ol>
            ${q.steps.map((s) => html`<li>${unsafeHTML(s)}</li>`)}
          </ol>`}`,
};
