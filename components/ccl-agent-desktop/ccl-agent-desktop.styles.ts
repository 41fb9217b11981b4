import { css } from 'lit';

export const desktopStyles = css`
  :host {
    display: block;
  }
  .desktop {
    display: grid;
    gap: 1rem;
  }
  @media (min-width: 60rem) {
    .desktop {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
  }
  .mood {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin: 0 0 0.75rem;
  }
  .meter {
    display: inline-flex;
    gap: 3px;
  }
  .meter span {
    width: 1.25rem;
    height: 0.6rem;
    border: 1px solid var(--ccl-border);
    background: var(--ccl-page);
  }
  .meter span.on {
    background: var(--ccl-accent);
    border-color: var(--ccl-accent);
  }
  .log ol {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .log li {
    padding: 0.5rem 0.75rem;
    border-radius: 4px;
    max-width: 42rem;
    overflow-wrap: anywhere;
  }
  .log .customer {
    background: var(--ccl-surface);
    border-left: 6px solid var(--ccl-accent);
  }
  .log .you {
    border: 1px solid var(--ccl-border);
    margin-left: 1.5rem;
  }
  .log .event {
    color: var(--ccl-muted);
    font-style: italic;
  }
  .who {
    display: block;
    font-weight: 700;
    font-style: normal;
  }
  .your-turn,
  .turn-feedback,
  .debrief {
    margin-top: 0.5rem;
  }
  .your-turn:focus,
  .turn-feedback:focus {
    outline: 3px solid var(--ccl-focus);
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend,
  .task {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.5rem;
  }
  .kind {
    display: block;
    color: var(--ccl-muted);
    font-size: 0.9rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  textarea,
  select,
  input[type='search'] {
    display: block;
    width: 100%;
    box-sizing: border-box;
    margin: 0.25rem 0 0.75rem;
  }
  .hint {
    color: var(--ccl-muted);
    margin: 0.25rem 0;
  }
  .error {
    color: var(--ccl-bad);
    font-weight: 600;
    min-height: 1.5em;
    margin: 0.25rem 0;
  }
  .turn-feedback {
    padding: 0.5rem 0.75rem;
    border-left: 6px solid var(--ccl-bad);
  }
  .turn-feedback.quality-best {
    border-left-color: var(--ccl-good);
  }
  .turn-feedback.quality-acceptable {
    border-left-color: var(--ccl-note-border);
  }
  .panels {
    border: 1px solid var(--ccl-border);
    border-radius: 4px;
    padding: 0.75rem;
    min-width: 0;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-bottom: 0.75rem;
  }
  [role='tab'] {
    font: inherit;
    min-height: 44px;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--ccl-border);
    border-radius: 4px 4px 0 0;
    background: var(--ccl-surface);
    color: var(--ccl-text);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--ccl-page);
    border-bottom: 3px solid var(--ccl-accent);
    font-weight: 700;
  }
  dl.record {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  dl.record div {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 2fr;
    gap: 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .note {
    white-space: pre-wrap;
  }
  ol.history,
  ul.kb-results {
    margin: 0;
    padding-left: 1.25rem;
  }
  button.link {
    font: inherit;
    background: none;
    border: none;
    padding: 0.5rem 0;
    min-height: 44px;
    color: var(--ccl-accent);
    text-decoration: underline;
    cursor: pointer;
    text-align: left;
  }
  .debrief ol.path {
    padding-left: 1.25rem;
  }
  .debrief li {
    margin-bottom: 1rem;
  }
  .quality-best strong {
    color: var(--ccl-good);
  }
  .quality-poor strong {
    color: var(--ccl-bad);
  }
  .criteria {
    color: var(--ccl-muted);
  }
  .practice {
    background: var(--ccl-note);
    border-left: 6px solid var(--ccl-note-border);
    padding: 0.5rem 0.75rem;
  }
  .actions {
    margin-top: 0.5rem;
  }
  @media (max-width: 30rem) {
    dl.record div {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .log .you {
      margin-left: 0.5rem;
    }
  }
`;
