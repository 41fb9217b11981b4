import type { LrsReadConnection } from '../../../tracking/report/lrs-connection.js';

/** The tutor sent the form: load this unit's evidence from this LRS. */
export class LoadReportEvent extends Event {
  static readonly type = 'load-report';
  constructor(
    /** The connection as the report will use it (endpoint and Authorization value). */
    readonly connection: LrsReadConnection,
    readonly unitId: string,
    /** The form's fields as typed, so the page can offer them again (never saved). */
    readonly fields: { endpoint: string; key: string },
  ) {
    super(LoadReportEvent.type, { bubbles: true, composed: true });
  }
}

/** The tutor sent the form for all units: load every unit's evidence from this LRS, for the centre overview. */
export class LoadOverviewEvent extends Event {
  static readonly type = 'load-overview';
  constructor(
    /** The connection as the report will use it (endpoint and Authorization value). */
    readonly connection: LrsReadConnection,
    /** The form's fields as typed, so the page can offer them again (never saved). */
    readonly fields: { endpoint: string; key: string },
  ) {
    super(LoadOverviewEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'load-report': LoadReportEvent;
    'load-overview': LoadOverviewEvent;
  }
}
