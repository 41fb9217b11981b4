import { css } from 'lit';

export const questionStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    width: 100%;
  }
  .stem :first-child {
    margin-top: 0;
  }
  .hint {
    color: var(--ccl-muted);
    margin: 0.25rem 0 0.75rem;
  }
  .choices .is-correct {
    border: 2px solid var(--ccl-good);
  }
  .choices .is-wrong {
    border: 2px solid var(--ccl-bad);
  }
  .mark {
    font-weight: 700;
    margin-left: auto;
    flex: 0 0 auto;
  }
  .pairs {
    display: grid;
    gap: 0.75rem;
  }
  .pair label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  select,
  input[type='text'] {
    max-width: 40rem;
  }
  ol.order {
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5rem;
    counter-reset: step;
  }
  ol.order li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    border: 1px solid var(--ccl-border);
    border-radius: 4px;
    padding: 0.5rem 0.75rem;
  }
  ol.order li::before {
    counter-increment: step;
    content: counter(step) '.';
    font-weight: 700;
  }
  ol.order .text {
    flex: 1 1 12rem;
  }
  ol.order button {
    font: inherit;
    min-width: 44px;
    min-height: 44px;
    border: 2px solid var(--ccl-accent);
    background: var(--ccl-page);
    color: var(--ccl-accent);
    border-radius: 4px;
    cursor: pointer;
  }
  .feedback {
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border-left: 6px solid var(--ccl-bad);
    background: var(--ccl-surface);
  }
  .feedback.right {
    border-left-color: var(--ccl-good);
  }
  .feedback h3 {
    margin: 0 0 0.25rem;
    font-size: 1.1rem;
  }
  .feedback ul {
    padding-left: 1.25rem;
  }
  .error {
    color: var(--ccl-bad);
    font-weight: 600;
  }
  .actions {
    margin-top: 1rem;
  }
`;
