import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CourseData } from '../../tracking/learner-model/course-data.js';
import {
  answerQuestion,
  criterionStatus,
  isFinished,
  scoreAttempt,
  startAttempt,
  unitResult,
  type LearnerState,
} from '../../tracking/learner-model/learner-state.js';
import { isCorrect, type Response } from '../../tracking/learner-model/question-kinds/index.js';
import { restoreState } from '../../tracking/learner-model/restore-state.js';
import { encodeState } from '../../tracking/learner-model/state-codec.js';
import { objectiveId, type LaunchData, type RefusedRecord, type SaveStatus, type Tracker } from '../../tracking/tracker.js';
import type { AnswerEvent } from '../ccl-question/ccl-question.js';
import '../ccl-question/ccl-question.js';
import '../ccl-results/ccl-results.js';
import '../ccl-progress/ccl-progress.js';
import '../ccl-evidence/ccl-evidence.js';
import { strings } from '../strings.js';
import { theme } from '../theme.js';
import { playerStyles } from './ccl-player.styles.js';

/**
 * The unit player: navigation by outcome, lessons, a knowledge check per outcome, results,
 * progress and glossary. Reports through a Tracker and resumes from the state it saved.
 */
export class CclPlayer extends LitElement {
  static override styles = [theme, playerStyles];
  static override properties = {
    course: { attribute: false },
    tracker: { attribute: false },
    state: { state: true },
    saveStatus: { state: true },
    mode: { state: true },
    navOpen: { state: true },
    position: { state: true },
    glossaryTerm: { state: true },
    feedbackOutcome: { state: true },
    notice: { state: true },
    returnUrl: { state: true },
    refused: { state: true },
  };

  declare course: CourseData;
  declare tracker: Tracker;
  declare state: LearnerState;
  declare saveStatus: SaveStatus;
  declare mode: LaunchData['mode'];
  declare navOpen: boolean;
  /** Question position shown in the knowledge check in progress. */
  declare position: number;
  declare glossaryTerm: string;
  /** The learner's name as the LMS gives it (for their evidence record). */
  private learnerName = '';
  /** A message about the launch (bad LRS settings, say), shown to the learner. */
  declare notice: string;
  /** Where Exit takes the learner (cmi5 returnURL); empty when the LMS gives none. */
  declare returnUrl: string;
  /** Records the LRS refused while it took others (kept in this browser, listed in My evidence). */
  declare refused: RefusedRecord[];
  /** Outcome whose just-answered question is on screen with its feedback (-1: none). */
  declare feedbackOutcome: number;
  private questionShownAt = 0;
  private focusHeading = false;

  constructor() {
    super();
    this.saveStatus = 'saved';
    this.mode = 'normal';
    this.navOpen = false;
    this.position = 0;
    this.glossaryTerm = '';
    this.feedbackOutcome = -1;
    this.notice = '';
    this.returnUrl = '';
    this.refused = [];
  }

  /** Starts the session: reads saved state from the tracker and reports the starting position. */
  async begin(): Promise<void> {
    // Set through the CSSOM: a strict Content-Security-Policy refuses inline style elements.
    this.style.setProperty('--ccl-accent', this.course.settings.themeColour);
    this.tracker.onStatus((s) => (this.saveStatus = s));
    const launch = await this.tracker.start();
    this.mode = launch.mode;
    if (launch.notice) this.notice = strings.launchNotice[launch.notice.kind](launch.notice.detail);
    this.learnerName = launch.learnerName ?? '';
    this.returnUrl = launch.returnUrl ?? '';
    if (launch.passMark !== undefined) this.course = { ...this.course, settings: { ...this.course.settings, passMark: launch.passMark } };
    const restored = restoreState(this.course, launch);
    this.state = restored.state;
    if (restored.fresh || restored.merged) for (const o of this.course.outcomes.keys()) this.reportCriteria(o);
    this.reportResult();
    this.enterLocation(this.state.location);
    this.persist();
    this.tracker.onRefusedChange(() => (this.refused = this.tracker.refused()));
    this.refused = this.tracker.refused();
    await this.updateComplete;
    performance.mark('ccl-first-view');
    addEventListener('pagehide', () => this.tracker.leave());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void this.tracker.flush();
    });
  }

  /** Pages in reading order, for Previous / Next. */
  private get sequence(): string[] {
    return [
      'home',
      'assessment',
      ...this.course.outcomes.flatMap((o) => [...o.lessons.map((l) => `lesson:${l.id}`), `check:${o.number}`]),
      'progress',
    ];
  }

  private outcomeIndex(n: number): number {
    return this.course.outcomes.findIndex((o) => o.number === n);
  }

  navigate(location: string): void {
    this.enterLocation(location);
    this.navOpen = false;
    this.focusHeading = true;
    this.persist();
  }

  private enterLocation(location: string): void {
    const valid =
      ['home', 'assessment', 'progress', 'evidence'].includes(location) ||
      this.course.outcomes.some((o) => location === `check:${o.number}` || location === `results:${o.number}` || o.lessons.some((l) => location === `lesson:${l.id}`));
    const loc = valid ? location : 'home';
    let visited = this.state.visited;
    if (loc.startsWith('lesson:')) {
      const id = loc.slice(7);
      if (!visited.includes(id)) visited = [...visited, id];
      const lesson = this.course.outcomes.flatMap((o) => o.lessons).find((l) => l.id === id);
      if (lesson) this.tracker.recordLesson(lesson);
    }
    this.state = { ...this.state, location: loc, visited };
    this.feedbackOutcome = -1;
    if (loc.startsWith('check:')) {
      const i = this.outcomeIndex(Number(loc.slice(6)));
      const a = this.state.outcomes[i]?.attempt;
      this.position = a && !isFinished(a) ? a.answers.findIndex((x) => x === null) : 0;
      this.questionShownAt = Date.now();
    }
  }

  /** Saves the state in the LMS (or browser) and sends it. */
  private persist(): void {
    this.tracker.saveState(this.state.location, encodeState(this.course, this.state));
    void this.tracker.flush();
  }

  /** Reports every criterion of an outcome; after a check, with that check's score per criterion. */
  private reportCriteria(outcomeIndex: number, afterCheck = false): void {
    const o = this.course.outcomes[outcomeIndex]!;
    const p = this.state.outcomes[outcomeIndex]!;
    const scores = afterCheck && p.attempt ? scoreAttempt(o, p.attempt).byCriterion : [];
    o.criteria.forEach((c, j) => {
      const best = p.criterionBest[j] ?? null;
      const attemptScore = scores[j];
      this.tracker.setCriterion({
        id: objectiveId(c.code),
        code: c.code,
        outcome: o.number,
        description: c.text,
        score: best,
        status: criterionStatus(best, this.course.settings.passMark),
        ...(attemptScore !== null && attemptScore !== undefined ? { attemptScore } : {}),
      });
    });
  }

  private reportResult(): void {
    this.tracker.setResult(unitResult(this.course, this.state), this.course.settings.passMark);
  }

  private startCheck(outcomeIndex: number): void {
    this.state = startAttempt(this.course, this.state, outcomeIndex, Math.random);
    this.position = 0;
    this.feedbackOutcome = -1;
    this.questionShownAt = Date.now();
    this.focusHeading = true;
    this.persist();
  }

  private onAnswer(outcomeIndex: number, e: AnswerEvent): void {
    const before = this.state.outcomes[outcomeIndex]!;
    const attempt = before.attempt!;
    const qi = attempt.questions[this.position]!;
    const question = this.course.outcomes[outcomeIndex]!.questions[qi]!;
    const response: Response = e.response;
    this.state = answerQuestion(this.course, this.state, outcomeIndex, this.position, response);
    this.feedbackOutcome = outcomeIndex;
    this.tracker.recordAnswer({
      question,
      outcome: this.course.outcomes[outcomeIndex]!.number,
      response,
      correct: isCorrect(question, response),
      latencyMs: Date.now() - this.questionShownAt,
      timestamp: new Date(),
      objectiveIds: question.criteria.map(objectiveId),
    });
    if (isFinished(this.state.outcomes[outcomeIndex]!.attempt)) {
      this.reportCriteria(outcomeIndex, true);
      this.reportResult();
    }
    this.persist();
  }

  private nextQuestion(outcomeIndex: number): void {
    const a = this.state.outcomes[outcomeIndex]!.attempt!;
    if (isFinished(a)) {
      this.navigate(`results:${this.course.outcomes[outcomeIndex]!.number}`);
      return;
    }
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

  private onContentClick(e: Event): void {
    const link = (e.composedPath()[0] as HTMLElement | undefined)?.closest?.('a.glossary-term');
    if (!link) return;
    e.preventDefault();
    this.openGlossary(link.getAttribute('href')?.replace('#glossary-', '') ?? '');
  }

  private async openGlossary(slug = ''): Promise<void> {
    this.glossaryTerm = slug;
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
      <a class="skip" href="#main" @click=${(e: Event) => this.skip(e)}>${strings.skipToContent}</a>
      <header>
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
      </header>
      <p class="save ${this.saveStatus === 'saved' || this.saveStatus === 'saving' ? 'quiet' : ''}" role="status">
        ${this.mode === 'normal' ? strings.save[this.saveStatus] : strings.reviewMode}
      </p>
      ${this.notice ? html`<p class="save" role="alert">${this.notice}</p>` : nothing}
      ${this.refusedNotice()}
      <div class="layout">
        ${this.renderNav()}
        <main id="main" tabindex="-1" @click=${this.onContentClick}>${this.renderView()}</main>
      </div>
      ${this.renderGlossary()}
    `;
  }

  private refusedNotice() {
    const n = this.refused.filter((r) => !r.probablyRecorded).length;
    return n ? html`<p class="save" role="status">${strings.recordsRefused(n)}</p>` : nothing;
  }

  /** Ends the session and returns the learner to the LMS. */
  private async exit(): Promise<void> {
    await this.tracker.finish();
    location.assign(this.returnUrl);
  }

  private skip(e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
  }

  private link(location: string, label: string | TemplateResult, extra: TemplateResult | typeof nothing = nothing) {
    const current = this.state.location === location || (location.startsWith('check:') && this.state.location === location.replace('check:', 'results:'));
    return html`<li>
      <a
        href="#${location}"
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
    const pass = this.course.settings.passMark;
    const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 48rem)').matches;
    return html`<nav id="contents" aria-label=${strings.contents} ?hidden=${narrow && !this.navOpen}>
      <ul>
        ${this.link('home', strings.overview)} ${this.link('assessment', strings.assessment)} ${this.link('progress', strings.progress)}
        ${this.link('evidence', strings.evidence)}
      </ul>
      ${this.course.outcomes.map((o, i) => {
        const p = this.state.outcomes[i]!;
        const met = p.criterionBest.filter((b) => criterionStatus(b, pass) === 'met').length;
        return html`<p class="outcome" id="nav-outcome-${o.number}">${this.course.unit.terms.outcome} ${o.number}: ${o.title}</p>
          <ul aria-labelledby="nav-outcome-${o.number}">
            ${o.lessons.map((l) =>
              this.link(`lesson:${l.id}`, l.title, this.state.visited.includes(l.id) ? html`<span class="visually-hidden">${strings.opened}</span>` : nothing),
            )}
            ${this.link(
              `check:${o.number}`,
              strings.knowledgeCheck,
              html`<span class="tag">${strings.outcomeProgress(met, o.criteria.length)}</span>`,
            )}
          </ul>`;
      })}
    </nav>`;
  }

  private renderView(): TemplateResult {
    const loc = this.state.location;
    if (loc === 'assessment')
      return this.page(strings.assessment, html`<div class="content">${unsafeHTML(this.course.assessment.html)}</div>`);
    if (loc === 'progress')
      return this.page(strings.progress, html`<p>${strings.honesty}</p><ccl-progress .course=${this.course} .state=${this.state}></ccl-progress>`);
    if (loc === 'evidence')
      return this.page(strings.evidence, html`<ccl-evidence .course=${this.course} .state=${this.state} .learnerName=${this.learnerName} .refused=${this.refused}></ccl-evidence>`, '', false);
    if (loc.startsWith('lesson:')) {
      const id = loc.slice(7);
      const o = this.course.outcomes.find((x) => x.lessons.some((l) => l.id === id))!;
      const lesson = o.lessons.find((l) => l.id === id)!;
      return this.page(lesson.title, html`<div class="content">${unsafeHTML(lesson.html)}</div>`, `${this.course.unit.terms.outcome} ${o.number}: ${o.title}`);
    }
    if (loc.startsWith('check:')) return this.renderCheck(this.outcomeIndex(Number(loc.slice(6))));
    if (loc.startsWith('results:')) {
      const i = this.outcomeIndex(Number(loc.slice(8)));
      const o = this.course.outcomes[i]!;
      return this.page(
        `${strings.results}: ${strings.knowledgeCheck}`,
        html`<ccl-results
          .outcome=${o}
          .progress=${this.state.outcomes[i]!}
          .passMark=${this.course.settings.passMark}
          .criterionLabel=${this.course.unit.terms.criterion}
          @retake=${() => {
            this.state = { ...this.state, location: `check:${o.number}` };
            this.startCheck(i);
          }}
        ></ccl-results>`,
        `${this.course.unit.terms.outcome} ${o.number}: ${o.title}`,
        false,
      );
    }
    return this.renderHome();
  }

  private page(title: string, body: TemplateResult, eyebrow = '', pager = true): TemplateResult {
    const seq = this.sequence;
    const at = seq.indexOf(this.state.location);
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
      const n = o.criteria.length * this.course.settings.questionsPerCriterion;
      return this.page(
        strings.knowledgeCheck,
        html`<p>
            ${strings.checkIntro(n, o.criteria.length, strings.criteriaPlural(this.course.unit.terms.criterion), this.course.unit.terms.outcome)}
            ${strings.passMark(this.course.settings.passMark)}
          </p>
          <p>${strings.honesty}</p>
          ${p.best !== null ? html`<p>${strings.best(p.best)} · ${strings.attempts(p.attempts)}</p>` : nothing}
          <button class="primary" type="button" @click=${() => this.startCheck(i)}>${p.attempts > 0 ? strings.retake : strings.startCheck}</button>
          ${p.attempts > 0
            ? html` <button class="secondary" type="button" @click=${() => this.navigate(`results:${o.number}`)}>${strings.results}</button>`
            : nothing}`,
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
      <ccl-question .question=${q} seed=${`${p.attempts}:${pos}`} .answered=${answered} @answer=${(e: AnswerEvent) => this.onAnswer(i, e)}></ccl-question>
      ${answered !== null
        ? html`<div class="pager">
            <span></span>
            <button class="primary" type="button" @click=${() => this.nextQuestion(i)}>${last ? strings.seeResults : strings.nextQuestion}</button>
          </div>`
        : nothing}`;
  }

  private renderGlossary(): TemplateResult {
    return html`<dialog aria-labelledby="glossary-title" @close=${() => (this.glossaryTerm = '')}>
      <button class="secondary dialog-close" type="button" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>
        ${strings.close}
      </button>
      <h2 id="glossary-title" tabindex="-1">${strings.glossary}</h2>
      <dl>
        ${this.course.glossary.map(
          (g) => html`<dt id="glossary-${g.slug}" tabindex="-1" class=${this.glossaryTerm === g.slug ? 'highlight' : ''}>${g.term}</dt>
            <dd>${unsafeHTML(g.definition)}</dd>`,
        )}
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
