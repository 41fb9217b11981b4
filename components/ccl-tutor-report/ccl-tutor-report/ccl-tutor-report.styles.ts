import { css } from 'lit';

export const tutorReportStyles = css`
  :host {
    display: block;
    padding: 1rem;
    max-width: 90rem;
    margin: 0 auto;
    box-sizing: border-box;
  }
  .page-header h1 {
    font-size: 1.75rem;
    margin: 0 0 0.5rem;
  }
  .page-header p {
    margin: 0 0 0.5rem;
    max-width: 60rem;
  }
  .honesty {
    border-left: 4px solid var(--ccl-accent);
    padding-left: 0.75rem;
  }
  main {
    display: block;
  }
  ccl-lrs-connection {
    margin: 1.5rem 0 0.5rem;
  }
  .results h2 {
    font-size: 1.4rem;
    margin: 1.5rem 0 0.25rem;
  }
  .source {
    color: var(--ccl-muted);
    margin: 0 0 1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0 0 1rem;
  }
  .empty {
    font-weight: 600;
  }
  @media (max-width: 480px) {
    :host {
      padding: 0.5rem;
    }
    .page-header h1 {
      font-size: 1.4rem;
    }
  }
  @media print {
    :host {
      padding: 0;
      max-width: none;
    }
    .page-header .honesty {
      border-left-color: var(--ccl-print);
    }
    .actions,
    .page-header > p:not(.honesty) {
      display: none;
    }
    .source {
      color: var(--ccl-print);
    }
  }
`;
