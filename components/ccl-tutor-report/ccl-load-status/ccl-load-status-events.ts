/** The tutor asks to stop loading. */
export class CancelLoadEvent extends Event {
  static readonly type = 'cancel-load';
  constructor() {
    super(CancelLoadEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cancel-load': CancelLoadEvent;
  }
}
