import { z } from 'zod';
import { text } from '../question-kinds/common.js';
import { plainText } from '../../../tracking/plain-text.js';
import { wordsOf, type BlockKind } from './block-kind.js';
import { parseYamlBlock } from './yaml-block.js';

const schema = z.strictObject({
  question: text(400),
  options: z
    .array(z.strictObject({ text: text(200), correct: z.boolean().optional(), feedback: text(400) }))
    .min(2, 'give at least two options')
    .max(5, 'give at most five options'),
});
type TryIt = z.infer<typeof schema>;

/** The verdict the player puts before each option's feedback, so feedback must not say it again. */
const VERDICT = /^(right|correct|not quite|wrong|incorrect)\b/i;

/** How much longer than the longest wrong option the right one may be before its length gives it away. */
const LONGEST_RATIO = 1.5;

/**
 * A short question inside the lesson with instant feedback on each option: practice, not
 * assessment. It is never sent to the LMS or LRS and changes no criterion's status.
 */
export const tryIt: BlockKind<TryIt> = {
  about: 'a practice question in the lesson, not marked',
  parse(source, report) {
    const data = parseYamlBlock(source, schema, report);
    if (!data) return undefined;
    const right = data.options.filter((o) => o.correct);
    if (right.length !== 1) {
      report(`mark exactly one option "correct: true"; this try-it has ${right.length}`);
      return undefined;
    }
    data.options.forEach((o, k) => {
      if (VERDICT.test(plainText(o.feedback)))
        report(`option ${k + 1}'s feedback begins "${plainText(o.feedback).split(/[.!,]/)[0]}": the player already says "${o.correct ? 'Right.' : 'Not quite.'}" before it, so begin with the reason`);
    });
    const length = (s: string) => plainText(s).length;
    const longestWrong = Math.max(...data.options.filter((o) => !o.correct).map((o) => length(o.text)));
    if (length(right[0]!.text) > LONGEST_RATIO * longestWrong) report('the right option is much the longest, which gives it away: make the options of like length and detail');
    return data;
  },
  render: (data, { page }) => {
    const id = page.uniqueId('try-it');
    const options = data.options
      .map((o, k) => `<li${o.correct ? ' class="right"' : ''}><label><input type="radio" name="${id}" value="${k}"> <span>${page.inline(o.text)}</span></label></li>`)
      .join('\n');
    const whys = data.options
      .map((o, k) => `<div class="try-why${o.correct ? ' correct' : ''}" data-option="${k}" hidden><p><strong class="verdict">${o.correct ? 'Right.' : 'Not quite.'}</strong> ${page.inline(o.feedback)}</p></div>`)
      .join('\n');
    return `<div class="block try-it" data-try-it="${id}">
<fieldset><legend><span class="block-label">Try it</span> <span class="not-marked">(practice, not marked)</span> <span class="try-question">${page.inline(data.question)}</span></legend>
<ul class="try-options">${options}</ul></fieldset>
<button type="button" class="secondary try-check">Check my answer</button>
<div class="try-feedback" aria-live="polite"><p class="try-choose" hidden>Choose an answer first.</p>${whys}</div>
</div>\n`;
  },
  words: (data) => wordsOf(data.question, ...data.options.map((o) => o.text)),
  minutes: 0.5,
};
