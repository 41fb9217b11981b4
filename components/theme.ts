import { css } from 'lit';

/**
 * The design tokens, declared once, on the two root elements (ccl-player and ccl-tutor-report)
 * and inherited by every element inside them: a centre's value set on the page (for example
 * `ccl-player { --ccl-accent: #7a1f5c }`) reaches every question and panel. Colours meet WCAG
 * AA on the page colour; the accent comes from the centre's theme colour.
 */
export const tokens = css`
  :host {
    --ccl-text: #1b1b1b;
    --ccl-muted: #505a5f;
    --ccl-border: #767676;
    --ccl-rule: #b1b4b6;
    --ccl-surface: #f3f2f1;
    --ccl-page: #fff;
    --ccl-accent: #1d4f91;
    --ccl-on-accent: #fff;
    --ccl-good: #0b6b33;
    --ccl-good-surface: #e6f4ea;
    --ccl-bad: #a4161a;
    --ccl-bad-surface: #fdecea;
    --ccl-note: #fff4ce;
    --ccl-note-border: #8a6d00;
    --ccl-focus: #ffbf47;
    --ccl-rag-red: #a4161a;
    --ccl-rag-amber: #a35a00;
    --ccl-rag-green: #0b6b33;
    --ccl-print: #000;
  }
`;

/** What every element shares: type, focus ring, buttons, hidden text, status colours. It reads the tokens, never sets them. */
export const theme = css`
  :host {
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
    background: var(--ccl-accent);
    color: var(--ccl-on-accent);
    border: 2px solid var(--ccl-accent);
  }
  button.secondary {
    background: var(--ccl-page);
    color: var(--ccl-accent);
    border: 2px solid var(--ccl-accent);
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
