import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { displayOrder, pathScore, walk, type DesktopPanel, type SimulationPath, type SimulationQuestion, type SimulationTurn } from '../../tracking/learner-model/question-kinds/index.js';
import { plainText } from '../../tracking/plain-text.js';
import { AnswerEvent } from '../ccl-question/answer-event.js';
import { choiceListStyles } from '../choice-list.styles.js';
import { formControlStyles } from '../form-controls.styles.js';
import { desktopStrings } from './desktop-strings.js';
import { theme } from '../theme.js';
import { keepNote, readNote } from '../note-store.js';
import { SimulationTurnEvent } from './ccl-agent-desktop-events.js';
import { desktopStyles } from './ccl-agent-desktop.styles.js';

const s = desktopStrings;
const PANELS: DesktopPanel[] = ['record', 'history', 'knowledge', 'case'];

/**
 * A practice contact on a simulated agent desktop: the conversation (a phone call's transcript or
 * a webchat) beside the customer record, contact history, knowledge base and case form. At each
 * turn the learner says or does something; the customer's reply and mood follow from it, and the
 * conversation branches. Feedback comes after each turn or in the debrief, as the author chose.
 * Every choice is reported at once (simulation-turn), so a learner who leaves comes back to the
 * same turn and cannot choose again; the last one ends the contact and answers.
 *
 * Keyboard: radio choices with the arrow keys, the desktop's tabs with the arrow keys, Home and End.
 * The conversation is a log region: screen readers hear each new line.
 *
 * @fires simulation-turn - SimulationTurnEvent with the path so far, after each choice.
 * @fires answer - AnswerEvent with the whole path and the notes written, when the contact ends.
 */
export class CclAgentDesktop extends LitElement {
  static override styles = [theme, formControlStyles, choiceListStyles, desktopStyles];
  static override properties = {
    question: { attribute: false },
    seed: {},
    answered: { attribute: false },
    draft: { attribute: false },
    noteKey: {},
    path: { state: true },
    pending: { state: true },
    feedbackFor: { state: true },
    tab: { state: true },
    query: { state: true },
    article: { state: true },
    note: { state: true },
    outcome: { state: true },
    error: { state: true },
    practice: { state: true },
  };

  /** The contact. */
  declare question: SimulationQuestion;
  /** Makes the order of choices and the opening stable for this attempt. */
  declare seed: string;
  /** The finished path (locked: the debrief), or null. */
  declare answered: number[] | null;
  /** The path so far when the learner left part way, or null. */
  declare draft: number[] | null;
  /** Where this browser keeps the notes of this attempt (so a note survives leaving, and shows in the debrief). */
  declare noteKey: string;
  declare path: number[];
  declare pending: number | null;
  /** The step (index into the path) whose feedback is on screen, waiting for Continue; -1 for none. */
  declare feedbackFor: number;
  declare tab: DesktopPanel;
  declare query: string;
  declare article: string;
  declare note: string;
  declare outcome: string;
  declare error: string;
  /** A practice run after the debrief: nothing is reported. */
  declare practice: boolean;
  private lastMood = 0;
  private moodLine = '';

  constructor() {
    super();
    this.seed = '';
    this.answered = null;
    this.draft = null;
    this.noteKey = '';
    this.path = [];
    this.pending = null;
    this.feedbackFor = -1;
    this.tab = 'record';
    this.query = '';
    this.article = '';
    this.note = '';
    this.outcome = '';
    this.error = '';
    this.practice = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question') || changed.has('seed') || changed.has('draft') || changed.has('answered')) {
      if (!this.question) return;
      // The parent keeping (draft) or locking (answered) the path just made here changes nothing on screen.
      const given = this.answered ?? this.draft;
      if (given && sameList(given, this.path) && !changed.has('question') && !changed.has('seed')) return;
      const opening = Math.abs(hash(this.seed)) % this.question.openings.length;
      this.path = this.answered ?? this.draft ?? [opening];
      this.pending = null;
      this.feedbackFor = -1;
      this.error = '';
      this.note = this.walked.current?.kind === 'write' ? this.readNote(this.walked.current.id) : '';
      const p = walk(this.question, this.path);
      this.lastMood = p?.mood ?? this.question.mood;
      this.moodLine = '';
      const revealed = this.revealed(p);
      if (!revealed.includes(this.tab)) this.tab = revealed[0] ?? 'record';
    }
  }

  private get walked(): SimulationPath {
    return walk(this.question, this.path) ?? walk(this.question, [0])!;
  }

  /** Panels the contact has brought into view so far (the desktop starts with none). */
  private revealed(p: SimulationPath | null = this.walked): DesktopPanel[] {
    const shown = new Set<DesktopPanel>();
    for (const t of [...(p?.steps.map((x) => x.turn) ?? []), ...(p?.current ? [p.current] : [])]) for (const r of t.reveal) shown.add(r);
    return PANELS.filter((x) => shown.has(x) && this.hasContent(x));
  }

  private hasContent(panel: DesktopPanel): boolean {
    const d = this.question.desktop;
    if (panel === 'record') return d.record.length > 0;
    if (panel === 'history') return true;
    if (panel === 'knowledge') return d.knowledge.length > 0;
    return true;
  }

  /** The order the turn's choices are shown in: the best choice's place moves from turn to turn (see displayOrder). */
  private order(turn: SimulationTurn): number[] {
    return displayOrder(this.question, turn, this.walked.steps.length, this.seed);
  }

  /** Notes are kept in this browser per attempt and turn (note-store.ts); a practice run's only on the page. */
  private readNote(turn: string): string {
    const kept = this.noteKey && !this.practice ? readNote(this.noteKey, turn) : null;
    return kept ?? this.practiceNotes[turn] ?? '';
  }

  private keepNote(turn: string, text: string): void {
    this.note = text;
    this.practiceNotes = { ...this.practiceNotes, [turn]: text };
    if (this.noteKey && !this.practice) keepNote(this.noteKey, turn, text);
  }

  /** Notes written on this path, by write turn. */
  private get notes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const step of this.walked.steps) if (step.turn.kind === 'write') out[step.turn.id] = this.readNote(step.turn.id);
    return out;
  }

  /** Notes of a practice run, or where storage is blocked: on this page only. */
  private practiceNotes: Record<string, string> = {};

  private async choose(turn: SimulationTurn): Promise<void> {
    let choice = 0;
    if (turn.kind === 'write') {
      if (!this.note.trim()) {
        this.error = s.noteNeeded;
        return;
      }
      this.keepNote(turn.id, `${this.outcome ? `[${this.outcome}] ` : ''}${this.note.trim().replace(/^\[[^\]]*\] /, '')}`);
    } else {
      if (this.pending === null) {
        this.error = s.choose;
        return;
      }
      choice = this.pending;
    }
    this.error = '';
    this.pending = null;
    this.path = [...this.path, choice];
    const p = this.walked;
    this.note = p.current?.kind === 'write' ? this.readNote(p.current.id) : '';
    if (p.mood !== this.lastMood) this.moodLine = s.moodChanged(this.question.customer, s.moods[p.mood - 1]!);
    this.lastMood = p.mood;
    const showFeedback = this.question.feedbackAt === 'turn' && turn.kind !== 'write';
    this.feedbackFor = showFeedback ? this.path.length - 2 : -1;
    if (!this.practice) this.dispatchEvent(p.end ? new AnswerEvent([...this.path], this.notes) : new SimulationTurnEvent([...this.path]));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(showFeedback ? '.turn-feedback' : p.end ? '.debrief h2' : '.your-turn')?.focus();
  }

  private async continueAfterFeedback(): Promise<void> {
    this.feedbackFor = -1;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.walked.end ? '.debrief h2' : '.your-turn')?.focus();
  }

  private async practiseAgain(): Promise<void> {
    this.practice = true;
    const next = ((this.path[0] ?? 0) + 1) % this.question.openings.length;
    this.answered = null;
    this.draft = null;
    this.path = [next];
    this.note = '';
    this.practiceNotes = {};
    this.feedbackFor = -1;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.your-turn')?.focus();
  }

  override render() {
    const q = this.question;
    if (!q) return nothing;
    const p = this.walked;
    const locked = this.answered !== null && !this.practice;
    const ended = p.end !== null && this.feedbackFor < 0;
    return html`${this.practice ? html`<p class="practice" role="status">${s.practising}</p>` : nothing}
      <div class="desktop">
        <section class="conversation" aria-labelledby="conversation-title">
          <h2 id="conversation-title">${q.desktop.labels.conversation ?? s.conversationTitle(q.channel, q.customer)}</h2>
          ${this.renderMood(p.mood)}
          <div class="log" role="log" aria-live="polite" aria-label=${s.conversationLabel}>
            <ol>
              ${this.renderLog(p)}
            </ol>
          </div>
          ${this.feedbackFor >= 0 ? this.renderTurnFeedback(p) : ended ? nothing : this.renderTurn(p.current!)}
        </section>
        ${this.renderPanels(p)}
      </div>
      ${ended ? this.renderDebrief(p, locked) : nothing}`;
  }

  /** What the learner writes, as the author names it ("Case note" unless the contact says otherwise). */
  private get noteLabel(): string {
    return this.question.desktop.labels.note ?? s.noteLabel;
  }

  private renderMood(mood: number) {
    const label = s.moods[mood - 1]!;
    return html`<p class="mood">
      <span>${this.question.desktop.labels.mood ?? s.moodLabel}: <strong>${label}</strong></span>
      <span class="meter" aria-hidden="true">${[1, 2, 3, 4, 5].map((n) => html`<span class=${n <= mood ? 'on' : ''}></span>`)}</span>
    </p>`;
  }

  private renderLog(p: SimulationPath): TemplateResult[] {
    const q = this.question;
    const line = (who: string, body: string, cls: string) => html`<li class=${cls}><span class="who">${who}</span> ${unsafeHTML(body)}</li>`;
    const out: TemplateResult[] = [];
    const opening = (t: SimulationTurn) => {
      if (t.event) out.push(html`<li class="event">${unsafeHTML(t.event)}</li>`);
      if (t.customer) out.push(line(q.customer, t.customer, 'customer'));
    };
    p.steps.forEach((step, k) => {
      opening(step.turn);
      if (step.chosen) out.push(line(s.you, step.chosen.text, 'you'));
      else out.push(html`<li class="event">${this.noteLabel}: ${this.notes[step.turn.id] ?? ''}</li>`);
      if (step.chosen?.reply) out.push(line(q.customer, step.chosen.reply, 'customer reply'));
      if (k === p.steps.length - 1 && this.moodLine) out.push(html`<li class="event mood-change">${this.moodLine}</li>`);
    });
    if (p.current) opening(p.current);
    if (p.end && this.feedbackFor < 0) out.push(html`<li class="event end">${unsafeHTML(p.end.text)}</li>`);
    return out;
  }

  private renderTurn(turn: SimulationTurn): TemplateResult {
    const name = `sim-${this.question.id}-${turn.id}`;
    if (turn.kind === 'write') return this.renderWrite(turn);
    return html`<div class="your-turn" tabindex="-1" data-turn=${turn.id}>
      <fieldset>
        <legend><span class="kind">${s.kindLabels[turn.kind]}</span> ${unsafeHTML(turn.task)}</legend>
        <ul class="choices">
          ${this.order(turn).map((i) => {
            const c = turn.choices[i]!;
            return html`<li>
              <label>
                <input type="radio" name=${name} data-index=${i} .checked=${this.pending === i} @change=${() => (this.pending = i)} />
                <span>${unsafeHTML(c.text)}</span>
              </label>
            </li>`;
          })}
        </ul>
      </fieldset>
      <p class="error" role="alert">${this.error}</p>
      <div class="actions"><button class="primary" type="button" @click=${() => this.choose(turn)}>${s.kinds[turn.kind]}</button></div>
    </div>`;
  }

  private renderWrite(turn: SimulationTurn): TemplateResult {
    const id = `note-${this.question.id}-${turn.id}`;
    return html`<div class="your-turn" tabindex="-1" data-turn=${turn.id}>
      <p class="task"><span class="kind">${s.writeNote(this.noteLabel)}</span> ${unsafeHTML(turn.task)}</p>
      ${this.question.desktop.outcomes.length
        ? html`<label for="${id}-outcome">${s.outcomeLabel}</label>
            <select id="${id}-outcome" @change=${(e: Event) => (this.outcome = (e.target as HTMLSelectElement).value)}>
              <option value="">${s.outcomePlaceholder}</option>
              ${this.question.desktop.outcomes.map((o) => html`<option value=${o} ?selected=${this.outcome === o}>${o}</option>`)}
            </select>`
        : nothing}
      <label for=${id}>${this.noteLabel}</label>
      <p class="hint" id="${id}-hint">${this.question.desktop.labels.noteHint ?? s.noteHint}</p>
      <textarea id=${id} rows="6" maxlength="2000" aria-describedby="${id}-hint" .value=${this.note} @input=${(e: Event) => this.keepNote(turn.id, (e.target as HTMLTextAreaElement).value)}></textarea>
      <p class="error" role="alert">${this.error}</p>
      <div class="actions"><button class="primary" type="button" @click=${() => this.choose(turn)}>${s.saveNote(this.noteLabel)}</button></div>
    </div>`;
  }

  private renderTurnFeedback(p: SimulationPath): TemplateResult {
    const step = p.steps[this.feedbackFor]!;
    const c = step.chosen!;
    return html`<div class="turn-feedback quality-${c.quality}" tabindex="-1" role="group" aria-labelledby="turn-feedback-title">
      <p id="turn-feedback-title"><strong>${s.quality[c.quality]}</strong></p>
      <p>${unsafeHTML(c.feedback)}</p>
      <div class="actions"><button class="primary" type="button" @click=${this.continueAfterFeedback}>${s.continue}</button></div>
    </div>`;
  }

  private renderPanels(p: SimulationPath): TemplateResult {
    const panels = this.revealed(p);
    if (panels.length === 0) return html`<section class="panels" aria-label=${s.desktopLabel}><p class="hint">${s.noPanels}</p></section>`;
    const tab = panels.includes(this.tab) ? this.tab : panels[0]!;
    return html`<section class="panels" aria-label=${s.desktopLabel}>
      <div role="tablist" aria-label=${s.desktopLabel} @keydown=${(e: KeyboardEvent) => this.tabKeys(e, panels)}>
        ${panels.map(
          (x) => html`<button
            role="tab"
            type="button"
            id="tab-${x}"
            aria-selected=${String(x === tab)}
            aria-controls="panel-${x}"
            tabindex=${x === tab ? '0' : '-1'}
            @click=${() => (this.tab = x)}
          >
            ${this.question.desktop.labels[x] ?? s.panels[x]}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0">${this.renderPanel(tab)}</div>
    </section>`;
  }

  private async tabKeys(e: KeyboardEvent, panels: DesktopPanel[]): Promise<void> {
    const at = panels.indexOf(this.tab);
    const to = e.key === 'ArrowRight' ? (at + 1) % panels.length : e.key === 'ArrowLeft' ? (at - 1 + panels.length) % panels.length : e.key === 'Home' ? 0 : e.key === 'End' ? panels.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    this.tab = panels[to]!;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
  }

  private renderPanel(panel: DesktopPanel): TemplateResult {
    const d = this.question.desktop;
    if (panel === 'record')
      return html`<dl class="record">
        ${d.record.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}
      </dl>`;
    if (panel === 'history')
      return d.history.length
        ? html`<ol class="history">
            ${d.history.map((h) => html`<li><strong>${h.when}, ${h.channel}:</strong> ${unsafeHTML(h.note)}</li>`)}
          </ol>`
        : html`<p>${s.noHistory}</p>`;
    if (panel === 'knowledge') return this.renderKnowledge();
    return html`<dl class="record">
      <div><dt>${s.outcomeLabel}</dt><dd>${this.outcome || '—'}</dd></div>
      ${Object.values(this.notes).map((n) => html`<div><dt>${this.noteLabel}</dt><dd class="note">${n}</dd></div>`)}
    </dl>`;
  }

  private renderKnowledge(): TemplateResult {
    const kb = this.question.desktop.knowledge;
    const open = kb.find((a) => a.id === this.article);
    if (open)
      return html`<article class="kb-article" aria-labelledby="kb-title">
        <h3 id="kb-title" tabindex="-1">${open.title}</h3>
        ${unsafeHTML(open.body)}
        <button class="secondary" type="button" @click=${() => this.openArticle('')}>${s.closeArticle}</button>
      </article>`;
    const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    const found = kb.filter((a) => words.every((w) => `${a.title} ${plainText(a.body)}`.toLowerCase().includes(w)));
    const id = `kb-search-${this.question.id}`;
    return html`<label for=${id}>${s.searchLabel}</label>
      <input id=${id} type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p class="hint" role="status">${s.searchResults(found.length)}</p>
      <ul class="kb-results">
        ${found.map((a) => html`<li><button class="link" type="button" aria-label=${s.openArticle(a.title)} @click=${() => this.openArticle(a.id)}>${a.title}</button></li>`)}
      </ul>`;
  }

  private async openArticle(id: string): Promise<void> {
    const from = this.article;
    this.article = id;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>('#kb-title')?.focus();
    else this.renderRoot.querySelector<HTMLElement>(`.kb-results button[aria-label="${s.openArticle(this.question.desktop.knowledge.find((a) => a.id === from)?.title ?? '')}"]`)?.focus();
  }

  private renderDebrief(p: SimulationPath, locked: boolean): TemplateResult {
    const judged = p.steps.filter((x) => x.chosen);
    const count = (quality: string) => judged.filter((x) => x.chosen!.quality === quality).length;
    return html`<section class="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title" tabindex="-1">${s.debrief}</h2>
      <p>${s.debriefIntro(count('best'), count('acceptable'), count('poor'))} (${Math.round(pathScore(p) * 100)}%)</p>
      <ol class="path">
        ${p.steps.map(
          (step, k) => html`<li>
            <p class="turn-title"><strong>${s.turnOf(k + 1)}</strong>: ${unsafeHTML(step.turn.customer ?? step.turn.event ?? step.turn.task)}</p>
            ${step.chosen
              ? html`<p class="quality-${step.chosen.quality}"><strong>${s.quality[step.chosen.quality]}:</strong> ${unsafeHTML(step.chosen.text)}</p>
                  <p>${unsafeHTML(step.chosen.feedback)}</p>`
              : this.renderNoteDebrief(step.turn)}
            <p class="criteria">${s.evidences}: ${step.turn.criteria.join(', ')}</p>
          </li>`,
        )}
      </ol>
      ${locked || this.practice ? html`<button class="secondary" type="button" @click=${this.practiseAgain}>${s.practiseAgain}</button>` : nothing}
    </section>`;
  }

  private renderNoteDebrief(turn: SimulationTurn): TemplateResult {
    const w = turn.write!;
    const name = `check-${this.question.id}-${turn.id}`;
    return html`<p><strong>${s.yourNote}:</strong> ${this.notes[turn.id] ?? ''}</p>
      <div class="model"><p><strong>${s.modelNote}:</strong></p>${unsafeHTML(w.model)}</div>
      <fieldset>
        <legend>${s.checklist}</legend>
        <ul class="choices">
          ${w.checklist.map((c, i) => html`<li><label><input type="checkbox" name=${name} data-index=${i} /><span>${unsafeHTML(c)}</span></label></li>`)}
        </ul>
      </fieldset>`;
  }
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A small stable hash of text, to pick the opening an attempt starts with. */
function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

customElements.define('ccl-agent-desktop', CclAgentDesktop);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-agent-desktop': CclAgentDesktop;
  }
}
