/** The learner asks to take the knowledge check again. */
export class RetakeEvent extends Event {
  static readonly type = 'retake';
  constructor() {
    super(RetakeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    retake: RetakeEvent;
  }
}
