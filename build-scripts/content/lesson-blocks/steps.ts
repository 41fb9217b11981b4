import { wordsOf, type BlockKind } from './block-kind.js';

interface Step {
  text: string;
  /** A decision's answers and where each leads ("Yes: go on to step 4"). */
  branches: { answer: string; then: string }[];
}

/**
 * A procedure as numbered steps: a Markdown ordered list (`1. …`, `2. …`). A step that asks a
 * question and lists its answers under it (`   - Yes: go on to step 4`) is a decision point.
 */
export const steps: BlockKind<{ title: string; steps: Step[] }> = {
  about: 'a procedure as numbered steps, with its decision points',
  parse(source, report) {
    const list: Step[] = [];
    let ok = true;
    source.body.split('\n').forEach((l, k) => {
      if (!l.trim()) return;
      const step = /^(\d+)\.\s+(\S.*)$/.exec(l);
      const branch = /^\s+[-*]\s+([^:]{1,30}):\s+(\S.*)$/.exec(l);
      const last = list[list.length - 1];
      if (step) {
        if (Number(step[1]) !== list.length + 1) report(`this step is numbered ${step[1]}; number the steps 1, 2, 3 … in order (this is step ${list.length + 1})`, k + 1);
        list.push({ text: step[2]!, branches: [] });
      } else if (branch && last) last.branches.push({ answer: branch[1]!.trim(), then: branch[2]! });
      else if (/^\s+\S/.test(l) && last && !/^\s+[-*]\s/.test(l)) {
        const b = last.branches[last.branches.length - 1];
        if (b) b.then += ` ${l.trim()}`;
        else last.text += ` ${l.trim()}`;
      } else {
        report('each line is a step ("1. Check the caller\'s identity") or, under a step that asks a question, an answer ("   - Yes: go on to step 4")', k + 1);
        ok = false;
      }
    });
    list.forEach((s, n) => {
      if (s.branches.length === 1) report(`step ${n + 1} has one answer: a decision needs two or more, and a plain step none`);
      if (s.branches.length > 1 && !s.text.trim().endsWith('?')) report(`step ${n + 1} has answers under it, so it is a decision: write it as a question ending "?"`);
    });
    if (list.length < 2) report(`a steps block needs at least two steps; this one has ${list.length}`);
    const valid = ok && list.length >= 2 && list.every((s) => s.branches.length !== 1 && (s.branches.length === 0 || s.text.trim().endsWith('?')));
    return valid ? { title: source.args, steps: list } : undefined;
  },
  render: ({ title, steps: list }, { page }) => {
    const id = page.uniqueId('steps');
    const item = (s: Step, n: number) =>
      s.branches.length
        ? `<li class="step decision"><span class="step-n">${n + 1}</span><div class="step-body"><p><span class="decision-label">Decision:</span> ${page.inline(s.text)}</p>
<ul class="branches">${s.branches.map((b) => `<li><strong>${page.inline(b.answer)}:</strong> ${page.inline(b.then)}</li>`).join('')}</ul></div></li>`
        : `<li class="step"><span class="step-n">${n + 1}</span><div class="step-body"><p>${page.inline(s.text)}</p></div></li>`;
    return `<figure class="block steps"${title ? ` aria-labelledby="${id}"` : ''}>
${title ? `<figcaption id="${id}">${page.inline(title)}</figcaption>\n` : ''}<ol class="step-list">${list.map(item).join('\n')}</ol>
</figure>\n`;
  },
  words: ({ title, steps: list }) => wordsOf(title, ...list.flatMap((s) => [s.text, ...s.branches.flatMap((b) => [b.answer, b.then])])),
};
