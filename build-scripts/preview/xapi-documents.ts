import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The three xAPI 1.0.3 document resources: what Learning Locker's statements service lacks. */
export type DocumentResource = 'activities/state' | 'agents/profile' | 'activities/profile';

/** Whether a path below the xAPI endpoint (no leading slash) names one of the document resources. */
export function isDocumentResource(resource: string): resource is DocumentResource {
  return resource === 'activities/state' || resource === 'agents/profile' || resource === 'activities/profile';
}

/** One stored document, as the LRS keeps it. */
export interface StoredDocument {
  body: Buffer;
  contentType: string;
  /** Quoted SHA-1 of the body, as xAPI 1.0.3 asks for ETags. */
  etag: string;
  updated: Date;
}

/** Where a document lives: its resource, the scope parameters and its id. */
export interface DocumentAddress {
  resource: DocumentResource;
  activityId?: string;
  /** The agent, as the JSON object the request carried. */
  agent?: unknown;
  registration?: string;
  /** stateId or profileId. */
  id: string;
}

/** A request the resource refuses: HTTP status and plain words. */
class DocumentRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The parameters each resource accepts; anything else is refused, as xAPI 1.0.3 requires. */
const PARAMETERS: Record<DocumentResource, { required: string[]; id: string; optional: string[] }> = {
  'activities/state': { required: ['activityId', 'agent'], id: 'stateId', optional: ['registration', 'since'] },
  'agents/profile': { required: ['agent'], id: 'profileId', optional: ['since'] },
  'activities/profile': { required: ['activityId'], id: 'profileId', optional: ['since'] },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex')}"`;

const isJson = (contentType: string) => /^application\/json\b/i.test(contentType);

/** The agent's inverse functional identifier as one string, or an error for anything but one Agent. */
function agentKey(agent: unknown): string {
  if (!agent || typeof agent !== 'object' || Array.isArray(agent)) throw new DocumentRequestError(400, 'agent must be a JSON Agent object');
  const a = agent as Record<string, unknown>;
  if (a.objectType !== undefined && a.objectType !== 'Agent') throw new DocumentRequestError(400, 'agent must be an Agent');
  const ifis: string[] = [];
  if (typeof a.mbox === 'string') ifis.push(`mbox:${a.mbox}`);
  if (typeof a.mbox_sha1sum === 'string') ifis.push(`mbox_sha1sum:${a.mbox_sha1sum}`);
  if (typeof a.openid === 'string') ifis.push(`openid:${a.openid}`);
  if (a.account !== undefined) {
    const acc = a.account as Record<string, unknown> | null;
    if (!acc || typeof acc.homePage !== 'string' || typeof acc.name !== 'string') throw new DocumentRequestError(400, 'agent.account needs homePage and name');
    ifis.push(`account:${JSON.stringify([acc.homePage, acc.name])}`);
  }
  if (ifis.length !== 1) throw new DocumentRequestError(400, 'agent must have exactly one inverse functional identifier');
  return ifis[0]!;
}

/** The scope a document lives in (everything of its address but its id). */
function scopeKey(address: Omit<DocumentAddress, 'id'>): string {
  const agent = address.agent === undefined ? null : agentKey(address.agent);
  switch (address.resource) {
    case 'activities/state':
      return JSON.stringify([address.resource, address.activityId, agent, address.registration ?? null]);
    case 'agents/profile':
      return JSON.stringify([address.resource, agent]);
    case 'activities/profile':
      return JSON.stringify([address.resource, address.activityId]);
  }
}

/** Entity tags named in an If-Match or If-None-Match header ("*" stays "*"). */
function tagsIn(header: string | string[] | undefined): string[] | undefined {
  if (header === undefined) return undefined;
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter(Boolean);
}

/**
 * The State, Agent Profile and Activity Profile resources of xAPI 1.0.3, in memory: single
 * documents (GET, PUT, POST merging JSON objects, DELETE) and the id lists (GET without an id,
 * with `since`), ETags on every document, If-Match and If-None-Match honoured, a PUT to an
 * existing profile without either refused with 409, and unknown parameters refused with 400.
 */
export class XapiDocumentStore {
  private readonly scopes = new Map<string, Map<string, StoredDocument>>();

  /** The stored document at an address, if any. */
  get(address: DocumentAddress): StoredDocument | undefined {
    return this.scopes.get(scopeKey(address))?.get(address.id);
  }

  /** Stores a document directly (as an LMS writes LMS.LaunchData), replacing any before it. */
  put(address: DocumentAddress, body: string | Buffer, contentType = 'application/json'): StoredDocument {
    const key = scopeKey(address);
    const scope = this.scopes.get(key) ?? new Map<string, StoredDocument>();
    this.scopes.set(key, scope);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const doc = { body: bytes, contentType, etag: etagOf(bytes), updated: new Date() };
    scope.set(address.id, doc);
    return doc;
  }

  /** Forgets every document. */
  clear(): void {
    this.scopes.clear();
  }

  /**
   * Answers one HTTP request to a document resource; `resource` is the path below the xAPI
   * endpoint. `body` is the request body when it has been read already. With `impliedIfMatch`, a
   * write without If-Match is taken to mean the stored document (as CATAPULT's LRS proxy adds
   * If-Match with the current ETag before passing a write on).
   */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, resource: DocumentResource, options: { body?: Buffer; impliedIfMatch?: boolean } = {}): Promise<void> {
    let body = options.body;
    if (!body) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      body = Buffer.concat(chunks);
    }
    try {
      this.answer(req, res, url, resource, body, options.impliedIfMatch ?? false);
    } catch (e) {
      if (!(e instanceof DocumentRequestError)) throw e;
      res.writeHead(e.status, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' });
      res.end(JSON.stringify({ message: e.message }));
    }
  }

  private answer(req: IncomingMessage, res: ServerResponse, url: URL, resource: DocumentResource, body: Buffer, impliedIfMatch: boolean): void {
    const method = (req.method ?? 'GET').toUpperCase();
    if (!req.headers['x-experience-api-version']) throw new DocumentRequestError(400, 'X-Experience-API-Version header missing');
    const spec = PARAMETERS[resource];
    const q = url.searchParams;
    for (const name of q.keys()) if (![...spec.required, spec.id, ...spec.optional].includes(name)) throw new DocumentRequestError(400, `unknown parameter: ${name}`);
    for (const name of spec.required) if (!q.get(name)) throw new DocumentRequestError(400, `${name} is required`);
    let agent: unknown;
    if (q.has('agent')) {
      try {
        agent = JSON.parse(q.get('agent')!);
      } catch {
        throw new DocumentRequestError(400, 'agent is not JSON');
      }
    }
    const registration = q.get('registration') ?? undefined;
    if (registration !== undefined && !UUID.test(registration)) throw new DocumentRequestError(400, 'registration must be a UUID');
    const scope: Omit<DocumentAddress, 'id'> = {
      resource,
      ...(q.has('activityId') ? { activityId: q.get('activityId')! } : {}),
      ...(agent !== undefined ? { agent } : {}),
      ...(registration !== undefined ? { registration } : {}),
    };
    const key = scopeKey(scope);
    const id = q.get(spec.id);
    const headers = { 'x-experience-api-version': '1.0.3', 'cache-control': 'no-store' };

    if (id === null) {
      if (method === 'GET') {
        const since = q.get('since');
        const after = since === null ? undefined : Date.parse(since);
        if (after !== undefined && Number.isNaN(after)) throw new DocumentRequestError(400, 'since must be an ISO 8601 timestamp');
        const ids = [...(this.scopes.get(key)?.entries() ?? [])].filter(([, d]) => after === undefined || d.updated.getTime() > after).map(([k]) => k);
        res.writeHead(200, { ...headers, 'content-type': 'application/json' });
        res.end(JSON.stringify(ids));
        return;
      }
      if (method === 'DELETE' && resource === 'activities/state') {
        this.scopes.delete(key);
        res.writeHead(204, headers);
        res.end();
        return;
      }
      throw new DocumentRequestError(400, `${spec.id} is required for ${method}`);
    }
    if (q.has('since')) throw new DocumentRequestError(400, 'since is only for the list of ids');

    const existing = this.scopes.get(key)?.get(id);
    const ifMatch = tagsIn(req.headers['if-match']) ?? (impliedIfMatch && existing && method !== 'GET' ? [existing.etag] : undefined);
    const ifNoneMatch = tagsIn(req.headers['if-none-match']);

    if (method === 'GET') {
      if (!existing) {
        res.writeHead(404, headers);
        res.end();
        return;
      }
      if (ifNoneMatch && (ifNoneMatch.includes('*') || ifNoneMatch.includes(existing.etag))) {
        res.writeHead(304, { ...headers, etag: existing.etag });
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': existing.contentType, etag: existing.etag, 'last-modified': existing.updated.toUTCString() });
      res.end(existing.body);
      return;
    }
    if (!['PUT', 'POST', 'DELETE'].includes(method)) throw new DocumentRequestError(405, `${method} is not supported here`);

    if (ifMatch && !(existing && (ifMatch.includes('*') || ifMatch.includes(existing.etag)))) throw new DocumentRequestError(412, 'If-Match does not match the stored document');
    if (ifNoneMatch && existing && (ifNoneMatch.includes('*') || ifNoneMatch.includes(existing.etag))) throw new DocumentRequestError(412, 'If-None-Match matches the stored document');

    if (method === 'DELETE') {
      this.scopes.get(key)?.delete(id);
      res.writeHead(204, headers);
      res.end();
      return;
    }
    const contentType = String(req.headers['content-type'] ?? 'application/octet-stream');
    if (method === 'PUT') {
      if (resource !== 'activities/state' && existing && !ifMatch && !ifNoneMatch)
        throw new DocumentRequestError(409, 'the document exists: send If-Match with its ETag (or If-None-Match: *) to replace it');
      const doc = this.put({ ...scope, id }, body, contentType);
      res.writeHead(204, { ...headers, etag: doc.etag });
      res.end();
      return;
    }
    // POST: store as a PUT would, or merge the top-level properties of two JSON objects.
    if (!existing) {
      const doc = this.put({ ...scope, id }, body, contentType);
      res.writeHead(204, { ...headers, etag: doc.etag });
      res.end();
      return;
    }
    if (!isJson(contentType) || !isJson(existing.contentType)) throw new DocumentRequestError(400, 'POST merges JSON documents only: the stored or the posted document is not application/json');
    const merged = { ...jsonObject(existing.body, 'the stored document'), ...jsonObject(body, 'the posted document') };
    const doc = this.put({ ...scope, id }, JSON.stringify(merged), 'application/json');
    res.writeHead(204, { ...headers, etag: doc.etag });
    res.end();
  }
}

function jsonObject(body: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new DocumentRequestError(400, `${what} is not JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DocumentRequestError(400, `${what} is not a JSON object`);
  return value as Record<string, unknown>;
}
