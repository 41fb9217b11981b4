/** The tutor goes back from a cell's evidence to the grid. */
export class BackToGridEvent extends Event {
  static readonly type = 'back-to-grid';
  constructor() {
    super(BackToGridEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'back-to-grid': BackToGridEvent;
  }
}
