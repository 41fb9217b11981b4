import { css } from 'lit';

export const loadStatusStyles = css`
  :host {
    display: block;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 1rem 0;
  }
  .progress p {
    margin: 0;
  }
  progress {
    width: 12rem;
    max-width: 100%;
    height: 1rem;
  }
  .error {
    border-left: 6px solid var(--ccl-bad);
    padding: 0.5rem 1rem;
    margin: 1rem 0;
    background: var(--ccl-page);
  }
  .error h2 {
    font-size: 1.125rem;
    margin: 0 0 0.25rem;
    color: var(--ccl-bad);
  }
  .error p {
    margin: 0;
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
