import { css } from 'lit';

/** Page-level styles of the report (adopted by the document, outside the tokens' reach): body, and A4 pages when printed. */
export const tutorPageStyles = css`
  html {
    -webkit-text-size-adjust: 100%;
  }
  body {
    margin: 0;
    background: #fff;
  }
  @page {
    size: A4;
    margin: 15mm 15mm 18mm;
  }
  @media print {
    body {
      print-color-adjust: economy;
    }
  }
`;
