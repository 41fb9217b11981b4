import { wordsOf, type BlockKind } from './block-kind.js';
import { markdownBody } from './markdown-body.js';

/** "Think first, then reveal": a prompt, and an answer the learner opens when ready. */
export const reveal: BlockKind<{ prompt: string; answer: string }> = {
  about: 'a prompt to think about, then an answer to reveal',
  parse(source, report) {
    if (!source.args) report('write the prompt after ":::reveal", for example ":::reveal What would you say next?"');
    const answer = markdownBody(source, report, 'a reveal block');
    return source.args && answer ? { prompt: source.args, answer } : undefined;
  },
  render: ({ prompt, answer }, { page }) => `<div class="block reveal">
<p class="block-label">Think first</p>
<p class="reveal-prompt">${page.inline(prompt)}</p>
<details><summary>Show an answer</summary><div class="reveal-answer">${page.fragment(answer)}</div></details>
</div>\n`,
  words: ({ prompt, answer }) => wordsOf(prompt, answer),
  minutes: 0.5,
};

/** Optional reading for those who want the detail (the fine print of a law, say), closed at first. */
export const more: BlockKind<{ title: string; body: string }> = {
  about: 'optional detail, closed until the learner opens it',
  parse(source, report) {
    if (!source.args) report('write what the detail is about after ":::more", for example ":::more The regulations in full"');
    const body = markdownBody(source, report, 'a more block');
    return source.args && body ? { title: source.args, body } : undefined;
  },
  render: ({ title, body }, { page }) => `<details class="block more">
<summary><span class="block-label">Going further</span> ${page.inline(title)}</summary>
<div class="more-body">${page.fragment(body)}</div>
</details>\n`,
  // Optional reading: not in the lesson's reading time.
  words: ({ title }) => wordsOf(title),
};
