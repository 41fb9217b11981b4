import { plainText } from '../../plain-text.js';
import { seededRandom, shuffle } from '../shuffle.js';
import { decoded, delimiters, isIndex, letter, type CriterionCredit, type QuestionBase, type QuestionKind, type ScormVersion } from './kind.js';

/** What the learner does in a turn: say a reply, check details against the record, search the knowledge base, act (hold, transfer …), write the case note. */
export type TurnKind = 'say' | 'check' | 'search' | 'act' | 'write';
export type Quality = 'best' | 'acceptable' | 'poor';
/** The desktop's panels, which a turn can bring into view. */
export type DesktopPanel = 'record' | 'history' | 'knowledge' | 'case';

/** Credit a choice of each quality earns. */
export const QUALITY_CREDIT: Record<Quality, number> = { best: 1, acceptable: 0.5, poor: 0 };

export interface SimulationChoice {
  /** What the learner says or does (HTML). */
  text: string;
  quality: Quality;
  /** Why it is good or not (HTML). */
  feedback: string;
  /** What the customer says or does next because of it (HTML). */
  reply?: string;
  /** How the customer's mood moves: -2 … +2. */
  mood: number;
  /** The next turn's id, or `end:<id>`. */
  next: string;
  /** For a search turn: the knowledge-base article this choice uses. */
  article?: string;
}

export interface SimulationTurn {
  id: string;
  kind: TurnKind;
  /** What the customer says at this turn (HTML), if anything. */
  customer?: string;
  /** What happens (HTML): "The line goes quiet", "A chat message arrives". */
  event?: string;
  /** The adviser's task, shown above the choices (HTML): "Check what she gave you against the record". */
  task: string;
  /** The criteria this turn evidences. */
  criteria: string[];
  /** Panels of the desktop that come into view at this turn. */
  reveal: DesktopPanel[];
  /** For say, check, search and act turns. Write turns have none. */
  choices: SimulationChoice[];
  /** Write turns: the model note (HTML), the checklist the learner compares theirs with, and the next turn. */
  write?: { model: string; checklist: string[]; next: string };
}

export interface SimulationEnd {
  id: string;
  /** How the contact ends (HTML). */
  text: string;
  outcome: 'good' | 'mixed' | 'poor';
}

export interface SimulationQuestion extends QuestionBase {
  type: 'simulation';
  /** How the contact happens: a call, a webchat, or (for a manager) a meeting or an email thread. */
  channel: 'phone' | 'chat' | 'meeting' | 'email';
  /** The customer's name as the desktop shows it. */
  customer: string;
  /** When feedback shows: after each turn, or all at the end in the debrief. */
  feedbackAt: 'turn' | 'debrief';
  /** The customer's mood at the start: 1 angry, 2 frustrated, 3 calm, 4 reassured, 5 pleased. */
  mood: number;
  desktop: {
    record: { label: string; value: string }[];
    history: { when: string; channel: string; note: string }[];
    knowledge: { id: string; title: string; body: string }[];
    /** The case form's outcome codes. */
    outcomes: string[];
    /**
     * Words the author puts in place of the desktop's own: a panel's name where it holds something
     * else (a KPI dashboard, a complaint log …), the conversation's title ("Team chat with Kofi"),
     * whose mood is shown ("Director's mood"), and what the learner writes ("Ticket note") with its hint.
     */
    labels: Partial<Record<DesktopPanel | 'conversation' | 'mood' | 'note' | 'noteHint', string>>;
  };
  /** Ids of the turns a contact can open with; each attempt takes the next. */
  openings: string[];
  turns: SimulationTurn[];
  ends: SimulationEnd[];
}

/** A walk through a simulation: the turns taken with the choice made at each, and the end reached. */
export interface SimulationPath {
  steps: { turn: SimulationTurn; choice: number; chosen?: SimulationChoice }[];
  /** The turn waiting for the learner's choice (null once the contact has ended). */
  current: SimulationTurn | null;
  end: SimulationEnd | null;
  /** The customer's mood now, 1 … 5. */
  mood: number;
}

const turnOf = (q: SimulationQuestion, id: string) => q.turns.find((t) => t.id === id);
const nextOf = (turn: SimulationTurn, choice: number) => (turn.kind === 'write' ? turn.write!.next : turn.choices[choice]!.next);

/**
 * Follows a response (or a part of one) through the graph: [opening, choice at each turn …].
 * A write turn's choice is 0. Returns null when the response does not fit the graph.
 */
export function walk(q: SimulationQuestion, r: readonly number[]): SimulationPath | null {
  const opening = q.openings[r[0] ?? -1];
  if (opening === undefined) return null;
  let turn = turnOf(q, opening);
  let mood = q.mood;
  const steps: SimulationPath['steps'] = [];
  for (let k = 1; k < r.length; k++) {
    if (!turn) return null;
    const c = r[k]!;
    if (turn.kind === 'write' ? c !== 0 : !isIndex(c, turn.choices.length)) return null;
    const chosen = turn.kind === 'write' ? undefined : turn.choices[c];
    steps.push({ turn, choice: c, ...(chosen ? { chosen } : {}) });
    mood = Math.min(5, Math.max(1, mood + (chosen?.mood ?? 0)));
    const next = nextOf(turn, c);
    if (next.startsWith('end:')) {
      if (k !== r.length - 1) return null;
      const end = q.ends.find((e) => `end:${e.id}` === next);
      return end ? { steps, current: null, end, mood } : null;
    }
    turn = turnOf(q, next);
  }
  return turn ? { steps, current: turn, end: null, mood } : null;
}

/** The best path from an opening: the best choice at every turn. */
export function bestPath(q: SimulationQuestion, opening = 0): number[] {
  const r = [opening];
  for (let guard = 0; guard < q.turns.length + 1; guard++) {
    const p = walk(q, r)!;
    if (!p.current) return r;
    r.push(p.current.kind === 'write' ? 0 : p.current.choices.findIndex((c) => c.quality === 'best'));
  }
  return r;
}

/** Mean quality of the choices on a path (write turns are the learner's to judge), 0–1. */
export function pathScore(path: SimulationPath): number {
  const judged = path.steps.filter((s) => s.chosen);
  return judged.length ? judged.reduce((n, s) => n + QUALITY_CREDIT[s.chosen!.quality], 0) / judged.length : 0;
}

/**
 * The order a turn's choices are shown in (indices), for the k-th turn of a walk and an attempt's
 * seed: the best choice's place moves on by one from turn to turn (from a place the seed picks),
 * and the others are shuffled into the rest. So no place on screen (first, last …) is right more
 * than its share of the time, and no rule about places passes a contact.
 */
export function displayOrder(q: SimulationQuestion, turn: SimulationTurn, k: number, seed: string): number[] {
  const n = turn.choices.length;
  const random = seededRandom(`${seed}:${q.id}:${turn.id}`);
  const best = turn.choices.findIndex((c) => c.quality === 'best');
  const offset = Math.floor(seededRandom(`${seed}:${q.id}`)() * n);
  const others = shuffle(
    turn.choices.map((_, i) => i).filter((i) => i !== best),
    random,
  );
  const order = [...others];
  order.splice((k + offset) % n, 0, best);
  return order;
}

/** A choice's text, safe inside a performance pattern (no [,] or [.] delimiters). */
const patternText = (html: string) => plainText(html).replace(/\[[.,]\]/g, ' ').trim();

/**
 * A turn's id as a step name. SCORM 2004 LMSs hold step names to a short identifier: Moodle takes
 * only letters, digits, "_" and ".", and refuses the whole value for a hyphen, so one becomes "_".
 */
const stepName = (id: string, v: ScormVersion) => (v === '2004' ? id.replace(/[^\w.]/g, '_') : id);

const pattern = (q: SimulationQuestion, r: readonly number[], v: ScormVersion) => {
  const { list, pair } = delimiters(v);
  const path = walk(q, r)!;
  return path.steps.map((s) => `${stepName(s.turn.id, v)}${pair}${s.turn.kind === 'write' ? 'note' : v === 'xapi' ? patternText(s.chosen!.text) : letter(s.choice)}`).join(list);
};

/** What the customer said or what happened at a turn, else the adviser's task: the turn in words. */
export const turnInWords = (t: SimulationTurn): string => plainText(t.customer ?? t.event ?? t.task);

export const simulation: QuestionKind<SimulationQuestion, number[]> = {
  interactionType: 'performance',
  isResponse: (q, r): r is number[] => Array.isArray(r) && r.every((x) => Number.isInteger(x)) && walk(q, r as number[])?.end != null,
  isCorrect: (q, r) => walk(q, r)!.steps.every((s) => !s.chosen || s.chosen.quality !== 'poor'),
  credit: (q, r): CriterionCredit[] => {
    const steps = walk(q, r)!.steps.filter((s) => s.chosen);
    return q.criteria.map((code) => {
      // A criterion practised only in the case note, which is not marked, is not judged here.
      if (!q.turns.some((t) => t.kind !== 'write' && t.criteria.includes(code))) return { code, earned: 0, possible: 0 };
      const on = steps.filter((s) => s.turn.criteria.includes(code));
      // A criterion whose turns the path never reached earns nothing from this contact.
      return { code, earned: on.reduce((n, s) => n + QUALITY_CREDIT[s.chosen!.quality], 0) / Math.max(1, on.length), possible: 1 };
    });
  },
  correctPatterns: (q, v) => [pattern(q, bestPath(q), v)],
  formatResponse: (q, r, v) => pattern(q, r, v),
  components: (q) => ({ steps: q.turns.map((t) => ({ id: t.id, text: turnInWords(t) })) }),
  answerInWords: (q, r) =>
    walk(q, r)!
      .steps.map((s) => `${turnInWords(s.turn)} → ${s.chosen ? patternText(s.chosen.text) : 'note'}`)
      .join(' | '),
  correctAnswerInWords: (q) => simulation.answerInWords(q, bestPath(q)),
  optionsInWords: () => [],
  longestResponse: (q) => {
    // The longest walk from any opening: the longest way on from each turn, worked out once per
    // turn (the graph has no cycles, so this ends; walking every path would take exponential time).
    const longer = (a: number[], b: number[]) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a);
    const onFrom = new Map<string, number[]>();
    const from = (id: string): number[] => {
      if (id.startsWith('end:')) return [];
      const known = onFrom.get(id);
      if (known) return known;
      const turn = turnOf(q, id)!;
      const ways = turn.kind === 'write' ? [0] : turn.choices.map((_, c) => c);
      const longest = ways.map((c) => [c, ...from(nextOf(turn, c))]).reduce(longer);
      onFrom.set(id, longest);
      return longest;
    };
    return q.openings.map((id, i) => [i, ...from(id)]).reduce(longer);
  },
  encode: (r) => r,
  decode: (q, raw) => decoded(simulation, q, raw),
  exampleResponse: (q, right) => {
    if (right) return bestPath(q);
    // The first poor choice there is, then the best from there on.
    const r = [0];
    let poorTaken = false;
    for (let guard = 0; guard < q.turns.length + 1; guard++) {
      const p = walk(q, r)!;
      if (!p.current) break;
      const poor = p.current.choices.findIndex((c) => c.quality === 'poor');
      r.push(p.current.kind === 'write' ? 0 : !poorTaken && poor >= 0 ? ((poorTaken = true), poor) : p.current.choices.findIndex((c) => c.quality === 'best'));
    }
    return r;
  },
};
