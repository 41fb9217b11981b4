import { css } from 'lit';

export const centreOverviewStyles = css`
  :host {
    display: block;
  }
  .help {
    margin: 0 0 0.5rem;
    max-width: 60rem;
  }
  .scroller {
    /* Positioned, so the visually hidden text in far cells stays inside the scrolling region. */
    position: relative;
    overflow-x: auto;
    max-width: 100%;
    border: 1px solid var(--ccl-border);
    margin-bottom: 1rem;
  }
  /* Fixed layout with set column widths: hundreds of learners lay out in one quick pass. */
  table {
    border-collapse: collapse;
    font-size: 0.9375rem;
    table-layout: fixed;
    width: 1px;
  }
  col.learner-width {
    width: 10rem;
  }
  col.unit-width {
    width: 10rem;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding: 0.5rem;
  }
  th,
  td {
    border: 1px solid var(--ccl-rule);
    padding: 0.25rem;
    text-align: left;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th,
  tfoot th,
  tfoot td {
    background: var(--ccl-surface);
  }
  /* The learner column stays in view while the table scrolls sideways. */
  th.learner-col {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--ccl-page);
    box-shadow: inset -1px 0 0 var(--ccl-rule);
  }
  thead th.learner-col,
  tfoot th.learner-col {
    background: var(--ccl-surface);
  }
  tbody th .name {
    display: block;
    font-weight: 600;
  }
  tbody th .id {
    display: block;
    color: var(--ccl-muted);
    font-weight: 400;
    font-size: 0.875rem;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
  }
  tfoot tr:first-child > * {
    border-top: 2px solid var(--ccl-text);
  }
  button.unit,
  button.cell {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: 0.25rem 0.375rem;
    font: inherit;
    text-align: left;
    cursor: pointer;
    border: 2px solid transparent;
    border-radius: 3px;
    background: var(--ccl-page);
    color: var(--ccl-text);
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
