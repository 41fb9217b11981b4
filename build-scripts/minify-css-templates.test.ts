import { describe, expect, it } from 'vitest';
import { minifyCss } from './minify-css-templates.js';

describe('minifyCss', () => {
  it('drops comments and needless spaces, and keeps quoted text and selector spaces as written', () => {
    const css = `
      /* A comment */
      :host {
        color: var(--ccl-text);
      }
      nav a:hover,
      .turn > p::after {
        content: '(the answer: yes, it is)';
        font-family: system-ui, "Segoe UI";
      }
      @media (max-width: 48rem) {
        main { padding: 1rem 1.5rem; }
      }`;
    expect(minifyCss(css)).toBe(
      `:host{color:var(--ccl-text)}nav a:hover,.turn>p::after{content:'(the answer: yes, it is)';font-family:system-ui,"Segoe UI"}@media (max-width:48rem){main{padding:1rem 1.5rem}}`,
    );
  });
});
