import { wordsOf, type BlockKind } from './block-kind.js';
import { markdownBody } from './markdown-body.js';

/** The lesson's key points, as a list at its end. */
export const keyPoints: BlockKind<{ body: string }> = {
  about: "the lesson's key points, a list at its end",
  parse(source, report) {
    const body = markdownBody(source, report, 'a key-points block');
    if (body === undefined) return undefined;
    const items = body.split('\n').filter((l) => /^[-*]\s+\S/.test(l));
    if (items.length < 2) {
      report('list at least two key points, each on a line starting "- "');
      return undefined;
    }
    return { body };
  },
  render: ({ body }, { page }) => {
    const id = page.uniqueId('key-points');
    return `<section class="block key-points" aria-labelledby="${id}"><h2 id="${id}">Key points</h2>
${page.fragment(body)}</section>\n`;
  },
  words: ({ body }) => wordsOf(body),
};
