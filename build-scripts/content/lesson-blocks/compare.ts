import { wordsOf, type BlockKind } from './block-kind.js';
import { markdownBody } from './markdown-body.js';

interface Column {
  label: string;
  body: string;
}

/** Marks for the do / don't columns: a shape as well as a word, never colour alone. */
const MARK: Record<string, string> = { do: '✓', "don't": '✗', dont: '✗' };

/**
 * Two things side by side (do / don't, before / after, feature / benefit). Each column starts
 * with a line of its label ending ":" and holds Markdown, usually a list.
 */
export const compare: BlockKind<{ title: string; columns: Column[] }> = {
  about: 'two columns side by side, such as do and don’t',
  parse(source, report) {
    const body = markdownBody(source, report, 'a compare block');
    if (body === undefined) return undefined;
    const columns: (Column & { line: number })[] = [];
    const lines = body.split('\n');
    lines.forEach((l, k) => {
      const label = /^([^\s*-].{0,40}):\s*$/.exec(l);
      if (label) columns.push({ label: label[1]!.trim(), body: '', line: k + 1 });
      else if (columns.length === 0 && l.trim()) report('start each column with its label on a line of its own, ending ":" (for example "Do:")', k + 1);
      else if (columns.length) columns[columns.length - 1]!.body += `${l}\n`;
    });
    if (columns.length !== 2) {
      // A short line ending ":" starts a column: name each, so a stray one is easy to find.
      const found = columns.map((c) => `"${c.label}" (line ${source.line + c.line})`).join(', ');
      report(`a compare block has two columns, each starting with a line "Label:"; this one has ${columns.length}${found ? `: ${found}` : ''}`);
      return undefined;
    }
    const empty = columns.find((c) => !c.body.trim());
    if (empty) {
      report(`the "${empty.label}" column is empty`);
      return undefined;
    }
    return { title: source.args, columns };
  },
  render: ({ title, columns }, { page }) => {
    const id = page.uniqueId('compare');
    const column = (c: Column) => {
      const key = c.label.toLowerCase().replace(/’/g, "'");
      const mark = MARK[key];
      return `<div class="column${mark ? ` ${key === 'do' ? 'do' : 'dont'}` : ''}">
<p class="column-label">${mark ? `<span class="mark" aria-hidden="true">${mark}</span> ` : ''}${page.inline(c.label)}</p>
${page.fragment(c.body)}</div>`;
    };
    return `<figure class="block compare"${title ? ` aria-labelledby="${id}"` : ''}>
${title ? `<figcaption id="${id}">${page.inline(title)}</figcaption>\n` : ''}<div class="columns">${columns.map(column).join('\n')}</div>
</figure>\n`;
  },
  words: ({ title, columns }) => wordsOf(title, ...columns.flatMap((c) => [c.label, c.body])),
};
