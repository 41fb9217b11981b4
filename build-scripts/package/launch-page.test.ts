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

  it('leaves every other "<", ">" and "&" as it is, so lesson HTML keeps its size', () => {
    const json = embeddableJson(value);
    expect(json).toContain('<p>Say <strong>');
    expect(json).toContain('a < b > c & d');
    const escaped = JSON.stringify(value).match(/<[/!]/g)!.length;
    expect(escaped).toBe(7);
    expect(json.length).toBe(JSON.stringify(value).length + escaped * ('\\u003c'.length - 1));
  });
});
