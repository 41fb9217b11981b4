import { z } from 'zod';
import { text } from '../question-kinds/common.js';
import { escapeHtml, wordsOf, type BlockKind } from './block-kind.js';
import { band } from './diagrams/band.js';
import { cycle } from './diagrams/cycle.js';
import type { DiagramKind } from './diagrams/diagram-kind.js';
import { flow } from './diagrams/flow.js';
import { svgFrame } from './diagrams/svg.js';
import { timeline } from './diagrams/timeline.js';
import { tree } from './diagrams/tree.js';
import { parseYamlBlock } from './yaml-block.js';

/** The diagrams an author can draw, by the word after ":::diagram". */
export const DIAGRAMS = { flow, timeline, band, cycle, tree } satisfies Record<string, DiagramKind<z.ZodObject>>;
type DiagramName = keyof typeof DIAGRAMS;

const about = { title: text(100), description: text(600) };

interface Diagram {
  name: DiagramName;
  title: string;
  description: string;
  data: Record<string, unknown>;
}

/**
 * A diagram written as data (`:::diagram flow`, then YAML: title, description, and the kind's
 * fields), drawn at build time as SVG that follows the theme and scales to 320 px, with its
 * title and description for assistive technology and the diagram in words beneath it.
 */
export const diagram: BlockKind<Diagram> = {
  about: 'a diagram drawn from data',
  parse(source, report) {
    const name = source.args as DiagramName;
    if (!(name in DIAGRAMS)) {
      report(`name the kind of diagram after ":::diagram": ${Object.keys(DIAGRAMS).join(', ')}`);
      return undefined;
    }
    const kind = DIAGRAMS[name] as DiagramKind<z.ZodObject>;
    const parsed = parseYamlBlock(source, kind.fields.extend(about), report) as ({ title: string; description: string } & Record<string, unknown>) | undefined;
    if (!parsed) return undefined;
    let ok = true;
    kind.check?.(parsed, (message) => {
      report(message);
      ok = false;
    });
    const { title, description, ...data } = parsed;
    return ok ? { name, title, description, data } : undefined;
  },
  render: (d, { page }) => {
    const kind = DIAGRAMS[d.name] as DiagramKind<z.ZodObject>;
    const id = page.uniqueId(`diagram-${d.name}`);
    const { height, body, defs } = kind.draw(d.data, id);
    const words = kind.inWords(d.data);
    const list = words.ordered ? 'ol' : 'ul';
    return `<figure class="block diagram" data-diagram="${d.name}">
${svgFrame(id, d.title, d.description, height, body, defs)}
<figcaption>${escapeHtml(d.title)}</figcaption>
<details class="in-words"><summary>The diagram in words</summary><p>${escapeHtml(d.description)}</p><${list}>${words.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${list}></details>
</figure>\n`;
  },
  // A reader reads the title and the boxes' words (the description is what a screen reader hears instead).
  words: (d) => wordsOf(d.title, ...(DIAGRAMS[d.name] as DiagramKind<z.ZodObject>).inWords(d.data).items),
};
