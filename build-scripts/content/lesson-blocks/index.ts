import type { ContentProblem } from '../content-error.js';
import type { PageRenderer } from '../markdown.js';
import { atWork } from './at-work.js';
import { type BlockContext, type BlockKind, type BlockSource, type CriterionPart, wordsOf } from './block-kind.js';
import { compare } from './compare.js';
import { diagram } from './diagram.js';
import { dialogue } from './dialogue.js';
import { findBlocks } from './find-blocks.js';
import { keyPoints } from './key-points.js';
import { law } from './law.js';
import { more, reveal } from './reveal.js';
import { steps } from './steps.js';
import { tryIt } from './try-it.js';

/** The lesson blocks, by the word after ":::". */
export const BLOCKS = {
  dialogue,
  steps,
  diagram,
  'try-it': tryIt,
  reveal,
  more,
  compare,
  law,
  'key-points': keyPoints,
  'at-work': atWork,
};
/** Each kind with its data type erased: a kind's parse result goes only to its own render. */
const KINDS = BLOCKS as unknown as Record<string, BlockKind<unknown>>;

/** A block as used in a lesson: which kind, where, and in which criterion's part. */
export interface BlockUse {
  kind: string;
  /** The rest of its opening line (an at-work box's criterion, a diagram's kind …). */
  args: string;
  line: number;
  part?: CriterionPart;
}

export interface RenderedLesson {
  html: string;
  /** The lesson's parts that teach a criterion, in order. */
  parts: CriterionPart[];
  /** Minutes a learner needs: reading at 200 words a minute, and time to answer what the blocks ask. */
  minutes: number;
  blocks: BlockUse[];
}

const WORDS_PER_MINUTE = 200;

/**
 * Renders a lesson's body, Markdown and blocks, into sanitised HTML, reporting every malformed
 * block at its file and line. `markdownWords` counts the Markdown between blocks.
 */
export function renderLesson(
  lesson: { file: string; body: string; bodyLine: number; criteria: readonly string[] },
  page: PageRenderer,
  criterionLabel: string,
  problems: ContentProblem[],
): RenderedLesson {
  const { parts, criterionParts } = findBlocks(lesson.file, lesson.body, lesson.bodyLine, new Set(Object.keys(BLOCKS)), problems);
  const context: BlockContext = { page, criterionLabel, lessonCriteria: lesson.criteria };
  let html = '';
  let words = 0;
  let extraMinutes = 0;
  const blocks: BlockUse[] = [];
  parts.forEach((part, k) => {
    if ('markdown' in part) {
      html += page.fragment(part.markdown);
      words += wordsOf(part.markdown.replace(/[#>*_`|[\]()]/g, ' '));
      return;
    }
    const source: BlockSource = part.block;
    const kind = KINDS[source.kind]!;
    const report = (message: string, bodyLine = 0) => problems.push({ file: lesson.file, line: source.line + bodyLine, message: `:::${source.kind}: ${message}` });
    if (source.kind === 'key-points' && parts.slice(k + 1).some((p) => 'markdown' in p || p.block.kind !== 'at-work'))
      report('key points end the lesson: move this block to the end (only at-work boxes may follow it)');
    const data = kind.parse(source, report, context);
    if (data === undefined) return;
    html += kind.render(data, context, source);
    words += kind.words(data);
    extraMinutes += kind.minutes ?? 0;
    blocks.push({ kind: source.kind, args: source.args, line: source.line, ...(source.part ? { part: source.part } : {}) });
  });
  if (blocks.filter((b) => b.kind === 'key-points').length > 1) problems.push({ file: lesson.file, line: blocks.filter((b) => b.kind === 'key-points')[1]!.line, message: ':::key-points: a lesson has one key-points block' });
  return { html, parts: criterionParts, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE + extraMinutes)), blocks };
}
