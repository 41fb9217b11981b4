import { css } from 'lit';

/** Styles of a question as asked and answered (the evidence panel and the printed record). */
export const answeredQuestionStyles = css`
  ol.answers {
    padding-left: 1.5rem;
    margin: 0.5rem 0 1rem;
  }
  .answer {
    margin-bottom: 1rem;
    padding-bottom: 0.75rem;
    border-bottom: 1px solid var(--ccl-rule);
    break-inside: avoid;
  }
  .answer .question {
    font-weight: 600;
    margin: 0 0 0.25rem;
  }
  .answer dl {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.125rem 0.75rem;
    margin: 0;
  }
  .answer dt {
    color: var(--ccl-muted);
  }
  .answer dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .answer ul.options {
    margin: 0;
    padding-left: 1.1rem;
  }
  .result.right {
    color: var(--ccl-good);
    font-weight: 600;
  }
  .result.wrong {
    color: var(--ccl-bad);
    font-weight: 600;
  }
  @media (max-width: 480px) {
    .answer dl {
      grid-template-columns: 1fr;
    }
    .answer dt {
      margin-top: 0.25rem;
    }
  }
  @media print {
    .answer dt,
    .result.right,
    .result.wrong {
      color: var(--ccl-print);
    }
  }
  /* A learner's knowledge checks on a criterion: the verdict line and the list of checks. */
  .summary {
    font-weight: 700;
    margin: 0;
  }
  ul.checks {
    margin: 0;
    padding-left: 1.25rem;
  }
`;
