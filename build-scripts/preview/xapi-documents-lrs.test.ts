import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startXapiDocumentsLrs, type XapiDocumentsLrs } from './xapi-documents-lrs.js';

/** A stand-in statements LRS that records what reaches it. */
let upstream: Server;
const reached: { method: string; url: string; auth?: string; version?: string; body: string }[] = [];
let lrs: XapiDocumentsLrs;

beforeAll(async () => {
  upstream = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += String(c);
    reached.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, version: req.headers['x-experience-api-version'] as string | undefined, body });
    res.writeHead(200, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', 'x-experience-api-consistent-through': '2026-01-01T00:00:00Z' });
    res.end(req.url?.startsWith('/xAPI/about') ? '{"version":["1.0.3"]}' : '["a-statement-id"]');
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const port = (upstream.address() as AddressInfo).port;
  lrs = await startXapiDocumentsLrs({ endpoint: `http://127.0.0.1:${port}/xAPI/`, auth: 'Basic dXBzdHJlYW06a2V5' });
});
afterAll(async () => {
  await lrs.stop();
  await new Promise<void>((r) => upstream.close(() => r()));
});
beforeEach(() => {
  lrs.documents.clear();
  reached.length = 0;
  lrs.setReachable(true);
});

const agent = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner-1' } };
const sameAgentOtherForm = { account: { name: 'learner-1', homePage: 'https://lms.example.org' } };
const activityId = 'https://example.org/au';
const registration = '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d';

function request(resource: string, params: Record<string, string>, init: { method?: string; body?: string; headers?: Record<string, string>; auth?: string | null } = {}) {
  const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3', ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers };
  if (init.auth !== null) headers.Authorization = init.auth ?? lrs.auth;
  return fetch(`${lrs.endpoint}${resource}?${new URLSearchParams(params)}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: init.body } : {}) });
}
const state = (stateId?: string, extra: Record<string, string> = {}) => ({ activityId, agent: JSON.stringify(agent), registration, ...(stateId ? { stateId } : {}), ...extra });
const profile = (profileId?: string) => ({ agent: JSON.stringify(agent), ...(profileId ? { profileId } : {}) });

describe('the State resource', () => {
  it('stores, returns with an ETag, merges a POSTed JSON object and deletes', async () => {
    expect((await request('activities/state', state('s1'))).status).toBe(404);
    expect((await request('activities/state', state('s1'), { method: 'PUT', body: '{"a":1,"b":1}' })).status).toBe(204);
    const got = await request('activities/state', { ...state('s1'), agent: JSON.stringify(sameAgentOtherForm) });
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    expect(await got.json()).toEqual({ a: 1, b: 1 });
    expect((await request('activities/state', state('s1'), { method: 'POST', body: '{"b":2,"c":3}' })).status).toBe(204);
    expect(await (await request('activities/state', state('s1'))).json()).toEqual({ a: 1, b: 2, c: 3 });
    expect((await request('activities/state', state('s1'), { method: 'DELETE' })).status).toBe(204);
    expect((await request('activities/state', state('s1'))).status).toBe(404);
  });

  it('keeps registrations apart, lists ids (with since) and deletes a whole scope', async () => {
    await request('activities/state', state('s1'), { method: 'PUT', body: '{}' });
    await request('activities/state', { activityId, agent: JSON.stringify(agent), stateId: 's1' }, { method: 'PUT', body: '{"other":true}' });
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await request('activities/state', state('s2'), { method: 'PUT', body: '{}' });
    expect(await (await request('activities/state', state())).json()).toEqual(['s1', 's2']);
    expect(await (await request('activities/state', state(undefined, { since: before }))).json()).toEqual(['s2']);
    expect((await request('activities/state', state(), { method: 'DELETE' })).status).toBe(204);
    expect(await (await request('activities/state', state())).json()).toEqual([]);
    expect(await (await request('activities/state', { activityId, agent: JSON.stringify(agent), stateId: 's1' })).json()).toEqual({ other: true });
  });

  it('honours If-Match and If-None-Match', async () => {
    await request('activities/state', state('s1'), { method: 'PUT', body: '{"v":1}' });
    const etag = (await request('activities/state', state('s1'))).headers.get('etag')!;
    expect((await request('activities/state', state('s1'), { method: 'PUT', body: '{"v":2}', headers: { 'If-Match': '"0000"' } })).status).toBe(412);
    expect((await request('activities/state', state('s1'), { method: 'PUT', body: '{"v":2}', headers: { 'If-None-Match': '*' } })).status).toBe(412);
    expect((await request('activities/state', state('s1'), { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await request('activities/state', state('s1'), { method: 'PUT', body: '{"v":2}', headers: { 'If-Match': etag } })).status).toBe(204);
    expect((await request('activities/state', state('s-new'), { method: 'PUT', body: '{}', headers: { 'If-Match': '*' } })).status).toBe(412);
    // The State resource does not insist on a precondition for a PUT over an existing document.
    expect((await request('activities/state', state('s1'), { method: 'PUT', body: '{"v":3}' })).status).toBe(204);
  });

  it('refuses what xAPI 1.0.3 refuses', async () => {
    const bad = async (params: Record<string, string>, init: Parameters<typeof request>[2] = {}) => (await request('activities/state', params, init)).status;
    expect(await bad({ agent: JSON.stringify(agent), stateId: 's' })).toBe(400); // no activityId
    expect(await bad({ activityId, stateId: 's' })).toBe(400); // no agent
    expect(await bad({ ...state('s'), agent: '{"name":"no identifier"}' })).toBe(400);
    expect(await bad({ ...state('s'), agent: 'not json' })).toBe(400);
    expect(await bad({ ...state('s'), registration: 'not-a-uuid' })).toBe(400);
    expect(await bad({ ...state('s'), cachebuster: '1' })).toBe(400); // unknown parameter
    expect(await bad(state('s'), { headers: { 'X-Experience-API-Version': '' } })).toBe(400);
    expect(await bad(state(), { method: 'PUT', body: '{}' })).toBe(400); // no stateId
    await request('activities/state', state('text'), { method: 'PUT', body: 'plain', headers: { 'Content-Type': 'text/plain' } });
    expect(await bad(state('text'), { method: 'POST', body: '{"a":1}' })).toBe(400); // cannot merge into text
    expect(await bad(state('s'), { auth: null })).toBe(401);
    expect(await bad(state('s'), { auth: 'Basic d3Jvbmc6a2V5' })).toBe(401);
  });
});

describe('the Agent Profile and Activity Profile resources', () => {
  it('serve single documents and id lists, and refuse a PUT over a document without a precondition (409)', async () => {
    expect((await request('agents/profile', profile('cmi5LearnerPreferences'))).status).toBe(404);
    expect((await request('agents/profile', profile('cmi5LearnerPreferences'), { method: 'PUT', body: '{"languagePreference":"en-GB"}' })).status).toBe(204);
    const got = await request('agents/profile', profile('cmi5LearnerPreferences'));
    expect(await got.json()).toEqual({ languagePreference: 'en-GB' });
    expect((await request('agents/profile', profile('cmi5LearnerPreferences'), { method: 'PUT', body: '{}' })).status).toBe(409);
    expect((await request('agents/profile', profile('cmi5LearnerPreferences'), { method: 'PUT', body: '{}', headers: { 'If-Match': got.headers.get('etag')! } })).status).toBe(204);
    expect((await request('agents/profile', profile('cmi5LearnerPreferences'), { method: 'POST', body: '{"audioPreference":"on"}' })).status).toBe(204);
    expect(await (await request('agents/profile', profile('cmi5LearnerPreferences'))).json()).toEqual({ audioPreference: 'on' });
    expect(await (await request('agents/profile', profile())).json()).toEqual(['cmi5LearnerPreferences']);
    expect((await request('agents/profile', profile(), { method: 'DELETE' })).status).toBe(400);

    expect((await request('activities/profile', { activityId, profileId: 'p' }, { method: 'PUT', body: '{"x":1}' })).status).toBe(204);
    expect(await (await request('activities/profile', { activityId })).json()).toEqual(['p']);
    expect((await request('activities/profile', { activityId, profileId: 'p' }, { method: 'PUT', body: '{"x":2}', headers: { 'If-None-Match': '*' } })).status).toBe(412);
    expect((await request('activities/profile', { activityId, profileId: 'p' }, { method: 'DELETE' })).status).toBe(204);
    expect((await request('activities/profile', { activityId, profileId: 'p' })).status).toBe(404);
  });
});

describe('everything else', () => {
  it('goes to the statements LRS with its own credentials, and its answers come back', async () => {
    const res = await request('statements', {}, { method: 'POST', body: '[{"id":"x"}]' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-experience-api-consistent-through')).toBe('2026-01-01T00:00:00Z');
    expect(await res.json()).toEqual(['a-statement-id']);
    await request('statements', { registration });
    expect(reached).toEqual([
      { method: 'POST', url: '/xAPI/statements', auth: 'Basic dXBzdHJlYW06a2V5', version: '1.0.3', body: '[{"id":"x"}]' },
      { method: 'GET', url: `/xAPI/statements?registration=${registration}`, auth: 'Basic dXBzdHJlYW06a2V5', version: '1.0.3', body: '' },
    ]);
  });
});

describe('an outage', () => {
  it('drops every connection until the LRS is reachable again', async () => {
    const agentKeepAlive = await request('activities/state', state('s1'), { method: 'PUT', body: '{}' });
    expect(agentKeepAlive.status).toBe(204);
    lrs.setReachable(false);
    await expect(request('activities/state', state('s1'))).rejects.toThrow();
    await expect(request('statements', {})).rejects.toThrow();
    expect(reached).toEqual([]);
    lrs.setReachable(true);
    expect((await request('activities/state', state('s1'))).status).toBe(200);
  });
});
