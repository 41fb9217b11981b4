import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * The LMS side of a cmi5 launch, small and in memory: it creates a registration and session,
 * leaves LMS.LaunchData in the State API, hands out a one-time auth token from the fetch URL,
 * and serves the State API that the statements-only LRS lacks. Statements go to the real LRS.
 */
export class Cmi5Lms {
  private readonly tokens = new Map<string, { token: string; used: boolean }>();
  private readonly states = new Map<string, { body: string; type: string }>();
  /** The one learner this LMS launches packages for. */
  readonly learner = { objectType: 'Agent' as const, name: 'Test Learner', account: { homePage: 'https://lms.example.org', name: 'learner-1' } };

  constructor(
    private readonly baseUrl: () => string,
    private readonly options: { launchMode?: 'Normal' | 'Browse' | 'Review'; masteryScore?: number } = {},
  ) {}

  /** Starts a session for a package's AU; returns the launch URL's query string. */
  launch(auId: string, returnUrl: string, registration: string = randomUUID(), overrides: { launchMode?: 'Normal' | 'Browse' | 'Review'; masteryScore?: number } = {}): { query: string; registration: string } {
    const session = randomUUID();
    const token = Buffer.from(`cmi5:${randomUUID()}`).toString('base64');
    this.tokens.set(session, { token, used: false });
    const launchData = {
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: auId }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': session },
      },
      launchMode: overrides.launchMode ?? this.options.launchMode ?? 'Normal',
      moveOn: 'CompletedAndPassed',
      returnURL: returnUrl,
      ...((overrides.masteryScore ?? this.options.masteryScore) !== undefined ? { masteryScore: overrides.masteryScore ?? this.options.masteryScore } : {}),
    };
    this.states.set(this.stateKey(auId, JSON.stringify(this.learner), registration, 'LMS.LaunchData'), { body: JSON.stringify(launchData), type: 'application/json' });
    const params = new URLSearchParams({
      endpoint: `${this.baseUrl()}/lrs/`,
      fetch: `${this.baseUrl()}/cmi5/fetch/${session}`,
      actor: JSON.stringify(this.learner),
      registration,
      activityId: auId,
    });
    return { query: params.toString(), registration };
  }

  private stateKey(activityId: string, agent: string, registration: string, stateId: string): string {
    const a = JSON.parse(agent) as { account?: { homePage: string; name: string }; mbox?: string };
    return JSON.stringify([activityId, a.account ?? a.mbox, registration, stateId]);
  }

  /** POST /cmi5/fetch/<session>: the token, once. */
  fetch(session: string, res: ServerResponse): void {
    const entry = this.tokens.get(session);
    res.setHeader('content-type', 'application/json');
    if (!entry || entry.used) {
      res.writeHead(200);
      res.end(JSON.stringify({ 'error-code': '1', 'error-text': 'This fetch URL has already been used or is unknown.' }));
      return;
    }
    entry.used = true;
    res.writeHead(200);
    res.end(JSON.stringify({ 'auth-token': entry.token }));
  }

  /** The State API (activities/state): GET, PUT, POST, DELETE of single documents. */
  async state(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const q = url.searchParams;
    const activityId = q.get('activityId');
    const agent = q.get('agent');
    const stateId = q.get('stateId');
    if (!activityId || !agent || !stateId) {
      res.writeHead(400);
      res.end('activityId, agent and stateId are required');
      return;
    }
    const key = this.stateKey(activityId, agent, q.get('registration') ?? '', stateId);
    if (req.method === 'GET') {
      const doc = this.states.get(key);
      if (!doc) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': doc.type });
      res.end(doc.body);
      return;
    }
    if (req.method === 'DELETE') {
      this.states.delete(key);
      res.writeHead(204);
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    this.states.set(key, { body: Buffer.concat(chunks).toString('utf8'), type: req.headers['content-type'] ?? 'application/octet-stream' });
    res.writeHead(204);
    res.end();
  }

  /** A saved state document, for tests. */
  stateDocument(auId: string, registration: string, stateId: string): string | undefined {
    return this.states.get(this.stateKey(auId, JSON.stringify(this.learner), registration, stateId))?.body;
  }
}
