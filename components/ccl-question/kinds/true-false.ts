import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { TrueFalseQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { strings } from '../../strings.js';
import { questionStrings } from '../question-strings.js';
import type { QuestionView } from './view.js';

export const trueFalseView: QuestionView<TrueFalseQuestion, boolean, boolean | null> = {
  layout: 'form',
  initialDraft: () => null,
  draftOf: (_q, r) => r,
  response: (_q, d) => d,
  inputs: ({ question: q, name, locked, draft, setDraft }) => html`<p class="hint">${questionStrings.chooseOne}</p>
    <ul class="choices">
      ${[true, false].map(
        (v) => html`<li>
          <label class=${locked && (draft === v || q.correct === v) ? (q.correct === v ? 'is-correct' : 'is-wrong') : ''}>
            <input type="radio" name=${name} data-index=${String(v)} .checked=${draft === v} @change=${() => setDraft(v)} />
            <span>${v ? questionStrings.trueLabel : questionStrings.falseLabel}</span>
            ${locked && (draft === v || q.correct === v)
              ? html`<span class="mark">${[draft === v ? questionStrings.yourChoice : '', q.correct === v ? strings.correctAnswer : ''].filter(Boolean).join(' · ')}</span>`
              : nothing}
          </label>
        </li>`,
      )}
    </ul>`,
  feedback: (q, r) => html`<p>${unsafeHTML(r ? q.feedback.true : q.feedback.false)}</p>`,
};
