import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { MatchingQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { plainText } from '../../../tracking/plain-text.js';
import { strings } from '../../strings.js';
import { questionStrings } from '../question-strings.js';
import type { QuestionView } from './view.js';

/** Draft: the target chosen for each source, -1 while none is. */
export const matchingView: QuestionView<MatchingQuestion, number[], number[]> = {
  layout: 'form',
  initialDraft: (q) => q.pairs.map(() => -1),
  draftOf: (_q, r) => r,
  response: (_q, d) => (d.every((x) => x >= 0) ? d : null),
  inputs: ({ question: q, name, draft, setDraft, order }) => {
    const targets = order(q.pairs.length);
    const match = (s: number, t: number) => setDraft(draft.map((x, i) => (i === s ? t : x)));
    return html`<div class="pairs">
      ${q.pairs.map(
        (p, s) => html`<div class="pair">
          <label for="${name}-${s}">${unsafeHTML(p.source)}</label>
          <select id="${name}-${s}" @change=${(e: Event) => match(s, Number((e.target as HTMLSelectElement).value))}>
            <option value="-1" ?selected=${draft[s] === -1}>${questionStrings.matchPlaceholder}</option>
            ${targets.map((t) => html`<option value=${t} ?selected=${draft[s] === t}>${plainText(q.pairs[t]!.target)}</option>`)}
          </select>
        </div>`,
      )}
    </div>`;
  },
  feedback: (q, _r, right) => html`<p>${unsafeHTML(right ? q.feedback.correct : q.feedback.incorrect)}</p>
    ${right
      ? nothing
      : html`<p><strong>${strings.correctAnswer}:</strong></p>
          <ul>
            ${q.pairs.map((p) => html`<li>${unsafeHTML(p.source)} → ${unsafeHTML(p.target)}</li>`)}
          </ul>`}`,
};
