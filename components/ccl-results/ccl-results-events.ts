import type { AttemptScope } from '../../tracking/learner-model/learner-state.js';

/** The learner asks to take the knowledge check again: the criteria not yet met, or all of them. */
export class RetakeEvent extends Event {
  static readonly type = 'retake';
  constructor(readonly scope: AttemptScope) {
    super(RetakeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    retake: RetakeEvent;
  }
}
