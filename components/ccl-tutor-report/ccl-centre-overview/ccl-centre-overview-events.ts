/** The tutor chose a unit in the centre overview: open its grid, for one learner or for all. */
export class OpenUnitEvent extends Event {
  static readonly type = 'open-unit';
  constructor(
    readonly unitId: string,
    /** The learner's key when a cell was chosen; null when the unit's heading was. */
    readonly learner: string | null,
  ) {
    super(OpenUnitEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'open-unit': OpenUnitEvent;
  }
}
