import { html, nothing, type TemplateResult } from 'lit';
import type { AnsweredQuestion } from '../../tracking/report/report-statements.js';
import { correctResponsesInWords, questionOptions, responseInWords } from '../../tracking/report/response-words.js';
import { formatDateTime, reportStrings } from './report-strings.js';

const s = reportStrings.answer;

function optionsView(a: AnsweredQuestion): TemplateResult {
  const options = questionOptions(a.question);
  switch (options.kind) {
    case 'choices':
    case 'steps':
    case 'conversation':
      return html`<dt>${options.kind === 'steps' ? s.steps : options.kind === 'conversation' ? s.conversation : s.choices}</dt>
        <dd><ul class="options">${options.items.map((o) => html`<li>${o}</li>`)}</ul></dd>`;
    case 'matching':
      return html`<dt>${s.matchSources}</dt>
        <dd><ul class="options">${options.sources.map((o) => html`<li>${o}</li>`)}</ul></dd>
        <dt>${s.matchTargets}</dt>
        <dd><ul class="options">${options.targets.map((o) => html`<li>${o}</li>`)}</ul></dd>`;
    case 'true-false':
      return html`<dt>${s.options}</dt><dd>${s.trueFalse}</dd>`;
    case 'typed':
      return html`<dt>${s.options}</dt><dd>${s.typed}</dd>`;
  }
}

/**
 * One question as asked and answered, written out: the question, the options, the learner's
 * response and the correct response in words, right or wrong (in words, not only colour), and when.
 */
export function answeredQuestionView(a: AnsweredQuestion): TemplateResult {
  const result = a.success === null ? (a.question.interactionType === 'long-fill-in' ? s.notMarked : s.unknown) : a.success ? s.right : s.wrong;
  const resultClass = a.success === null ? '' : a.success ? 'right' : 'wrong';
  const correct = correctResponsesInWords(a.question);
  return html`<li class="answer" data-statement=${a.statementId}>
    <p class="question"><span class="visually-hidden">${s.question}: </span>${a.question.text}</p>
    <dl>
      ${optionsView(a)}
      <dt>${s.response}</dt>
      <dd class="response">${responseInWords(a.question, a.response)}</dd>
      ${correct.length ? html`<dt>${s.correct}</dt><dd class="correct-response">${correct.join(s.correctOr)}</dd>` : nothing}
      <dt>${s.result}</dt>
      <dd class="result ${resultClass}"><span aria-hidden="true">${a.success === null ? '' : a.success ? '✓ ' : '✗ '}</span>${result}</dd>
      <dt>${s.answered}</dt>
      <dd class="when"><time datetime=${new Date(a.time).toISOString()}>${formatDateTime(a.time)}</time></dd>
    </dl>
  </li>`;
}
