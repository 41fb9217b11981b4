import type { TemplateResult } from 'lit';
import type { QuestionBase } from '../../../tracking/learner-model/question-kinds/kind.js';

/** What a kind's view is given to draw its inputs. */
export interface InputsContext<Q, D> {
  question: Q;
  /** A name unique to this question, for input names and ids. */
  name: string;
  /** What makes this attempt's orders stable (for a view that draws its own element). */
  seed: string;
  /** A partial answer saved when the learner left part way (a simulation's path so far), or null. */
  resume: unknown;
  /** Where this browser may keep free text of this attempt's answer (a simulation's notes). */
  noteKey: string;
  /** True once the answer is checked: inputs show it and cannot change. */
  locked: boolean;
  /** The answer being made, or (locked) the answer given. */
  draft: D;
  setDraft(draft: D): void;
  /** Display order of n items (options, targets), stable for this attempt. */
  order(n: number): number[];
  /** Checks the answer (Enter in a text box, say). */
  check(): void;
  /** Says something to screen readers (a step moved, say). */
  announce(text: string): void;
  /** The element's shadow root, once it has rendered, for moving focus. */
  afterRender(): Promise<ParentNode>;
}

/**
 * How one question kind looks and is answered: the Lit side of a kind. `form` kinds are drawn in
 * the question's fieldset with a Check answer button; `own` kinds (a simulation) draw everything
 * themselves and fire the answer event when done.
 */
export interface QuestionView<Q extends QuestionBase, R, D> {
  readonly layout: 'form' | 'own';
  /** The draft the learner starts from. */
  initialDraft(q: Q, order: (n: number) => number[]): D;
  /** The draft showing a given answer (when locked). */
  draftOf(q: Q, r: R): D;
  /** The response the draft makes, or null while it is incomplete. */
  response(q: Q, draft: D): R | null;
  inputs(ctx: InputsContext<Q, D>): TemplateResult;
  /** What the feedback says beyond right or wrong: why, and the right answer. */
  feedback(q: Q, r: R, right: boolean): TemplateResult;
}
