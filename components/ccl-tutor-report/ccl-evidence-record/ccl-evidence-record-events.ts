/** The tutor closes the evidence record. */
export class CloseRecordEvent extends Event {
  static readonly type = 'close-record';
  constructor() {
    super(CloseRecordEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'close-record': CloseRecordEvent;
  }
}
