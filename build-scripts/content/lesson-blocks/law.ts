import { wordsOf, type BlockKind } from './block-kind.js';
import { markdownBody } from './markdown-body.js';

/** "The law": the instrument by name, and what it means at work. */
export const law: BlockKind<{ instrument: string; body: string }> = {
  about: 'the law: an instrument by name and what it means at work',
  parse(source, report) {
    if (!source.args) report('name the law after ":::law", for example ":::law Consumer Rights Act 2015"');
    const body = markdownBody(source, report, 'a law block');
    return source.args && body ? { instrument: source.args, body } : undefined;
  },
  render: ({ instrument, body }, { page }) => {
    const id = page.uniqueId('law');
    return `<div class="block law" role="note" aria-labelledby="${id}">
<p class="block-label" id="${id}">The law: <strong>${page.inline(instrument)}</strong></p>
${page.fragment(body)}</div>\n`;
  },
  words: ({ instrument, body }) => wordsOf(instrument, body),
};
