/** The tutor chose a cell: show its evidence. */
export class ShowEvidenceEvent extends Event {
  static readonly type = 'show-evidence';
  constructor(
    readonly learner: string,
    readonly code: string,
  ) {
    super(ShowEvidenceEvent.type, { bubbles: true, composed: true });
  }
}

/** The tutor asks for a learner's printable evidence record. */
export class OpenRecordEvent extends Event {
  static readonly type = 'open-record';
  constructor(readonly learner: string) {
    super(OpenRecordEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'show-evidence': ShowEvidenceEvent;
    'open-record': OpenRecordEvent;
  }
}
