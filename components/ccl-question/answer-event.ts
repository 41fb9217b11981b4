import type { Response } from '../../tracking/learner-model/question-kinds/index.js';

/** Fired when the learner checks an answer (or makes the last choice of a simulation). */
export class AnswerEvent extends Event {
  static readonly type = 'answer';
  constructor(
    readonly response: Response,
    /** Free text the learner wrote on the way (a simulation's case notes, by turn): evidence, not marked. */
    readonly notes: Record<string, string> = {},
  ) {
    super(AnswerEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    answer: AnswerEvent;
  }
}
