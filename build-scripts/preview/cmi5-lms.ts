import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  Cmi5Refusal,
  applyDocumentResult,
  applyStatements,
  checkDocumentRequest,
  checkSessionAccess,
  checkStatements,
  newSession,
  type Cmi5RegistrationAu,
  type Cmi5Session,
} from './cmi5-au-rules.js';
import { XapiDocumentStore, isDocumentResource } from './xapi-documents.js';

/** A request passed on to the real LRS, and its answer. */
export type LrsForward = (method: string, resource: string, headers: Record<string, string>, body: Buffer | undefined) => Promise<{ status: number; headers: Record<string, string>; body: Buffer }>;

type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** What the LMS decides per launch (as CATAPULT's launch-url API takes them), each optional. */
export interface Cmi5LaunchOptions {
  launchMode?: LaunchMode;
  masteryScore?: number;
  moveOn?: Cmi5RegistrationAu['moveOn'];
}

/** The request headers an LMS passes on to its LRS. */
const FORWARDED_HEADERS = ['content-type', 'x-experience-api-version', 'if-match', 'if-none-match'];

/**
 * A small cmi5 LMS in memory, standing in for ADL's CATAPULT player (the reference LMS side of
 * cmi5) where it cannot run: the preview and the fast end-to-end tests. Like CATAPULT it creates
 * a registration and a session per launch, abandons a registration's open session when it is
 * launched again, launches in Review once the AU is satisfied, leaves LMS.LaunchData in the State
 * API, hands out a one-time auth token from the fetch URL, and serves the State and Agent Profile
 * resources the statements-only LRS lacks. Every AU request with its token is judged by
 * CATAPULT's AU rules (cmi5-au-rules.ts), refused with the same 403 body and requirement id
 * CATAPULT gives, and otherwise passed to the real LRS. Unlike CATAPULT it sends no statements of
 * its own (launched, abandoned, satisfied).
 */
export class Cmi5Lms {
  private readonly sessions = new Map<string, Cmi5Session & { token: string }>();
  private readonly tokens = new Map<string, string>();
  private readonly registrations = new Map<string, Cmi5RegistrationAu>();
  /** The State, Agent Profile and Activity Profile documents (LMS.LaunchData among them). */
  readonly documents = new XapiDocumentStore();
  /** The one learner this LMS launches packages for. */
  readonly learner = { objectType: 'Agent' as const, name: 'Test Learner', account: { homePage: 'https://lms.example.org', name: 'learner-1' } };

  constructor(
    private readonly baseUrl: () => string,
    private readonly options: Cmi5LaunchOptions = {},
  ) {}

  private registrationAu(registration: string, auId: string, moveOn: Cmi5RegistrationAu['moveOn']): Cmi5RegistrationAu {
    const key = JSON.stringify([registration, auId]);
    let au = this.registrations.get(key);
    if (!au) {
      au = { moveOn, attempted: false, completed: false, passed: false, satisfied: moveOn === 'NotApplicable' };
      this.registrations.set(key, au);
    }
    return au;
  }

  /** Starts a session for a package's AU; returns the launch URL's query string. */
  launch(auId: string, returnUrl: string, registration: string = randomUUID(), overrides: Cmi5LaunchOptions = {}): { query: string; registration: string; session: string } {
    const moveOn = overrides.moveOn ?? this.options.moveOn ?? 'CompletedAndPassed';
    const au = this.registrationAu(registration, auId, moveOn);
    // A new launch abandons the registration's session still open, as CATAPULT does.
    for (const s of this.sessions.values()) if (s.registration === registration && s.auId === auId && !s.terminated && !s.abandoned) s.abandoned = true;
    const id = randomUUID();
    const token = Buffer.from(`cmi5:${randomUUID()}`).toString('base64');
    const launchMode = overrides.launchMode ?? this.options.launchMode ?? (au.satisfied ? 'Review' : 'Normal');
    const masteryScore = overrides.masteryScore ?? this.options.masteryScore;
    const contextTemplate = {
      contextActivities: { grouping: [{ objectType: 'Activity', id: auId }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': id },
    };
    this.sessions.set(id, { ...newSession({ id, registration, actor: this.learner, auId, contextTemplate, launchMode, masteryScore }), token });
    this.tokens.set(`Basic ${token}`, id);
    const launchData = {
      contextTemplate,
      launchMode,
      moveOn,
      returnURL: returnUrl,
      ...(masteryScore !== undefined ? { masteryScore } : {}),
    };
    this.documents.put({ resource: 'activities/state', activityId: auId, agent: this.learner, registration, id: 'LMS.LaunchData' }, JSON.stringify(launchData));
    const params = new URLSearchParams({
      endpoint: `${this.baseUrl()}/lrs/`,
      fetch: `${this.baseUrl()}/cmi5/fetch/${id}`,
      actor: JSON.stringify(this.learner),
      registration,
      activityId: auId,
    });
    return { query: params.toString(), registration, session: id };
  }

  /** POST /cmi5/fetch/<session>: the token, once. */
  fetch(sessionId: string, res: ServerResponse): void {
    const session = this.sessions.get(sessionId);
    res.setHeader('content-type', 'application/json');
    res.writeHead(200);
    if (!session || session.tokenFetched) {
      res.end(JSON.stringify({ 'error-code': '1', 'error-text': 'This fetch URL has already been used or is unknown.' }));
      return;
    }
    session.tokenFetched = true;
    res.end(JSON.stringify({ 'auth-token': session.token }));
  }

  /** Whether an Authorization header is a cmi5 session's (so the request is an AU's, and judged). */
  isAuRequest(authorization: string | undefined): boolean {
    if (!authorization?.startsWith('Basic ')) return false;
    if (this.tokens.has(authorization)) return true;
    // Basic credentials of the form this LMS issues, but of no session it knows.
    return Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8').startsWith('cmi5:');
  }

  /**
   * Answers an AU's request to the LRS, as CATAPULT's LRS proxy does: the session must be open,
   * each request and statement must keep the AU rules (else 403 or 400 with the requirement id),
   * documents are served here, everything else goes to the real LRS through `forward`; the
   * session changes only once the LRS has accepted what it was sent.
   */
  async auRequest(req: IncomingMessage, res: ServerResponse, url: URL, resource: string, forward: LrsForward): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const h of FORWARDED_HEADERS) if (req.headers[h] !== undefined) headers[h] = String(req.headers[h]);
    const sessionId = this.tokens.get(req.headers.authorization ?? '');
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    try {
      if (!session) throw new Cmi5Refusal(401, 'Bad username or password');
      checkSessionAccess(session);
      if (resource === 'statements' && (method === 'POST' || method === 'PUT')) {
        const au = this.registrationAu(session.registration, session.auId, 'CompletedAndPassed');
        const verdict = checkStatements(parseJson(body), session, au);
        const answer = await forward(method, `statements${url.search}`, headers, body);
        if (answer.status === 200 || answer.status === 204) applyStatements(verdict, session, au);
        return relay(res, answer);
      }
      if (isDocumentResource(resource) || resource === 'agents') {
        const contentType = req.headers['content-type'];
        const payload = resource === 'agents/profile' && (method === 'PUT' || method === 'POST') && contentType?.startsWith('application/json') ? parseJson(body) : undefined;
        const verdict = checkDocumentRequest(resource, method, url.searchParams, contentType, payload, session);
        if (!isDocumentResource(resource)) return relay(res, await forward(method, `${resource}${url.search}`, headers, method === 'GET' ? undefined : body));
        await this.documents.handle(req, res, url, resource, { body, impliedIfMatch: true });
        applyDocumentResult(verdict, res.statusCode, session);
        return;
      }
      return relay(res, await forward(method, `${resource}${url.search}`, headers, method === 'GET' || method === 'HEAD' ? undefined : body));
    } catch (e) {
      if (!(e instanceof Cmi5Refusal)) throw e;
      res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(e.body()));
    }
  }

  /** A saved state document, for tests. */
  stateDocument(auId: string, registration: string, stateId: string): string | undefined {
    return this.documents.get({ resource: 'activities/state', activityId: auId, agent: this.learner, registration, id: stateId })?.body.toString('utf8');
  }

  /** A session as the LMS keeps it, for tests. */
  session(id: string): Readonly<Cmi5Session> | undefined {
    return this.sessions.get(id);
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Cmi5Refusal(400, 'Invalid request payload JSON format');
  }
}

function relay(res: ServerResponse, answer: { status: number; headers: Record<string, string>; body: Buffer }): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}
