import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';
import { attemptNumber, criteriaNotMet, criterionStatus, isFinished, questionsPerCriterion, type AttemptScope, type LearnerState } from '../../tracking/learner-model/learner-state.js';
import { formatLocation, sameLocation, type Location } from '../../tracking/learner-model/location.js';
import { PlayerSession } from '../../tracking/player-session.js';
import type { LaunchData, RefusedRecord, SaveStatus, Tracker } from '../../tracking/tracker.js';
import type { SimulationTurnEvent } from '../ccl-agent-desktop/ccl-agent-desktop-events.js';
import type { AnswerEvent } from '../ccl-question/ccl-question.js';
import type { RetakeEvent } from '../ccl-results/ccl-results-events.js';
import type { PrintLessonsEvent } from '../ccl-lesson/ccl-lesson-events.js';
import { noteKey } from '../note-store.js';
import { strings } from '../strings.js';
import { theme, tokens } from '../theme.js';
import { playerStyles } from './ccl-player.styles.js';

/**
 * The elements of the pages, loaded when a page needs one (the first view waits for its own,
 * so it appears whole) and all of them once the first view is up: the overview needs none.
 */
const lessonElement = () => import('../ccl-lesson/ccl-lesson.js');
const LAZY_VIEWS: Partial<Record<Location['page'], () => Promise<unknown>>> = {
  lesson: lessonElement,
  assessment: lessonElement,
  check: () => import('../ccl-question/ccl-question.js'),
  results: () => import('../ccl-results/ccl-results.js'),
  progress: () => import('../ccl-progress/ccl-progress.js'),
  evidence: () => import('../ccl-evidence/ccl-evidence.js'),
};

/**
 * The unit player: navigation by outcome, lessons, a knowledge check per outcome, results,
 * progress, My evidence and glossary. What reaches the LMS, and when, is the PlayerSession's
 * (tracking/player-session.ts); the element renders, moves focus and listens to the page.
 *
 * @cssprop --ccl-accent - The centre's theme colour (header, buttons, focus); set from the build's theme colour.
 */
export class CclPlayer extends LitElement {
  static override styles = [tokens, theme, playerStyles];
  static override properties = {
    course: { attribute: false },
    tracker: { attribute: false },
    state: { state: true },
    saveStatus: { state: true },
    mode: { state: true },
    navOpen: { state: true },
    position: { state: true },
    glossaryTerm: { state: true },
    glossaryOpened: { state: true },
    feedbackOutcome: { state: true },
    notice: { state: true },
    returnUrl: { state: true },
    refused: { state: true },
    printingOutcome: { state: true },
  };

  /** The unit, as the launch page carries it. Set before begin(). */
  declare course: CourseData;
  /** How progress is reported for this launch (see createTracker). Set before begin(). */
  declare tracker: Tracker;
  /** The learner state, as the session last changed it. */
  declare state: LearnerState;
  declare saveStatus: SaveStatus;
  declare mode: LaunchData['mode'];
  declare navOpen: boolean;
  /** Question position shown in the knowledge check in progress. */
  declare position: number;
  declare glossaryTerm: string;
  /** Whether the glossary has been opened this launch: its entries are laid out only from then on, not at launch. */
  declare glossaryOpened: boolean;
  /** A message about the launch (bad LRS settings, say), shown to the learner. */
  declare notice: string;
  /** Where Exit takes the learner (cmi5 returnURL); empty when the LMS gives none. */
  declare returnUrl: string;
  /** Records the LRS refused while it took others (kept in this browser, listed in My evidence). */
  declare refused: RefusedRecord[];
  /** Outcome whose just-answered question is on screen with its feedback (-1: none). */
  declare feedbackOutcome: number;
  /** Outcome whose lessons are laid out for printing, all of them (0: none). */
  declare printingOutcome: number;
  private session: PlayerSession | null = null;
  /** The learner's name as the LMS gives it (for their evidence record). */
  private learnerName = '';
  private questionShownAt = 0;
  private focusHeading = false;
  private readonly onPageHide = () => this.session?.leave();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.tracker.flush();
  };

  constructor() {
    super();
    this.saveStatus = 'saved';
    this.mode = 'normal';
    this.navOpen = false;
    this.position = 0;
    this.glossaryTerm = '';
    this.glossaryOpened = false;
    this.feedbackOutcome = -1;
    this.notice = '';
    this.returnUrl = '';
    this.refused = [];
    this.printingOutcome = 0;
  }

  private readonly afterPrint = () => (this.printingOutcome = 0);

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('afterprint', this.afterPrint);
    addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('afterprint', this.afterPrint);
    removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** Starts the session: restores the learner's place and shows it. */
  async begin(): Promise<void> {
    this.adoptThemeColour(this.course.settings.themeColour);
    this.tracker.onStatus((s) => (this.saveStatus = s));
    const session = new PlayerSession(this.course, this.tracker);
    this.session = session;
    const start = await session.begin();
    // The first view appears whole: its element is loaded before the first render.
    await LAZY_VIEWS[session.location.page]?.();
    session.onChange(() => (this.state = session.state));
    this.state = session.state;
    this.mode = start.mode;
    if (start.notice) this.notice = strings.launchNotice[start.notice.kind](start.notice.detail);
    this.learnerName = start.learnerName;
    this.returnUrl = start.returnUrl;
    this.showCheckPosition();
    this.tracker.onRefusedChange(() => (this.refused = this.tracker.refused()));
    this.refused = this.tracker.refused();
    await this.updateComplete;
    performance.mark('ccl-first-view');
    // What the LMS is told at launch goes once the learner can read; then the other pages' elements load.
    setTimeout(() => {
      session.settle();
      for (const load of Object.values(LAZY_VIEWS)) void load();
    }, 0);
  }

  /**
   * The build's theme colour as a :host rule, so a centre's own rule on the page still wins.
   * Through the CSSOM: a strict Content-Security-Policy refuses inline style elements.
   */
  private adoptThemeColour(colour: string): void {
    const root = this.renderRoot as ShadowRoot;
    if (!/^#[0-9a-f]{6}$/i.test(colour) || !('adoptedStyleSheets' in root)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host { --ccl-accent: ${colour}; }`);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  private get passMark(): number {
    return this.session?.passMark ?? this.course.settings.passMark;
  }

  /** Pages in reading order, for Previous / Next. */
  private get sequence(): Location[] {
    return [
      { page: 'home' },
      { page: 'assessment' },
      ...this.course.outcomes.flatMap((o): Location[] => [...o.lessons.map((l): Location => ({ page: 'lesson', lesson: l.id })), { page: 'check', outcome: o.number }]),
      { page: 'progress' },
    ];
  }

  private outcomeIndex(n: number): number {
    return this.course.outcomes.findIndex((o) => o.number === n);
  }

  /** Goes to a page, closes the contents on a narrow screen, and moves focus to its heading. */
  navigate(location: Location): void {
    this.session!.go(location);
    this.navOpen = false;
    this.focusHeading = true;
    this.feedbackOutcome = -1;
    this.showCheckPosition();
  }

  /** On a knowledge check, shows the answer whose feedback the learner was reading, else the first question not yet answered. */
  private showCheckPosition(): void {
    const loc = this.session!.location;
    if (loc.page !== 'check') return;
    const i = this.outcomeIndex(loc.outcome);
    const a = this.state.outcomes[i]?.attempt;
    if (a && loc.feedback !== undefined && a.answers[loc.feedback] != null) {
      this.position = loc.feedback;
      this.feedbackOutcome = i;
    } else this.position = a && !isFinished(a) ? a.answers.findIndex((x) => x === null) : 0;
    this.questionShownAt = Date.now();
  }

  private startCheck(outcomeIndex: number, scope: AttemptScope = 'not-met'): void {
    this.session!.startCheck(outcomeIndex, Math.random, scope);
    this.position = 0;
    this.feedbackOutcome = -1;
    this.questionShownAt = Date.now();
    this.focusHeading = true;
  }

  private onAnswer(outcomeIndex: number, e: AnswerEvent): void {
    this.session!.answer(outcomeIndex, this.position, e.response, Date.now() - this.questionShownAt, e.notes);
    this.feedbackOutcome = outcomeIndex;
  }

  private nextQuestion(outcomeIndex: number): void {
    const a = this.state.outcomes[outcomeIndex]!.attempt!;
    if (isFinished(a)) {
      this.navigate({ page: 'results', outcome: this.course.outcomes[outcomeIndex]!.number });
      return;
    }
    this.session!.go({ page: 'check', outcome: this.course.outcomes[outcomeIndex]!.number });
    this.position = a.answers.findIndex((x) => x === null);
    this.feedbackOutcome = -1;
    this.questionShownAt = Date.now();
    this.focusHeading = true;
  }

  override updated(): void {
    if (this.focusHeading) {
      this.focusHeading = false;
      const h1 = this.renderRoot.querySelector<HTMLElement>('main h1');
      h1?.focus();
      h1?.scrollIntoView?.({ block: 'start' });
    }
  }

  /** Prints the lesson on screen, or (for an outcome's number) every lesson of that outcome, one after another. */
  private async printLessons(outcome: number): Promise<void> {
    this.printingOutcome = outcome;
    await this.updateComplete;
    print();
  }

  private onContentClick(e: Event): void {
    const link = (e.composedPath()[0] as HTMLElement | undefined)?.closest?.('a.glossary-term');
    if (!link) return;
    e.preventDefault();
    this.openGlossary(link.getAttribute('href')?.replace('#glossary-', '') ?? '');
  }

  private async openGlossary(slug = ''): Promise<void> {
    this.glossaryTerm = slug;
    this.glossaryOpened = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const target = slug ? dialog.querySelector<HTMLElement>(`#glossary-${slug}`) : dialog.querySelector<HTMLElement>('h2');
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  override render() {
    if (!this.state) return nothing;
    const { course } = this;
    const s = course.settings;
    return html`
      <header>
        <button class="skip" type="button" @click=${(e: Event) => this.skip(e)}>${strings.skipToContent}</button>
        <div class="bar">
        ${s.logo ? html`<img src=${s.logo} alt=${s.centreName || ''} />` : nothing}
        <div class="titles">
          ${s.centreName ? html`<p class="centre">${s.centreName}</p>` : nothing}
          <p class="unit">${course.unit.title}</p>
        </div>
        <button type="button" @click=${() => this.openGlossary()}>${strings.glossary}</button>
        ${this.returnUrl ? html`<button type="button" @click=${this.exit}>${strings.exit}</button>` : nothing}
        <button type="button" class="contents-toggle" aria-expanded=${String(this.navOpen)} aria-controls="contents" @click=${() => (this.navOpen = !this.navOpen)}>
          ${this.navOpen ? strings.hideContents : strings.showContents}
        </button>
        </div>
        <p class="save ${this.saveStatus === 'saved' || this.saveStatus === 'saving' ? 'quiet' : ''}" role="status">
          ${this.mode === 'normal' ? strings.save[this.saveStatus] : strings.reviewMode}
        </p>
        ${this.notice ? html`<p class="save" role="alert">${this.notice}</p>` : nothing}
        ${this.refusedNotice()}
      </header>
      <div class="layout">
        ${this.renderNav()}
        <main id="main" tabindex="-1" class=${this.printingOutcome ? 'printing-outcome' : ''} @click=${this.onContentClick}>${this.renderView()}</main>
      </div>
      ${this.renderPrintedOutcome()}
      ${this.renderGlossary()}
    `;
  }

  private refusedNotice() {
    const n = this.refused.filter((r) => !r.probablyRecorded).length;
    return n ? html`<p class="save" role="status">${strings.recordsRefused(n)}</p>` : nothing;
  }

  /** Ends the session and returns the learner to the LMS. */
  private async exit(): Promise<void> {
    await this.session?.exit();
    location.assign(this.returnUrl);
  }

  private skip(e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
  }

  private link(location: Location, label: string | TemplateResult, extra: TemplateResult | typeof nothing = nothing) {
    const here = this.session!.location;
    const current = sameLocation(here, location) || (location.page === 'check' && here.page === 'results' && here.outcome === location.outcome);
    return html`<li>
      <a
        href="#${formatLocation(location)}"
        aria-current=${current ? 'page' : 'false'}
        @click=${(e: Event) => {
          e.preventDefault();
          this.navigate(location);
        }}
        >${label}${extra}</a
      >
    </li>`;
  }

  private renderNav() {
    const pass = this.passMark;
    // On a narrow screen the contents show only when opened (CSS), whatever width the page started at.
    return html`<nav id="contents" aria-label=${strings.contents} class=${this.navOpen ? 'open' : ''}>
      <ul>
        ${this.link({ page: 'home' }, strings.overview)} ${this.link({ page: 'assessment' }, strings.assessment)}
        ${this.link({ page: 'progress' }, strings.progress)} ${this.link({ page: 'evidence' }, strings.evidence)}
      </ul>
      ${this.course.outcomes.map((o, i) => {
        const p = this.state.outcomes[i]!;
        const met = p.criterionBest.filter((b) => criterionStatus(b, pass) === 'met').length;
        return html`<p class="outcome" id="nav-outcome-${o.number}">${this.course.unit.terms.outcome} ${o.number}: ${o.title}</p>
          <ul aria-labelledby="nav-outcome-${o.number}">
            ${o.lessons.map((l) =>
              this.link({ page: 'lesson', lesson: l.id }, l.title, this.state.visited.includes(l.id) ? html`<span class="visually-hidden">${strings.opened}</span>` : nothing),
            )}
            ${this.link(
              { page: 'check', outcome: o.number },
              strings.knowledgeCheck,
              html`<span class="tag">${strings.outcomeProgress(met, o.criteria.length)}</span>`,
            )}
          </ul>`;
      })}
    </nav>`;
  }

  private renderView(): TemplateResult {
    const loc = this.session!.location;
    void LAZY_VIEWS[loc.page]?.();
    switch (loc.page) {
      case 'assessment':
        return this.page(strings.assessment, html`<ccl-lesson .html=${this.course.assessment.html}></ccl-lesson>`);
      case 'progress':
        return this.page(
          strings.progress,
          html`<p>${strings.honesty}</p><ccl-progress .course=${this.course} .state=${this.state} .passMark=${this.passMark}></ccl-progress>`,
        );
      case 'evidence':
        return this.page(
          strings.evidence,
          html`<ccl-evidence .course=${this.course} .state=${this.state} .passMark=${this.passMark} .learnerName=${this.learnerName} .refused=${this.refused}></ccl-evidence>`,
          '',
          false,
        );
      case 'lesson': {
        const o = this.course.outcomes.find((x) => x.lessons.some((l) => l.id === loc.lesson))!;
        const lesson = o.lessons.find((l) => l.id === loc.lesson)!;
        const outcome = `${this.course.unit.terms.outcome} ${o.number}`;
        return this.page(
          lesson.title,
          html`<ccl-lesson
            .html=${lesson.html}
            lesson-id=${lesson.id}
            minutes=${lesson.minutes}
            outcome-label=${o.lessons.length > 1 ? outcome : ''}
            @print-lessons=${(e: PrintLessonsEvent) => this.printLessons(e.scope === 'outcome' ? o.number : 0)}
          ></ccl-lesson>`,
          `${outcome}: ${o.title}`,
        );
      }
      case 'check':
        return this.renderCheck(this.outcomeIndex(loc.outcome));
      case 'results':
        return this.renderResults(this.outcomeIndex(loc.outcome));
      case 'home':
        return this.renderHome();
    }
  }

  private renderResults(i: number): TemplateResult {
    {
      const o = this.course.outcomes[i]!;
      return this.page(
        `${strings.results}: ${strings.knowledgeCheck}`,
        html`<ccl-results
          .outcome=${o}
          .progress=${this.state.outcomes[i]!}
          .passMark=${this.passMark}
          .criterionLabel=${this.course.unit.terms.criterion}
          @retake=${(e: RetakeEvent) => this.startCheck(i, e.scope)}
        ></ccl-results>`,
        `${this.course.unit.terms.outcome} ${o.number}: ${o.title}`,
        false,
      );
    }
  }

  private page(title: string, body: TemplateResult, eyebrow = '', pager = true): TemplateResult {
    const seq = this.sequence;
    const here = this.session!.location;
    const at = seq.findIndex((l) => sameLocation(l, here));
    const prev = at > 0 ? seq[at - 1] : undefined;
    const next = at >= 0 && at < seq.length - 1 ? seq[at + 1] : undefined;
    return html`${eyebrow ? html`<p class="eyebrow">${eyebrow}</p>` : nothing}
      <h1 tabindex="-1">${title}</h1>
      ${body}
      ${pager
        ? html`<div class="pager">
            ${prev ? html`<button class="secondary" type="button" @click=${() => this.navigate(prev)}>${strings.previous}</button>` : html`<span></span>`}
            ${next ? html`<button class="primary" type="button" @click=${() => this.navigate(next)}>${strings.next}</button>` : nothing}
          </div>`
        : nothing}`;
  }

  private renderHome(): TemplateResult {
    const u = this.course.unit;
    return this.page(
      u.title,
      html`<p>${u.awardingBody} ${u.reference} · ${strings.unitFacts(u.level, u.credit, u.guidedLearningHours)}</p>
        <p>${u.purpose}</p>
        <p class="notice">${strings.honesty}</p>
        ${this.course.outcomes.map(
          (o) => html`<h2>${u.terms.outcome} ${o.number}: ${o.title}</h2>
            <ul>
              ${o.criteria.map(
                (c) => html`<li>
                  <strong>${c.code}</strong> ${c.text}
                  ${c.range ? html`<ul>${c.range.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
                </li>`,
              )}
            </ul>`,
        )}`,
    );
  }

  private renderCheck(i: number): TemplateResult {
    const o = this.course.outcomes[i]!;
    const p = this.state.outcomes[i]!;
    const a = p.attempt;
    const eyebrow = `${this.course.unit.terms.outcome} ${o.number}: ${o.title}`;
    if (!a || (isFinished(a) && this.feedbackOutcome !== i)) {
      const per = questionsPerCriterion(this.passMark, this.course.settings.questionsPerCriterion);
      const criteriaTerm = strings.criteriaPlural(this.course.unit.terms.criterion);
      const notMet = criteriaNotMet(p, this.passMark).length;
      return this.page(
        strings.knowledgeCheck,
        html`<p>${strings.checkIntro(per, o.criteria.length, criteriaTerm, this.course.unit.terms.outcome)}</p>
          <p>${strings.checkRule(this.passMark, per, this.course.unit.terms.outcome)}</p>
          <p>${strings.honesty}</p>
          ${p.attempts > 0 ? html`<p>${strings.checkedCriteria(o.criteria.length - notMet, o.criteria.length)} · ${strings.attempts(p.attempts)}</p>` : nothing}
          <div class="actions">
            ${p.attempts === 0
              ? html`<button class="primary" type="button" @click=${() => this.startCheck(i, 'all')}>${strings.startCheck}</button>`
              : html`${notMet > 0
                    ? html`<button class="primary" type="button" @click=${() => this.startCheck(i, 'not-met')}>${strings.retakeNotMet(notMet, criteriaTerm)}</button>`
                    : nothing}
                  <button class=${notMet > 0 ? 'secondary' : 'primary'} type="button" @click=${() => this.startCheck(i, 'all')}>${strings.retakeAll}</button>
                  <button class="secondary" type="button" @click=${() => this.navigate({ page: 'results', outcome: o.number })}>${strings.results}</button>`}
          </div>`,
        eyebrow,
      );
    }
    const pos = this.position;
    const qi = a.questions[pos]!;
    const q = o.questions[qi]!;
    const answered = a.answers[pos] ?? null;
    const last = a.answers.every((x) => x !== null);
    return html`<p class="eyebrow">${eyebrow}</p>
      <h1 tabindex="-1">${strings.knowledgeCheck}: ${strings.questionOf(pos + 1, a.questions.length)}</h1>
      <ccl-question
        .question=${q}
        seed=${`${attemptNumber(p)}:${pos}`}
        noteKey=${noteKey(this.course.unit.id, o.number, p, pos)}
        .answered=${answered}
        .resume=${a.draft?.position === pos ? a.draft.path : null}
        @answer=${(e: AnswerEvent) => this.onAnswer(i, e)}
        @simulation-turn=${(e: SimulationTurnEvent) => this.session!.saveDraft(i, pos, e.path)}
      ></ccl-question>
      ${answered !== null
        ? html`<div class="pager">
            <span></span>
            <button class="primary" type="button" @click=${() => this.nextQuestion(i)}>${last ? strings.seeResults : strings.nextQuestion}</button>
          </div>`
        : nothing}`;
  }

  /** Every lesson of the outcome being printed, shown only on paper. */
  private renderPrintedOutcome() {
    const o = this.course.outcomes.find((x) => x.number === this.printingOutcome);
    if (!o) return nothing;
    return html`<div class="printed-outcome">
      <p class="eyebrow">${this.course.unit.title}</p>
      <h1>${this.course.unit.terms.outcome} ${o.number}: ${o.title}</h1>
      ${o.lessons.map((l) => html`<section class="printed-lesson"><h1>${l.title}</h1><ccl-lesson .html=${l.html} lesson-id=${l.id}></ccl-lesson></section>`)}
    </div>`;
  }

  private renderGlossary(): TemplateResult {
    return html`<dialog aria-labelledby="glossary-title" @close=${() => (this.glossaryTerm = '')}>
      <button class="secondary dialog-close" type="button" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>
        ${strings.close}
      </button>
      <h2 id="glossary-title" tabindex="-1">${strings.glossary}</h2>
      <dl>
        ${this.glossaryOpened ? this.course.glossary.map(
          (g) => html`<dt id="glossary-${g.slug}" tabindex="-1" class=${this.glossaryTerm === g.slug ? 'highlight' : ''}>${g.term}</dt>
            <dd>${unsafeHTML(g.definition)}</dd>`,
        ) : nothing}
      </dl>
    </dialog>`;
  }
}

customElements.define('ccl-player', CclPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'ccl-player': CclPlayer;
  }
}
