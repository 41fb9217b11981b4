import { css } from 'lit';

export const connectionStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 1rem;
    max-width: 40rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--ccl-muted);
    font-size: 0.9375rem;
  }
  .problem {
    margin: 0;
    color: var(--ccl-bad);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--ccl-bad);
    border-width: 3px;
  }
  button[type='submit'] {
    justify-self: start;
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
