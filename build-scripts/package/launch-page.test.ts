import { describe, expect, it } from 'vitest';
import { embeddableJson } from './launch-page.js';

describe('embeddableJson', () => {
  const value = {
    html: '<p>Say <strong>"I can help"</strong> &amp; then</p></script><script>alert(1)</script>',
    comment: '<!-- not a comment --> <!DOCTYPE x> </SCRIPT >',
    plain: 'a < b > c & d',
  };

  it('gives the same value back, with nothing that could end or comment out a script element', () => {
    const json = embeddableJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(/<[/!]/);
    expect(json.toLowerCase()).not.toContain('</script');
  });

  it('is ASCII alone with no "<" (quick for the HTML parser), and keeps every other character as it is', () => {
    const text = { ...value, quote: 'Ask “What would help?” — then listen; café ✓ 😀' };
    const json = embeddableJson(text);
    expect(json).toMatch(/^[\x20-\x3b\x3d-\x7e]*$/);
    expect(JSON.parse(json)).toEqual(text);
    expect(json).toContain('a \\u003c b > c & d');
    expect(json).toContain('\\u201cWhat would help?\\u201d');
  });
});
