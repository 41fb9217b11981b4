import { css } from 'lit';

export const filtersStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--ccl-border);
    border-radius: 4px;
    padding: 0.5rem 1rem 0.75rem;
    margin: 0 0 1rem;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: flex-end;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
    flex: 1 1 10rem;
    max-width: 100%;
  }
  label {
    font-weight: 600;
  }
  .problem {
    margin: 0.5rem 0 0;
    color: var(--ccl-bad);
    font-weight: 600;
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
