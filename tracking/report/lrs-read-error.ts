/** Why reading statements from an LRS stopped, each with a plain message for the tutor. */
export type LrsReadErrorKind =
  | 'unauthorised'
  | 'forbidden'
  | 'not-found'
  | 'refused'
  | 'busy'
  | 'server'
  | 'unreachable'
  | 'timeout'
  | 'not-xapi'
  | 'looping'
  | 'too-many-pages'
  | 'other-server'
  | 'cancelled';

export interface LrsReadErrorDetails {
  status?: number;
  /** Origin of the LRS endpoint. */
  origin?: string;
  timeoutMs?: number;
  pages?: number;
  statements?: number;
}

export class LrsReadError extends Error {
  override name = 'LrsReadError';
  constructor(
    readonly kind: LrsReadErrorKind,
    readonly details: LrsReadErrorDetails = {},
  ) {
    super(lrsReadErrorMessage(kind, details));
  }
}

/** The tutor-facing message for each way a read can fail: what happened and what to do. */
export function lrsReadErrorMessage(kind: LrsReadErrorKind, d: LrsReadErrorDetails = {}): string {
  const status = d.status !== undefined ? ` (HTTP ${d.status})` : '';
  const where = d.origin ?? 'this address';
  switch (kind) {
    case 'unauthorised':
      return `The LRS did not accept this key${status}. Check the key and secret, and that the key belongs to the LRS at ${where}.`;
    case 'forbidden':
      return `This key is not allowed to read statements${status}. Ask your LRS administrator for a read-only key that may read statements.`;
    case 'not-found':
      return `There is no xAPI statements resource at this endpoint${status}. Check the endpoint: it is the address before "statements", often ending in /xapi/ or /data/xAPI/.`;
    case 'refused':
      return `The LRS refused the request${status}. Check the endpoint, or ask your LRS administrator.`;
    case 'busy':
      return `The LRS is busy${status}. Try again in a few minutes.`;
    case 'server':
      return `The LRS reported a problem of its own${status}. Try again later, or ask your LRS administrator.`;
    case 'unreachable':
      return `Could not reach the LRS at ${where}. Check the endpoint and your connection. If both are right, the LRS may not allow this page to read from it: its CORS settings must allow this page's address.`;
    case 'timeout':
      return `The LRS at ${where} did not answer within ${Math.round((d.timeoutMs ?? 0) / 1000)} seconds. Try again later, or check the endpoint.`;
    case 'not-xapi':
      return `The address answered, but not with xAPI statements. Check the endpoint: it is the LRS's xAPI address, often ending in /xapi/.`;
    case 'looping':
      return `The LRS kept sending the same page of statements, so loading stopped after ${d.pages ?? 0} pages. This is a fault in the LRS: please tell its administrator. Nothing is shown, because the report would be incomplete.`;
    case 'too-many-pages':
      return `Loading stopped after ${d.pages ?? 0} pages (${d.statements ?? 0} statements) because the LRS kept offering more. Nothing is shown, because the report would be incomplete. If the LRS really holds that many, ask your LRS administrator.`;
    case 'other-server':
      return `The LRS sent the next page's address on another server. It was not followed, so your key is not sent anywhere else.`;
    case 'cancelled':
      return 'Loading cancelled. Nothing was loaded.';
  }
}

/** The kind of error an HTTP status means. */
export function kindOfStatus(status: number): LrsReadErrorKind {
  if (status === 401) return 'unauthorised';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429 || status === 503) return 'busy';
  if (status >= 500) return 'server';
  return 'refused';
}
