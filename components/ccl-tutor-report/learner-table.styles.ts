import { css } from 'lit';

/**
 * What the report's tables of learners share (the criteria grid, the centre overview): a
 * scrolling region, a fixed layout that lays out hundreds of rows in one quick pass, ruled cells,
 * the learner column that stays in view while the table scrolls sideways, and the cell buttons.
 */
export const learnerTableStyles = css`
  .scroller {
    /* Positioned, so the visually hidden text in far cells stays inside the scrolling region. */
    position: relative;
    overflow-x: auto;
    max-width: 100%;
    border: 1px solid var(--ccl-border);
    margin-bottom: 1rem;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9375rem;
    table-layout: fixed;
    width: 1px;
  }
  col.learner-width {
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
  thead th {
    background: var(--ccl-surface);
  }
  th.learner-col {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--ccl-page);
    box-shadow: inset -1px 0 0 var(--ccl-rule);
  }
  thead th.learner-col {
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
  /* A cell (or the overview's unit heading) that opens what is behind it: a full-width target of 44 px. */
  button.cell,
  button.unit {
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
`;
