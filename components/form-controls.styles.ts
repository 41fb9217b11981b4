import { css } from 'lit';

/** Text boxes and drop-downs: full width, 44 px targets, a border that meets 3:1 contrast. */
export const formControlStyles = css`
  select,
  input:not([type='radio']):not([type='checkbox']) {
    font: inherit;
    width: 100%;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--ccl-text);
    border-radius: 4px;
    background: var(--ccl-page);
    color: var(--ccl-text);
  }
`;
