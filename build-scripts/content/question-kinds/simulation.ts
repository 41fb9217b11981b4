import { z } from 'zod';
import type { SimulationQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { plainText } from '../../../tracking/plain-text.js';
import { code, common, feedback, id, option, text } from './common.js';
import { reportRepeats, type ContentKind, type Report } from './content-kind.js';

const turnId = id(12);
const next = z.string().regex(/^(end:)?[a-z0-9][a-z0-9-]*$/, 'a turn id, or end:<id> for one of the ends');
const panel = z.enum(['record', 'history', 'knowledge', 'case']);
const choice = z.strictObject({
  text: option,
  quality: z.enum(['best', 'acceptable', 'poor']),
  feedback,
  reply: text(400).optional(),
  mood: z.number().int().min(-2).max(2).optional(),
  next,
  article: id(40).optional(),
});
const turn = z.strictObject({
  id: turnId,
  kind: z.enum(['say', 'check', 'search', 'act', 'write']),
  customer: text(600).optional(),
  event: text(300).optional(),
  task: text(200),
  criteria: z.array(code).min(1, 'name the criteria this turn evidences'),
  reveal: z.array(panel).optional(),
  choices: z.array(choice).max(4, 'give at most 4 choices').optional(),
  model: text(1500).optional(),
  checklist: z.array(text(200)).min(2).max(8).optional(),
  next: next.optional(),
});
const schema = z.strictObject({
  ...common,
  // A contact evidences several criteria, each through its own turns.
  criteria: z.array(code).min(1, 'map the simulation to the criteria its turns evidence').max(8, 'at most 8 criteria'),
  type: z.literal('simulation'),
  channel: z.enum(['phone', 'chat', 'meeting', 'email']),
  customer: text(60),
  feedback: z.enum(['turn', 'debrief']).optional(),
  mood: z.number().int().min(1).max(5).optional(),
  desktop: z
    .strictObject({
      record: z.array(z.strictObject({ label: text(40), value: text(200) })).optional(),
      history: z.array(z.strictObject({ when: text(40), channel: text(20), note: text(400) })).optional(),
      knowledge: z.array(z.strictObject({ id: id(40), title: text(120), body: text(1500) })).optional(),
      outcomes: z.array(text(60)).optional(),
      labels: z
        .strictObject({
          record: text(40).optional(),
          history: text(40).optional(),
          knowledge: text(40).optional(),
          case: text(40).optional(),
          conversation: text(60).optional(),
          mood: text(40).optional(),
          note: text(40).optional(),
          noteHint: text(300).optional(),
        })
        .optional(),
    })
    .optional(),
  openings: z.array(turnId).min(1).max(3),
  turns: z.array(turn).min(2, 'give at least 2 turns').max(24, 'give at most 24 turns'),
  ends: z.array(z.strictObject({ id: turnId, outcome: z.enum(['good', 'mixed', 'poor']), text: text(400) })).min(1),
});
type SimulationSource = z.infer<typeof schema>;

/** The best choice the strict longest in more than this share of a simulation's choice turns gives it away. */
export const LONGEST_BEST_LIMIT = 0.4;
/** … or longer than every other choice by a fifth in more than this share. */
export const CLEAR_MARGIN_LIMIT = 0.2;

/**
 * How a simulation's choices could give the answer away by form: in how many of its choice turns
 * the best choice is the longest, and longest by a clear margin (a fifth longer than any other).
 */
export function choiceGiveAways(turns: { choices?: { text: string; quality: string }[] }[]): { turns: number; longest: number; clearMargin: number } {
  let n = 0;
  let longest = 0;
  let clear = 0;
  for (const t of turns) {
    const choices = t.choices ?? [];
    if (choices.length < 2) continue;
    n++;
    const best = Math.max(...choices.filter((c) => c.quality === 'best').map((c) => plainText(c.text).length));
    const others = Math.max(...choices.filter((c) => c.quality !== 'best').map((c) => plainText(c.text).length), 0);
    if (best > others) longest++;
    if (best > 1.2 * others) clear++;
  }
  return { turns: n, longest, clearMargin: clear };
}

function check(q: SimulationSource, report: Report): void {
  const ids = new Map(q.turns.map((t, k) => [t.id, k]));
  const endIds = new Set(q.ends.map((e) => e.id));
  const articles = new Set((q.desktop?.knowledge ?? []).map((a) => a.id));
  reportRepeats(q.turns.map((t) => t.id), 'turn id', report, 'turns');
  reportRepeats(q.ends.map((e) => e.id), 'end id', report, 'ends');
  const target = (n: string, ...path: PropertyKey[]) => {
    if (n.startsWith('end:')) {
      if (!endIds.has(n.slice(4))) report(`"${n}" names no end of this simulation`, ...path);
    } else if (!ids.has(n)) report(`"${n}" names no turn of this simulation`, ...path);
  };
  q.openings.forEach((o, k) => {
    if (!ids.has(o)) report(`opening "${o}" names no turn`, 'openings', k);
  });
  const evidenced = new Set<string>();
  q.turns.forEach((t, k) => {
    for (const c of t.criteria) {
      evidenced.add(c);
      if (!q.criteria.includes(c)) report(`turn ${t.id} evidences ${c}, which the simulation's criteria do not list`, 'turns', k, 'criteria');
    }
    if (t.kind === 'write') {
      if (t.choices?.length) report(`turn ${t.id} is a write turn: it has a model note and a checklist, not choices`, 'turns', k, 'choices');
      if (!t.model) report(`write turn ${t.id} needs a model note`, 'turns', k);
      if (!t.checklist) report(`write turn ${t.id} needs a checklist (2 to 8 points) the learner compares their note with`, 'turns', k);
      if (!t.next) report(`write turn ${t.id} needs next`, 'turns', k);
      else target(t.next, 'turns', k, 'next');
      return;
    }
    if (t.model || t.checklist || t.next) report(`turn ${t.id}: model, checklist and next belong to write turns; a choice says where it leads`, 'turns', k);
    const choices = t.choices ?? [];
    if (choices.length < 2) report(`turn ${t.id} needs at least 2 choices`, 'turns', k, 'choices');
    if (!choices.some((c) => c.quality === 'best')) report(`turn ${t.id} has no best choice`, 'turns', k, 'choices');
    reportRepeats(choices.map((c) => c.text), `turn ${t.id} choice`, report, 'turns', k, 'choices');
    choices.forEach((c, j) => {
      target(c.next, 'turns', k, 'choices', j, 'next');
      if (t.kind === 'search') {
        if (!c.article) report(`a search turn's choice names the article it uses (article:)`, 'turns', k, 'choices', j);
        else if (!articles.has(c.article)) report(`article "${c.article}" is not in the desktop's knowledge base`, 'turns', k, 'choices', j, 'article');
      } else if (c.article) report(`only a search turn's choices name an article`, 'turns', k, 'choices', j, 'article');
    });
  });
  for (const c of q.criteria) if (!evidenced.has(c)) report(`criterion ${c} is listed but no turn evidences it`, 'criteria');

  // Every turn reachable from an opening; no way round in a circle (so every path ends).
  const edges = (id: string): string[] => {
    const t = q.turns[ids.get(id) ?? -1];
    if (!t) return [];
    return (t.kind === 'write' ? [t.next ?? ''] : (t.choices ?? []).map((c) => c.next)).filter((n) => n && !n.startsWith('end:'));
  };
  const reached = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  let cycle: string | null = null;
  const visit = (id: string, from: string[]) => {
    if (!ids.has(id)) return;
    reached.add(id);
    const s = state.get(id);
    if (s === 'open') {
      cycle ??= [...from.slice(from.indexOf(id)), id].join(' → ');
      return;
    }
    if (s === 'done') return;
    state.set(id, 'open');
    for (const n of edges(id)) visit(n, [...from, id]);
    state.set(id, 'done');
  };
  for (const o of q.openings) visit(o, []);
  if (cycle) report(`a path goes round in a circle and might never end: ${cycle}`, 'turns');
  q.turns.forEach((t, k) => {
    if (!reached.has(t.id)) report(`turn ${t.id} cannot be reached from any opening`, 'turns', k, 'id');
  });

  // Choices of like length: the best must not stand out by its length.
  const g = choiceGiveAways(q.turns);
  if (g.turns > 0 && g.longest > Math.floor(LONGEST_BEST_LIMIT * g.turns))
    report(`the best choice is the longest in ${g.longest} of ${g.turns} turns: write the other choices with the same length and care (at most ${Math.floor(LONGEST_BEST_LIMIT * g.turns)})`, 'turns');
  if (g.turns > 0 && g.clearMargin > Math.floor(CLEAR_MARGIN_LIMIT * g.turns))
    report(`the best choice is clearly longer than the others in ${g.clearMargin} of ${g.turns} turns (at most ${Math.floor(CLEAR_MARGIN_LIMIT * g.turns)})`, 'turns');
}

export const simulationContent: ContentKind<typeof schema, SimulationQuestion> = {
  schema,
  check,
  render: (q, render, base) => ({
    ...base,
    type: 'simulation',
    channel: q.channel,
    customer: q.customer,
    feedbackAt: q.feedback ?? 'turn',
    mood: q.mood ?? 3,
    desktop: {
      record: (q.desktop?.record ?? []).map((f) => ({ label: f.label, value: f.value })),
      history: (q.desktop?.history ?? []).map((h) => ({ when: h.when, channel: h.channel, note: render.inline(h.note) })),
      knowledge: (q.desktop?.knowledge ?? []).map((a) => ({ id: a.id, title: a.title, body: render.block(a.body) })),
      outcomes: q.desktop?.outcomes ?? [],
      labels: q.desktop?.labels ?? {},
    },
    openings: q.openings,
    turns: q.turns.map((t) => ({
      id: t.id,
      kind: t.kind,
      ...(t.customer ? { customer: render.inline(t.customer) } : {}),
      ...(t.event ? { event: render.inline(t.event) } : {}),
      task: render.inline(t.task),
      criteria: t.criteria,
      reveal: t.reveal ?? [],
      choices: (t.choices ?? []).map((c) => ({
        text: render.inline(c.text),
        quality: c.quality,
        feedback: render.inline(c.feedback),
        ...(c.reply ? { reply: render.inline(c.reply) } : {}),
        mood: c.mood ?? (c.quality === 'best' ? 1 : c.quality === 'poor' ? -1 : 0),
        next: c.next,
        ...(c.article ? { article: c.article } : {}),
      })),
      ...(t.kind === 'write' ? { write: { model: render.block(t.model ?? ''), checklist: (t.checklist ?? []).map((c) => render.inline(c)), next: t.next ?? '' } } : {}),
    })),
    ends: q.ends.map((e) => ({ id: e.id, outcome: e.outcome, text: render.inline(e.text) })),
  }),
};
