import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { MAX_RANK_SHARE, allowedGiveAways, giveAwaysByCriterion, rightAnswerLengthRanks } from '../../build-scripts/content/give-away.js';
import { listUnitIds, readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS } from '../../build-scripts/options.js';

/** The seeds (awarding bodies' unit specifications) live beside the checkout. */
const SEEDS = join(process.cwd(), '../shared/seeds');
const seedTexts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
  // Garbling the seed map names ("Iistening" for "listening"), read through as the writers did.
  .map((t) => t.replace(/Iistening/g, 'listening'));
/** Letters and digits only: PDF extraction breaks lines and spacing, never the words. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Units whose lessons are written with the lesson blocks (modules/README.md): each lesson shows
 * its procedure or idea as steps or a diagram, has a worked conversation, a try-it in every part
 * that teaches a criterion, an at-work box per criterion and key points at the end.
 */
const WRITTEN_IN_BLOCKS = new Set(['f-503-0389', 'j-503-0426', 'dn8j-11', 'a-500-7158', 'a-503-0391']);

const units = listUnitIds(process.cwd()).filter((id) => !process.env.TEST_UNITS || process.env.TEST_UNITS.split(',').includes(id));

describe.each(units)('content of %s', (id) => {
  const { data, coverage, lessons } = buildCourse(readUnitSources(process.cwd(), id), DEFAULTS);
  const seed = seedTexts.find((t) => squash(t).includes(squash(data.unit.reference)));

  it('comes from a seed, and every outcome title and criterion is worded as the seed words it', () => {
    expect(seed, `no seed names ${data.unit.reference}`).toBeDefined();
    const s = squash(seed!);
    for (const o of data.outcomes) {
      expect(s, `outcome ${o.number} title`).toContain(squash(o.title));
      for (const c of o.criteria) {
        expect(s, `criterion ${c.code}`).toContain(squash(c.text));
        for (const r of c.range ?? []) expect(s, `criterion ${c.code} range item "${r}"`).toContain(squash(r));
      }
    }
  });

  it.runIf(WRITTEN_IN_BLOCKS.has(id))('every lesson has steps or a diagram, a dialogue, a try-it per criterion part, an at-work box per criterion and key points', () => {
    const missing: string[] = [];
    for (const l of lessons) {
      const has = (kind: string) => l.blocks.some((b) => b.kind === kind);
      if (!has('steps') && !has('diagram')) missing.push(`${l.file}: no steps or diagram`);
      if (!has('dialogue')) missing.push(`${l.file}: no dialogue`);
      if (!has('key-points')) missing.push(`${l.file}: no key points`);
      for (const p of l.parts)
        if (!l.blocks.some((b) => b.kind === 'try-it' && b.part?.line === p.line)) missing.push(`${l.file}:${p.line}: the part teaching ${p.criterion} has no try-it`);
    }
    for (const c of data.outcomes.flatMap((o) => o.criteria))
      if (!lessons.some((l) => l.blocks.some((b) => b.kind === 'at-work' && b.args === c.code)))
        missing.push(`criterion ${c.code}: no at-work box`);
    expect(missing).toEqual([]);
  });

  it('teaches every criterion in real depth and has enough questions for retakes', () => {
    for (const c of coverage) {
      expect(c.lessonWords, `words for ${c.code}`).toBeGreaterThanOrEqual(250);
      expect(c.questions, `questions for ${c.code}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('uses at least three question types in every outcome', () => {
    for (const o of data.outcomes) expect(new Set(o.questions.map((q) => q.type)).size, `outcome ${o.number}`).toBeGreaterThanOrEqual(3);
  });

  it('does not give the answer away: true/false answers are mixed and right options are not the longest by far', () => {
    const tf = data.outcomes.flatMap((o) => o.questions).filter((q) => q.type === 'true-false');
    const trues = tf.filter((q) => q.type === 'true-false' && q.correct).length;
    expect(trues).toBeGreaterThan(0);
    expect(trues).toBeLessThan(tf.length);
    const giveaways = data.outcomes
      .flatMap((o) => o.questions)
      .filter((q) => q.type === 'single')
      .filter((q) => {
        if (q.type !== 'single') return false;
        const right = q.options.find((o) => o.correct)!.text.length;
        const longestWrong = Math.max(...q.options.filter((o) => !o.correct).map((o) => o.text.length));
        return right > 1.5 * longestWrong;
      })
      .map((q) => q.id);
    expect(giveaways).toEqual([]);
  });

  it('gives no answer away by its form: in each criterion at most a third of the choice questions have the right option longest or alone hedged', () => {
    const over = giveAwaysByCriterion(data)
      .filter((c) => c.giveAways > allowedGiveAways(c.choiceQuestions))
      .map((c) => `${c.code}: ${c.giveAways} of ${c.choiceQuestions} (${c.ids.join(', ')})`);
    expect(over).toEqual([]);
  });

  it('gives no answer away by length rank either: no rank (longest, second longest …) holds more than 40 % of the right single-choice answers', () => {
    const { questions, shares } = rightAnswerLengthRanks(data);
    if (questions < 20) return;
    expect(shares.map((x) => Math.round(x * 100)).filter((x) => x > MAX_RANK_SHARE * 100), `shares by rank: ${shares.map((x) => Math.round(x * 100)).join(', ')} %`).toEqual([]);
  });

  it('says once that a knowledge check does not replace the assessor', () => {
    expect(data.assessment.html).toMatch(/assessor/i);
    expect(data.assessment.html).toMatch(/knowledge check/i);
  });
});
