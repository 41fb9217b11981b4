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
  /* The option's words take the row; a mark ("Your answer", "Correct answer") goes beside them, or under them on a narrow screen. */
  .choices label {
    flex-wrap: wrap;
  }
  .choices label > span:not(.mark) {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .choices input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
  }
`;
