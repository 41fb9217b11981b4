import { css } from 'lit';

/** Shared look: colours meet WCAG AA on white; the accent comes from the centre's theme colour. */
export const theme = css`
  :host {
    --ccl-text: #1b1b1b;
    --ccl-muted: #505a5f;
    --ccl-border: #767676;
    --ccl-surface: #f3f2f1;
    --ccl-good: #0b6b33;
    --ccl-bad: #a4161a;
    --ccl-focus: #ffbf47;
    color: var(--ccl-text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    line-height: 1.5;
  }
  *:focus-visible {
    outline: 3px solid var(--ccl-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--ccl-text);
  }
  button.primary,
  button.secondary {
    font: inherit;
    font-weight: 600;
    border-radius: 4px;
    padding: 0.5rem 1rem;
    min-height: 44px;
    cursor: pointer;
  }
  button.primary {
    background: var(--ccl-accent, #1d4f91);
    color: #fff;
    border: 2px solid var(--ccl-accent, #1d4f91);
  }
  button.secondary {
    background: #fff;
    color: var(--ccl-accent, #1d4f91);
    border: 2px solid var(--ccl-accent, #1d4f91);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .status-met {
    color: var(--ccl-good);
  }
  .status-not-yet {
    color: var(--ccl-bad);
  }
  .status-not-attempted {
    color: var(--ccl-muted);
  }
  @media (prefers-reduced-motion: no-preference) {
    :host {
      scroll-behavior: smooth;
    }
  }
`;
