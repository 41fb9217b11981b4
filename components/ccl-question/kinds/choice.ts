import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { MultipleQuestion, SingleQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { plainText } from '../../../tracking/plain-text.js';
import { strings } from '../../strings.js';
import { questionStrings } from '../question-strings.js';
import type { InputsContext, QuestionView } from './view.js';

/** The option list of single and multiple choice: radio buttons or checkboxes, marked once locked. */
function optionList(ctx: InputsContext<SingleQuestion | MultipleQuestion, number[]>, multi: boolean) {
  const q = ctx.question;
  const chosen = new Set(ctx.draft);
  const choose = (i: number, checked: boolean) => {
    if (!multi) return ctx.setDraft([i]);
    const set = new Set(ctx.draft);
    if (checked) set.add(i);
    else set.delete(i);
    ctx.setDraft([...set]);
  };
  return html`<p class="hint">${multi ? '' : questionStrings.chooseOne}</p>
    <ul class="choices">
      ${ctx.order(q.options.length).map((i) => {
        const o = q.options[i]!;
        const mark = ctx.locked && (chosen.has(i) || o.correct) ? (o.correct ? 'is-correct' : 'is-wrong') : '';
        const words = [chosen.has(i) ? questionStrings.yourChoice : '', o.correct ? strings.correctAnswer : ''].filter(Boolean).join(' · ');
        return html`<li>
          <label class=${mark}>
            <input
              type=${multi ? 'checkbox' : 'radio'}
              name=${ctx.name}
              data-index=${i}
              .checked=${chosen.has(i)}
              @change=${(e: Event) => choose(i, (e.target as HTMLInputElement).checked)}
            />
            <span>${unsafeHTML(o.text)}</span>
            ${mark ? html`<span class="mark">${words}</span>` : nothing}
          </label>
        </li>`;
      })}
    </ul>`;
}

export const singleView: QuestionView<SingleQuestion, number, number[]> = {
  layout: 'form',
  initialDraft: () => [],
  draftOf: (_q, r) => [r],
  response: (_q, d) => d[0] ?? null,
  inputs: (ctx) => optionList(ctx, false),
  feedback: (q, r) => html`<p>${unsafeHTML(q.options[r]!.feedback)}</p>`,
};

export const multipleView: QuestionView<MultipleQuestion, number[], number[]> = {
  layout: 'form',
  initialDraft: () => [],
  draftOf: (_q, r) => r,
  response: (_q, d) => (d.length ? [...d].sort((a, b) => a - b) : null),
  inputs: (ctx) => optionList(ctx, true),
  feedback: (q, r) => {
    const chosen = new Set(r);
    const relevant = q.options.filter((o, i) => chosen.has(i) || o.correct);
    return html`<ul>
      ${relevant.map((o) => html`<li><strong>${plainText(o.text)}</strong>: ${unsafeHTML(o.feedback)}</li>`)}
    </ul>`;
  },
};
