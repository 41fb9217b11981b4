import { css } from 'lit';

/** A list of radio or checkbox choices, each a whole-row target at least 44 px high. */
export const choiceListStyles = css`
  .choices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .choices label {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--ccl-border);
    border-radius: 4px;
    min-height: 44px;
    box-sizing: border-box;
    cursor: pointer;
  }
  .choices input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
  }
`;
