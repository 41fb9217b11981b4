import { css } from 'lit';

export const simulationStyles = css`
  :host {
    display: block;
  }
  ol.turns {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  .prompt {
    margin: 0;
    padding: 0.5rem 0.75rem;
    background: var(--ccl-surface);
    border-left: 6px solid var(--ccl-accent);
  }
  fieldset {
    border: none;
    margin: 0.5rem 0 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  .choices {
    margin-top: 0.5rem;
  }
  .you {
    margin: 0.5rem 0 0;
  }
  .step-feedback {
    margin-top: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-left: 6px solid var(--ccl-bad);
  }
  .step-feedback.right {
    border-left-color: var(--ccl-good);
  }
  .step-feedback p {
    margin: 0.25rem 0;
  }
  .error {
    color: var(--ccl-bad);
    font-weight: 600;
  }
  .actions {
    margin-top: 0.75rem;
  }
`;
