import type { Response } from '../../tracking/learner-model/question-kinds/index.js';

/** Fired when the learner checks an answer (or makes the last choice of a simulation). */
export class AnswerEvent extends Event {
  constructor(readonly response: Response) {
    super('answer', { bubbles: true, composed: true });
  }
}
