import { css } from 'lit';

/** Lesson text as the build renders it from Markdown: headings, quotes, tables, glossary links. */
const contentStyles = css`
  :host {
    display: block;
  }
  .content h2 {
    font-size: 1.35rem;
    margin-top: 2rem;
  }
  .content blockquote {
    margin: 1rem 0;
    padding: 0.75rem 1rem;
    border-left: 6px solid var(--ccl-accent);
    background: var(--ccl-surface);
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
    margin: 1rem 0;
  }
  table {
    border-collapse: collapse;
  }
  .table-scroll th,
  .table-scroll td {
    border: 1px solid var(--ccl-border);
    padding: 0.375rem 0.5rem;
    text-align: left;
  }
  .criterion-tag {
    display: inline-block;
    font-size: 0.85rem;
    font-weight: 700;
    background: var(--ccl-surface);
    color: var(--ccl-text);
    border: 1px solid var(--ccl-border);
    border-radius: 4px;
    padding: 0 0.375rem;
    vertical-align: middle;
  }
  a {
    color: var(--ccl-accent);
  }
  a.glossary-term {
    text-decoration-style: dotted;
    text-decoration-thickness: 2px;
  }
  .lesson-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    color: var(--ccl-muted);
  }
  .lesson-meta p {
    margin: 0;
  }
  button.link {
    font: inherit;
    color: var(--ccl-accent);
    background: none;
    border: none;
    padding: 0.25rem 0;
    min-height: 44px;
    text-decoration: underline;
    cursor: pointer;
  }
`;

/** The lesson blocks (build-scripts/content/lesson-blocks/): each readable at 320 px, in the theme's colours. */
const blockStyles = css`
  .block {
    margin: 1.5rem 0;
    break-inside: avoid;
  }
  figure.block {
    margin-inline: 0;
  }
  figcaption,
  .block-label {
    font-weight: 700;
  }
  .block-label {
    margin: 0 0 0.25rem;
  }
  figcaption .block-label {
    display: block;
    color: var(--ccl-muted);
    font-size: 0.9rem;
  }

  /* Dialogue: turns as a list, who speaks first in each; the adviser's side marked by the accent. */
  .turns {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0;
    display: grid;
    gap: 0.5rem;
  }
  .turn {
    padding: 0.5rem 0.75rem;
    border-left: 6px solid var(--ccl-border);
    background: var(--ccl-surface);
    border-radius: 0 6px 6px 0;
  }
  .turn.adviser {
    border-left-color: var(--ccl-accent);
    background: var(--ccl-page);
    border-top: 1px solid var(--ccl-rule);
    border-right: 1px solid var(--ccl-rule);
    border-bottom: 1px solid var(--ccl-rule);
  }
  .turn p {
    margin: 0;
  }
  .speaker {
    font-weight: 700;
    font-size: 0.9rem;
  }
  .speaker .role {
    font-weight: 400;
    color: var(--ccl-muted);
  }
  .turn-note {
    margin-top: 0.5rem !important;
    padding: 0.375rem 0.5rem;
    font-size: 0.95rem;
    border-radius: 4px;
  }
  .turn-note.went-well {
    background: var(--ccl-good-surface);
  }
  .turn-note.to-change {
    background: var(--ccl-bad-surface);
  }
  @media (min-width: 36rem) {
    .turn.customer {
      margin-right: 3rem;
    }
    .turn.adviser {
      margin-left: 3rem;
    }
  }

  /* Steps: numbered circles joined by a line; a decision's number sits in a diamond. */
  .step-list {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0;
  }
  .step {
    position: relative;
    display: flex;
    gap: 0.75rem;
    padding-bottom: 0.75rem;
  }
  .step:not(:last-child)::before {
    content: '';
    position: absolute;
    left: calc(1rem - 1px);
    top: 2rem;
    bottom: 0;
    border-left: 2px solid var(--ccl-border);
  }
  .step-n {
    flex: 0 0 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--ccl-accent);
    color: var(--ccl-on-accent);
    font-weight: 700;
    display: grid;
    place-items: center;
  }
  .decision .step-n {
    position: relative;
    z-index: 0;
    background: none;
  }
  .decision .step-n::before {
    content: '';
    position: absolute;
    inset: 0.25rem;
    z-index: -1;
    background: var(--ccl-accent);
    transform: rotate(45deg);
  }
  .step-body {
    min-width: 0;
    padding-top: 0.2rem;
  }
  .step-body p {
    margin: 0;
  }
  .decision-label {
    font-weight: 700;
  }
  .branches {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }

  /* Diagrams: drawn at 320 units wide, never wider than reads well. */
  .diagram-svg {
    display: block;
    width: 100%;
    max-width: 26rem;
    height: auto;
    font-family: inherit;
  }
  .diagram figcaption {
    margin-top: 0.5rem;
  }
  .dg-box {
    fill: var(--ccl-surface);
    stroke: var(--ccl-accent);
    stroke-width: 2;
  }
  .dg-root {
    fill: var(--ccl-accent);
  }
  .dg-label {
    font-size: 15px;
    font-weight: 700;
    fill: var(--ccl-text);
  }
  .dg-label-small {
    font-size: 14px;
  }
  .dg-on-root {
    fill: var(--ccl-on-accent);
  }
  .dg-text {
    font-size: 15px;
    fill: var(--ccl-text);
  }
  .dg-small {
    font-size: 14px;
    fill: var(--ccl-text);
  }
  .dg-strong {
    font-weight: 700;
  }
  .dg-line {
    stroke: var(--ccl-muted);
    stroke-width: 2;
    fill: none;
  }
  .dg-arrowhead {
    fill: var(--ccl-muted);
  }
  .dg-axis {
    stroke: var(--ccl-accent);
    stroke-width: 3;
  }
  .dg-point {
    fill: var(--ccl-page);
    stroke: var(--ccl-accent);
    stroke-width: 3;
  }
  .dg-red {
    fill: var(--ccl-rag-red);
  }
  .dg-amber {
    fill: var(--ccl-rag-amber);
  }
  .dg-green {
    fill: var(--ccl-rag-green);
  }
  .dg-on-zone {
    font-size: 14px;
    font-weight: 700;
    fill: var(--ccl-on-accent);
  }
  .dg-marker {
    stroke: var(--ccl-text);
    stroke-width: 2;
    stroke-dasharray: 4 3;
  }
  details.in-words {
    margin-top: 0.25rem;
  }

  /* Compare: two columns side by side where there is room, one under the other where not. */
  .columns {
    display: grid;
    gap: 0.75rem;
    margin-top: 0.5rem;
  }
  @media (min-width: 36rem) {
    .columns {
      grid-template-columns: 1fr 1fr;
    }
  }
  .column {
    border: 1px solid var(--ccl-rule);
    border-top: 6px solid var(--ccl-border);
    border-radius: 4px;
    padding: 0.5rem 0.75rem;
  }
  .column.do {
    border-top-color: var(--ccl-good);
  }
  .column.dont {
    border-top-color: var(--ccl-bad);
  }
  .column-label {
    font-weight: 700;
    margin: 0;
  }
  .column.do .mark {
    color: var(--ccl-good);
  }
  .column.dont .mark {
    color: var(--ccl-bad);
  }
  .column ul {
    padding-left: 1.25rem;
  }

  /* The law, at work, key points: boxes set apart from the text. */
  .law,
  .at-work,
  .key-points,
  .reveal,
  .try-it {
    padding: 0.75rem 1rem;
    border-radius: 6px;
  }
  .law {
    border-left: 6px solid var(--ccl-accent);
    background: var(--ccl-surface);
  }
  .at-work {
    background: var(--ccl-note);
    border: 2px solid var(--ccl-note-border);
  }
  .at-work-assessor {
    font-size: 0.95rem;
    color: var(--ccl-text);
    margin-bottom: 0;
  }
  .key-points {
    border: 2px solid var(--ccl-accent);
  }
  .key-points h2 {
    margin-top: 0;
    font-size: 1.2rem;
  }
  .reveal {
    border: 2px dashed var(--ccl-border);
  }
  .reveal-prompt {
    margin-top: 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--ccl-accent);
    min-height: 44px;
    display: list-item;
    padding: 0.5rem 0;
  }
  .more {
    border-top: 1px solid var(--ccl-rule);
    border-bottom: 1px solid var(--ccl-rule);
  }
  .more summary .block-label {
    color: var(--ccl-muted);
    margin-right: 0.25rem;
  }

  /* Try it: practice with instant feedback, never marked. */
  .try-it {
    border: 2px solid var(--ccl-accent);
  }
  .try-it fieldset {
    border: none;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .try-it legend {
    padding: 0;
  }
  .try-it legend .block-label {
    margin-right: 0.25rem;
  }
  .not-marked {
    color: var(--ccl-muted);
    font-size: 0.9rem;
  }
  .try-question {
    display: block;
    margin-top: 0.25rem;
  }
  .try-options {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
  }
  .try-options label {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    padding: 0.5rem;
    min-height: 44px;
    box-sizing: border-box;
    cursor: pointer;
  }
  .try-options input {
    margin-top: 0.3rem;
    width: 1.1rem;
    height: 1.1rem;
    flex: none;
  }
  .try-why p,
  .try-choose {
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem;
    border-radius: 4px;
    background: var(--ccl-bad-surface);
  }
  .try-why.correct p {
    background: var(--ccl-good-surface);
  }
  .try-choose {
    background: var(--ccl-note);
  }

  @media print {
    .lesson-meta button,
    .try-check,
    .try-choose,
    details.in-words summary {
      display: none;
    }
    .try-why[hidden] {
      display: none;
    }
    .try-why.correct[hidden] {
      display: block;
    }
    .try-options li.right label::after {
      content: '(the answer)';
      font-weight: 700;
    }
    .block,
    .turn,
    .step {
      break-inside: avoid;
    }
    a {
      color: var(--ccl-print);
    }
  }
`;

export const lessonStyles = [contentStyles, blockStyles];
