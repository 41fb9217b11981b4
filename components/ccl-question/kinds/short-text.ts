import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { SHORT_TEXT_MAX, answerInFull, cleanShortText, type ShortTextQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { strings } from '../../strings.js';
import { questionStrings } from '../question-strings.js';
import type { QuestionView } from './view.js';

export const shortTextView: QuestionView<ShortTextQuestion, string, string> = {
  layout: 'form',
  initialDraft: () => '',
  draftOf: (_q, r) => r,
  response: (_q, d) => cleanShortText(d) || null,
  inputs: ({ name, draft, setDraft, check }) => html`<label for="${name}-text">${questionStrings.typeAnswer}</label>
    <input
      id="${name}-text"
      type="text"
      maxlength=${SHORT_TEXT_MAX}
      autocomplete="off"
      .value=${draft}
      @input=${(e: Event) => setDraft((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && check()}
    />`,
  feedback: (q, r, right) => html`<p>${unsafeHTML(right ? q.feedback.correct : q.feedback.incorrect)}</p>
    <p><strong>${strings.yourAnswer}:</strong> ${r}</p>
    ${right ? nothing : html`<p><strong>${strings.correctAnswer}:</strong> ${answerInFull(q.answers[0]!)}</p>`}`,
};
