import { css } from 'lit';

export const recordStyles = css`
  :host {
    display: block;
    max-width: 50rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
  h1 {
    font-size: 1.6rem;
    margin: 0 0 0.5rem;
  }
  h2 {
    font-size: 1.3rem;
    margin: 1.5rem 0 0.5rem;
    padding-bottom: 0.25rem;
    border-bottom: 2px solid var(--ccl-text);
    break-after: avoid;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1rem 0 0.25rem;
    break-after: avoid;
  }
  h4 {
    font-size: 1rem;
    margin: 0.75rem 0 0.25rem;
    break-after: avoid;
  }
  dl.facts {
    display: grid;
    gap: 0.125rem;
    margin: 0 0 0.75rem;
  }
  dl.facts div {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr;
    gap: 0.75rem;
  }
  dl.facts dt {
    font-weight: 700;
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .evidence-note {
    border-left: 4px solid var(--ccl-text);
    padding: 0.25rem 0.75rem;
    margin: 0.75rem 0;
  }
  .none {
    color: var(--ccl-muted);
    margin: 0.25rem 0;
  }
  @media (max-width: 480px) {
    dl.facts div {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
  @media print {
    :host {
      max-width: none;
      font-size: 10.5pt;
      color: var(--ccl-print);
    }
    .toolbar {
      display: none;
    }
    h1 {
      font-size: 18pt;
    }
    h2 {
      font-size: 14pt;
    }
    h3 {
      font-size: 12pt;
    }
    h4 {
      font-size: 11pt;
    }
    .summary,
    .none {
      color: var(--ccl-print);
    }
    section.criterion {
      break-inside: auto;
    }
  }
`;
