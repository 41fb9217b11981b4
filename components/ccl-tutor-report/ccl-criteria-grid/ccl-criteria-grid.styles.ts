import { css } from 'lit';

export const gridStyles = css`
  :host {
    display: block;
  }
  .help,
  .legend {
    margin: 0 0 0.5rem;
    max-width: 60rem;
  }
  .legend {
    color: var(--ccl-muted);
  }
  .pages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 0.5rem;
  }
  .pages p {
    margin: 0;
  }
  col.criterion-width {
    width: 6.75rem;
  }
  col.total-width {
    width: 4.5rem;
  }
  col.unit-width {
    width: 5.5rem;
  }
  col.record-width {
    width: 8.5rem;
  }
  th.outcome {
    text-align: center;
  }
  td.total,
  th.total {
    background: var(--ccl-surface);
  }
  tfoot th,
  tfoot td {
    border-top: 2px solid var(--ccl-text);
  }
  button.cell .status,
  button.cell .attempts,
  button.cell .date {
    display: block;
  }
  button.cell .attempts,
  button.cell .date {
    white-space: nowrap;
  }
  button.cell .status {
    font-weight: 700;
  }
  button.cell .attempts,
  button.cell .date {
    font-size: 0.8125rem;
  }
  button.cell.status-met {
    background: var(--ccl-good-surface);
  }
  button.cell.status-met .status {
    color: var(--ccl-good);
  }
  button.cell.status-not-yet {
    background: var(--ccl-bad-surface);
  }
  button.cell.status-not-yet .status {
    color: var(--ccl-bad);
  }
  button.cell.status-not-attempted .status {
    color: var(--ccl-muted);
    font-weight: 400;
  }
  button.cell:hover {
    border-color: var(--ccl-border);
  }
  button.cell[aria-current='true'] {
    border-color: var(--ccl-text);
    box-shadow: inset 0 0 0 2px var(--ccl-page);
  }
  button.record {
    min-height: 44px;
    font-size: 0.875rem;
    padding: 0.25rem 0.5rem;
  }
  h3 {
    font-size: 1.0625rem;
    margin: 1rem 0 0.5rem;
  }
  dl.criteria {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  dl.criteria div {
    display: grid;
    grid-template-columns: 3rem 1fr;
    gap: 0.5rem;
  }
  dl.criteria dt {
    font-weight: 700;
  }
  dl.criteria dd {
    margin: 0;
  }
  @media (max-width: 480px) {
    col.learner-width {
      width: 7rem;
    }
  }
  @media print {
    /* On paper the grid fits the page width instead of scrolling: smaller type, columns by content. */
    table {
      table-layout: auto;
      width: 100%;
      font-size: 7.5pt;
    }
    col {
      width: auto !important;
    }
    th.learner-col {
      position: static;
    }
    .help,
    .record-col {
      display: none;
    }
    button.cell .attempts,
    button.cell .date {
      white-space: normal;
    }
    .scroller {
      overflow: visible;
      border: none;
    }
    button.cell {
      border: none;
      background: none !important;
      color: var(--ccl-print);
      min-height: 0;
    }
    button.cell .status {
      color: var(--ccl-print) !important;
    }
  }
`;
