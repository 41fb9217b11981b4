import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from './server.js';

/*
 * The preview's cmi5 LMS over HTTP, as an AU meets it: the launch, the token, LMS.LaunchData, the
 * learner preferences, and CATAPULT's refusals (status, body and requirement id) in front of an LRS.
 */

const AU = 'https://w3id.org/contact-centre-learning/units/a-500-7158/au';
let lrs: Server;
const stored: { auth?: string; body: unknown }[] = [];
let preview: PreviewServer;
let packagesDir: string;

beforeAll(async () => {
  lrs = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += String(c);
    if (req.method === 'POST') stored.push({ auth: req.headers.authorization, body: JSON.parse(body) });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.method === 'POST' ? '["stored"]' : '{"statements":[],"more":""}');
  });
  await new Promise<void>((r) => lrs.listen(0, '127.0.0.1', () => r()));
  const endpoint = `http://127.0.0.1:${(lrs.address() as AddressInfo).port}/xAPI/`;
  packagesDir = mkdtempSync(join(tmpdir(), 'ccl-cmi5-lms-'));
  preview = await startPreviewServer({ root: process.cwd(), packagesDir, lrs: { endpoint, auth: 'Basic cHJldmlldzpwcmV2aWV3', stop: async () => {} } });
});
afterAll(async () => {
  await preview.close();
  await new Promise<void>((r) => lrs.close(() => r()));
  rmSync(packagesDir, { recursive: true, force: true });
});
beforeEach(() => {
  stored.length = 0;
});

/** An AU launched by the preview's cmi5 LMS: its launch parameters, token and a few statements. */
async function launchAu(registration?: string) {
  const launch = preview.cmi5.launch(AU, `${preview.url}/cmi5/returned`, registration, { masteryScore: 0.8 });
  const params = new URLSearchParams(launch.query);
  const actor = JSON.parse(params.get('actor')!) as object;
  const token = ((await (await fetch(params.get('fetch')!, { method: 'POST' })).json()) as { 'auth-token': string })['auth-token'];
  const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const lrsUrl = (resource: string, query: Record<string, string>) => `${params.get('endpoint')}${resource}?${new URLSearchParams(query)}`;
  const state = (stateId: string) => lrsUrl('activities/state', { activityId: AU, agent: JSON.stringify(actor), registration: launch.registration, stateId });
  const statement = (verb: string, extra: Record<string, unknown> = {}) => {
    const defined = ['initialized', 'completed', 'passed', 'terminated'].includes(verb);
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      actor,
      verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
      object: { id: defined ? AU : `${AU}/lessons/1`, objectType: 'Activity' },
      context: {
        registration: launch.registration,
        contextActivities: {
          grouping: [{ objectType: 'Activity', id: AU }],
          ...(defined ? { category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }, ...(verb === 'completed' || verb === 'passed' ? [{ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }] : [])] } : {}),
        },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': launch.session, ...(verb === 'passed' ? { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8 } : {}) },
      },
      ...extra,
    };
  };
  const send = async (batch: object | object[]) => {
    const res = await fetch(lrsUrl('statements', {}), { method: 'POST', headers, body: JSON.stringify(batch) });
    return { status: res.status, body: (await res.json()) as { violatedReqId?: string; message?: string } };
  };
  const readPreferences = () => fetch(lrsUrl('agents/profile', { agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' }), { headers });
  return { launch, headers, state, statement, send, readPreferences };
}

describe("the preview's cmi5 LMS (standing in for CATAPULT)", () => {
  it('refuses statements as CATAPULT does until the learner preferences are read, then judges each batch on the session before it', async () => {
    const au = await launchAu();
    expect(await au.send(au.statement('initialized'))).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message: '11.0.0.0-3 - The AU MUST retrieve the Learner Preferences document from the Agent Profile on startup. ((Learner Prefs not yet retrieved))',
        violatedReqId: '11.0.0.0-3',
      },
    });
    expect((await au.readPreferences()).status).toBe(404);
    const launchData = (await (await fetch(au.state('LMS.LaunchData'), { headers: au.headers })).json()) as Record<string, unknown>;
    expect(launchData).toMatchObject({ launchMode: 'Normal', masteryScore: 0.8, moveOn: 'CompletedAndPassed', returnURL: `${preview.url}/cmi5/returned` });
    expect((await au.send([au.statement('initialized'), au.statement('experienced')])).body.violatedReqId).toBe('9.3.0.0-4');
    expect(stored).toEqual([]); // nothing refused reached the LRS
    expect((await au.send(au.statement('initialized'))).status).toBe(200);
    expect(stored).toEqual([{ auth: 'Basic cHJldmlldzpwcmV2aWV3', body: au.statement('initialized', { id: (stored[0]!.body as { id: string }).id, timestamp: (stored[0]!.body as { timestamp: string }).timestamp }) }]);
    expect((await au.send(au.statement('initialized'))).body.violatedReqId).toBe('9.3.0.0-2');
    expect((await au.send(au.statement('experienced'))).status).toBe(200);
  });

  it('keeps LMS.LaunchData read-only and the learner state in the State API', async () => {
    const au = await launchAu();
    await au.readPreferences();
    expect((await fetch(au.state('LMS.LaunchData'), { method: 'PUT', headers: au.headers, body: '{}' })).status).toBe(403);
    expect((await fetch(au.state('learner-state'), { method: 'PUT', headers: au.headers, body: '{"suspendData":"x"}' })).status).toBe(204);
    expect(preview.cmi5.stateDocument(AU, au.launch.registration, 'learner-state')).toBe('{"suspendData":"x"}');
    const refused = await fetch(au.state('LMS.LaunchData'), { method: 'DELETE', headers: au.headers });
    expect(((await refused.json()) as { violatedReqId: string }).violatedReqId).toBe('10.2.1.0-5');
  });

  it('closes a terminated session, launches Review once satisfied, and abandons a session left open by a new launch', async () => {
    const first = await launchAu();
    await first.readPreferences();
    expect((await first.send(first.statement('initialized'))).status).toBe(200);
    expect((await first.send([first.statement('completed', { result: { completion: true, duration: 'PT1M' } }), first.statement('passed', { result: { success: true, score: { scaled: 0.9 }, duration: 'PT1M' } })])).status).toBe(200);
    expect((await first.send(first.statement('terminated', { result: { duration: 'PT2M' } }))).status).toBe(200);
    const after = await first.send(first.statement('experienced'));
    expect(after.status).toBe(403);
    expect(after.body.message).toContain('Session terminated');
    expect(after.body.violatedReqId).toBe('8.1.2.0-2');

    const review = await launchAu(first.launch.registration);
    const launchData = (await (await fetch(review.state('LMS.LaunchData'), { headers: review.headers })).json()) as { launchMode: string };
    expect(launchData.launchMode).toBe('Review');
    await review.readPreferences();
    expect((await review.send(review.statement('initialized'))).status).toBe(200);
    expect((await review.send(review.statement('passed', { result: { success: true, score: { scaled: 0.9 }, duration: 'PT1M' } }))).body.violatedReqId).toBe('10.2.2.0-3');

    await launchAu(first.launch.registration); // the Review session was never terminated
    const abandoned = await review.send(review.statement('experienced'));
    expect(abandoned.status).toBe(403);
    expect(abandoned.body.violatedReqId).toBeUndefined();
    expect(abandoned.body.message).toContain('Session abandoned');
  });

  it('lets other packages (SCORM with xAPI, any Basic key) through unjudged, and refuses an unknown cmi5 token', async () => {
    const scorm = await fetch(`${preview.url}/lrs/statements`, { method: 'POST', headers: { Authorization: 'Basic a2V5OnNlY3JldA==', 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: '{"id":"not judged"}' });
    expect(scorm.status).toBe(200);
    expect(stored).toEqual([{ auth: 'Basic cHJldmlldzpwcmV2aWV3', body: { id: 'not judged' } }]);
    const stale = await fetch(`${preview.url}/lrs/statements`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`cmi5:${randomUUID()}`).toString('base64')}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: '{}' });
    expect(stale.status).toBe(401);
  });
});
