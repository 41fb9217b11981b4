import { css } from 'lit';

export const evidenceStyles = css`
  :host {
    display: block;
  }
  section {
    border-top: 4px solid var(--ccl-accent);
    padding-top: 0.5rem;
    margin-top: 1.5rem;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0.25rem 0;
  }
  h3 {
    font-size: 1.0625rem;
    margin: 1rem 0 0.25rem;
  }
  .criterion-text {
    margin: 0 0 0.5rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  @media print {
    .actions {
      display: none;
    }
    section {
      border-top-color: var(--ccl-print);
    }
    .summary {
      color: var(--ccl-print);
    }
  }
`;
