import { escapeHtml, wordsOf, type BlockKind } from './block-kind.js';

/** How the conversation happens, as the caption names it. */
const CHANNELS = { phone: 'Phone call', chat: 'Webchat', email: 'Email', 'face-to-face': 'Face to face', video: 'Video call', meeting: 'Meeting' } as const;
type Channel = keyof typeof CHANNELS;

/** Which side of the conversation a speaker is on, from the word before the colon. */
const SIDES: Record<string, 'customer' | 'adviser'> = { customer: 'customer', caller: 'customer', client: 'customer', tenant: 'customer', adviser: 'adviser', agent: 'adviser', you: 'adviser' };

const NOTES = { 'went well': 'What went well', 'to change': 'What to change' } as const;

interface Turn {
  role: string;
  name?: string;
  side: 'customer' | 'adviser' | 'other';
  said: string;
  notes: { kind: keyof typeof NOTES; text: string }[];
}

const TURN = /^([A-Z][A-Za-z' -]{0,29}?)(?: \(([^()]{1,40})\))?:\s+(\S.*)$/;

/**
 * A worked conversation shown as turns: `Role (Name): words`, one turn a line (a line that starts
 * otherwise carries the turn on); `Note (went well): …` or `Note (to change): …` after a turn
 * says what the adviser did well or should change there.
 */
export const dialogue: BlockKind<{ channel: Channel; title: string; turns: Turn[] }> = {
  about: 'a worked conversation, turn by turn',
  parse(source, report) {
    const [channel, ...title] = source.args.split(/\s+/);
    if (!channel || !(channel in CHANNELS)) {
      report(`start with the channel: ":::dialogue ${Object.keys(CHANNELS).join(' | ')} Title"`);
      return undefined;
    }
    const turns: Turn[] = [];
    let ok = true;
    source.body.split('\n').forEach((l, k) => {
      if (!l.trim()) return;
      const m = TURN.exec(l.trim());
      if (m && m[1] === 'Note') {
        const kind = (m[2] ?? '').toLowerCase();
        const last = turns[turns.length - 1];
        if (!(kind in NOTES)) report('a note is "Note (went well): …" or "Note (to change): …"', k + 1);
        else if (!last) report('a note comes after the turn it is about', k + 1);
        else last.notes.push({ kind: kind as keyof typeof NOTES, text: m[3]! });
        ok &&= kind in NOTES && last !== undefined;
        return;
      }
      if (m) {
        turns.push({ role: m[1]!, ...(m[2] ? { name: m[2] } : {}), side: SIDES[m[1]!.toLowerCase()] ?? 'other', said: m[3]!, notes: [] });
        return;
      }
      const last = turns[turns.length - 1];
      if (!last) {
        report('each turn starts with who speaks, for example "Customer (Mrs Patel): …" or "Adviser: …"', k + 1);
        ok = false;
      } else if (last.notes.length) last.notes[last.notes.length - 1]!.text += ` ${l.trim()}`;
      else last.said += ` ${l.trim()}`;
    });
    if (turns.length < 2) report(`a dialogue needs at least two turns; this one has ${turns.length}`);
    return ok && turns.length >= 2 ? { channel: channel as Channel, title: title.join(' '), turns } : undefined;
  },
  render: ({ channel, title, turns }, { page }) => {
    const id = page.uniqueId('dialogue');
    const turn = (t: Turn) => {
      const who = t.name ? `${escapeHtml(t.name)} <span class="role">(${escapeHtml(t.role.toLowerCase())})</span>` : escapeHtml(t.role);
      const notes = t.notes.map((n) => `<p class="turn-note ${n.kind === 'went well' ? 'went-well' : 'to-change'}"><strong>${NOTES[n.kind]}:</strong> ${page.inline(n.text)}</p>`).join('');
      return `<li class="turn ${t.side}"><p class="speaker">${who}</p><p class="said">${page.inline(t.said)}</p>${notes}</li>`;
    };
    return `<figure class="block dialogue" data-channel="${channel}" aria-labelledby="${id}">
<figcaption id="${id}"><span class="block-label">${CHANNELS[channel]}</span>${title ? ` ${page.inline(title)}` : ''}</figcaption>
<ol class="turns">${turns.map(turn).join('\n')}</ol>
</figure>\n`;
  },
  words: ({ title, turns }) => wordsOf(title, ...turns.flatMap((t) => [t.role, t.said, ...t.notes.map((n) => n.text)])),
};
