import { css } from 'lit';

export const playerStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--ccl-page);
    font-size: 1rem;
  }
  .skip {
    position: absolute;
    left: -999px;
    top: 0;
    background: var(--ccl-page);
    color: var(--ccl-accent);
    font: inherit;
    border: 2px solid var(--ccl-accent);
    padding: 0.5rem;
    z-index: 2;
  }
  .skip:focus {
    left: 0.5rem;
  }
  header .bar {
    background: var(--ccl-accent);
    color: var(--ccl-on-accent);
    padding: 0.75rem 1rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  header img {
    max-height: 40px;
    max-width: 160px;
    background: var(--ccl-page);
    padding: 2px;
  }
  header .titles {
    flex: 1 1 12rem;
    min-width: 0;
  }
  header .centre {
    font-size: 0.875rem;
    margin: 0;
  }
  header .unit {
    font-weight: 700;
    margin: 0;
    overflow-wrap: anywhere;
  }
  header button {
    font: inherit;
    color: var(--ccl-on-accent);
    background: transparent;
    border: 2px solid var(--ccl-on-accent);
    border-radius: 4px;
    min-height: 44px;
    padding: 0.25rem 0.75rem;
    cursor: pointer;
  }
  .save {
    margin: 0;
    padding: 0.5rem 1rem;
    background: var(--ccl-note);
    border-bottom: 2px solid var(--ccl-note-border);
  }
  .save.quiet {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    padding: 0;
    border: 0;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(15rem, 20rem) minmax(0, 1fr);
  }
  nav {
    border-right: 1px solid var(--ccl-border);
    padding: 1rem;
    background: var(--ccl-surface);
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav li {
    margin: 0.125rem 0;
  }
  nav ul ul {
    padding-left: 0.75rem;
  }
  nav .outcome {
    font-weight: 700;
    margin: 1rem 0 0.25rem;
    font-size: 0.95rem;
  }
  nav a {
    display: block;
    padding: 0.375rem 0.5rem;
    color: var(--ccl-text);
    text-decoration: none;
    border-radius: 4px;
    min-height: 24px;
  }
  nav a:hover {
    text-decoration: underline;
  }
  nav a[aria-current='page'] {
    background: var(--ccl-accent);
    color: var(--ccl-on-accent);
    font-weight: 600;
  }
  nav .tag {
    display: block;
    font-size: 0.85rem;
  }
  nav a[aria-current='page'] .tag {
    color: var(--ccl-on-accent);
  }
  main {
    padding: 1rem 1.5rem 3rem;
    max-width: 48rem;
    min-width: 0;
    overflow-wrap: break-word;
  }
  main h1 {
    font-size: 1.75rem;
    line-height: 1.25;
    margin-top: 0.5rem;
  }
  main h1:focus {
    outline: none;
    box-shadow: none;
  }
  .eyebrow {
    color: var(--ccl-muted);
    margin: 0;
    font-weight: 600;
  }
  a {
    color: var(--ccl-accent);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.75rem;
    margin-top: 2.5rem;
    border-top: 1px solid var(--ccl-border);
    padding-top: 1rem;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-left: 6px solid var(--ccl-accent);
    background: var(--ccl-surface);
  }
  dialog {
    max-width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100vh - 4rem);
    border: 2px solid var(--ccl-text);
    border-radius: 6px;
    padding: 1rem 1.25rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog h2 {
    margin-top: 0;
  }
  dialog dt {
    font-weight: 700;
    margin-top: 0.75rem;
  }
  dialog dt.highlight {
    background: var(--ccl-note);
  }
  dialog dd {
    margin: 0.25rem 0 0;
  }
  .dialog-close {
    position: sticky;
    top: 0;
    float: right;
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    nav {
      border-right: none;
      border-bottom: 1px solid var(--ccl-border);
    }
    nav:not(.open) {
      display: none;
    }
    main {
      padding: 1rem;
    }
  }
  @media (min-width: 48.0625rem) {
    .contents-toggle {
      display: none;
    }
  }
  .printed-outcome {
    display: none;
  }
  @media print {
    header button,
    nav,
    .pager,
    .save {
      display: none;
    }
    .layout {
      display: block;
    }
    main.printing-outcome {
      display: none;
    }
    .printed-outcome {
      display: block;
    }
    .printed-lesson {
      break-before: page;
    }
  }
`;
