import { escapeHtml, wordsOf, type BlockKind } from './block-kind.js';
import { markdownBody } from './markdown-body.js';

/**
 * "At work": what the learner could do or collect at their own centre as evidence of a criterion,
 * with the line that the assessor decides what counts.
 */
export const atWork: BlockKind<{ criterion: string; body: string }> = {
  about: 'what to do or collect at work as evidence of a criterion',
  parse(source, report, { lessonCriteria }) {
    const code = source.args;
    if (!code) {
      report('name the criterion after ":::at-work", for example ":::at-work 2.2"');
      return undefined;
    }
    if (!lessonCriteria.includes(code)) {
      report(`criterion ${code} is not one this lesson teaches (its front matter lists ${lessonCriteria.join(', ')})`);
      return undefined;
    }
    const body = markdownBody(source, report, 'an at-work block');
    return body ? { criterion: code, body } : undefined;
  },
  render: ({ criterion, body }, { page, criterionLabel }) => {
    const id = page.uniqueId(`at-work-${criterion.replace('.', '-')}`);
    return `<div class="block at-work" role="note" aria-labelledby="${id}">
<p class="block-label" id="${id}">At work: ${escapeHtml(criterionLabel)} ${escapeHtml(criterion)}</p>
${page.fragment(body)}<p class="at-work-assessor">Your assessor decides what counts as evidence, and how it is assessed.</p></div>\n`;
  },
  words: ({ body }) => wordsOf(body),
};
