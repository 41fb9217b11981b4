import { css } from 'lit';

export const centreOverviewStyles = css`
  :host {
    display: block;
  }
  .help {
    margin: 0 0 0.5rem;
    max-width: 60rem;
  }
  col.unit-width {
    width: 10rem;
  }
  thead th,
  tfoot th,
  tfoot td {
    background: var(--ccl-surface);
  }
  thead th.learner-col,
  tfoot th.learner-col {
    background: var(--ccl-surface);
  }
  tfoot tr:first-child > * {
    border-top: 2px solid var(--ccl-text);
  }
  button.unit {
    font-weight: 700;
    color: var(--ccl-accent);
    text-decoration: underline;
  }
  button.unit .reference {
    display: block;
    font-weight: 400;
    font-size: 0.8125rem;
    color: var(--ccl-muted);
    text-decoration: none;
  }
  button.cell .met,
  button.cell .date {
    display: block;
  }
  button.cell .met {
    font-weight: 700;
  }
  button.cell .date {
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  button.unit:hover,
  button.cell:hover {
    border-color: var(--ccl-border);
  }
  .none {
    color: var(--ccl-muted);
  }
  @media (max-width: 480px) {
    col.learner-width {
      width: 7rem;
    }
    col.unit-width {
      width: 8rem;
    }
  }
  @media print {
    table {
      table-layout: auto;
      width: 100%;
      font-size: 8pt;
    }
    col {
      width: auto !important;
    }
    th.learner-col {
      position: static;
    }
    .help {
      display: none;
    }
    .scroller {
      overflow: visible;
      border: none;
    }
    button.unit,
    button.cell {
      border: none;
      background: none;
      color: var(--ccl-print);
      min-height: 0;
    }
  }
`;
