// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cmi5Launch } from '../launch-params.js';

const STATE = 'https://w3id.org/ccl/units/u-1/learner-state';
const launch: Cmi5Launch = {
  endpoint: 'https://lms.example.org/lrs/',
  fetchUrl: 'https://lms.example.org/fetch/abc',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'ada' } },
  registration: '6f1d1e7a-3a51-4c8e-9a57-2e0b8f3c4d21',
  activityId: 'https://w3id.org/ccl/units/u-1/au',
};
const search = `?${new URLSearchParams({ endpoint: launch.endpoint, fetch: launch.fetchUrl, actor: JSON.stringify(launch.actor), registration: launch.registration, activityId: launch.activityId })}`;

/** An LMS that gives one token per fetch URL, as cmi5 8.2 says, and answers the three reads. */
function lms() {
  const calls: string[] = [];
  const fetched = new Set<string>();
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.searchParams.has('stateId') ? ` ${url.searchParams.get('stateId')}` : ''}`);
    if (url.pathname.startsWith('/fetch/')) {
      if (fetched.has(url.href)) return new Response(JSON.stringify({ 'error-code': '1', 'error-text': 'already fetched' }), { status: 400 });
      fetched.add(url.href);
      return new Response(JSON.stringify({ 'auth-token': 'dG9rZW4=' }), { status: 200 });
    }
    if (url.searchParams.get('stateId') === 'LMS.LaunchData') return new Response(JSON.stringify({ contextTemplate: {}, launchMode: 'Normal' }), { status: 200 });
    return new Response('', { status: 404 });
  });
  return calls;
}

/** This module as a launch page loads it: fresh, on a page with (or without) the meta naming the unit's state. */
async function loadOnPage(meta: string | null) {
  vi.resetModules();
  document.head.replaceChildren();
  if (meta !== null) document.head.insertAdjacentHTML('beforeend', `<meta name="ccl-cmi5-state" content="${meta}">`);
  history.replaceState(null, '', `/au/index.html${search}`);
  return import('./cmi5-opening.js');
}
const settled = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.unstubAllGlobals());

describe('the cmi5 opening', () => {
  it('begins on the launch page before the player runs, and the tracker takes that one: the token is fetched once', async () => {
    const calls = lms();
    const { cmi5Opening } = await loadOnPage(STATE);
    await settled();
    expect(calls[0]).toBe('POST /fetch/abc');
    const opening = await cmi5Opening(launch, STATE);
    expect(opening.launchData.status).toBe(200);
    expect(opening.preferences.status).toBe(404);
    expect(opening.client.connection.auth).toBe('Basic dG9rZW4=');
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /fetch/abc']);
    expect(calls.slice(1).sort()).toEqual(['GET /lrs/activities/state LMS.LaunchData', `GET /lrs/activities/state ${STATE}`, 'GET /lrs/agents/profile'].sort());
  });

  it('begins nothing on a page that names no state, and opens when the tracker asks', async () => {
    const calls = lms();
    const { cmi5Opening } = await loadOnPage(null);
    await settled();
    expect(calls).toEqual([]);
    await cmi5Opening(launch, STATE);
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /fetch/abc']);
  });

  it('is not taken for another unit’s state, and is taken only once', async () => {
    lms();
    const { cmi5Opening } = await loadOnPage('https://w3id.org/ccl/units/other/learner-state');
    await settled();
    // The early opening had the token; asking for another state opens again, which the LMS refuses.
    await expect(cmi5Opening(launch, STATE)).rejects.toThrow(/gave no token \(already fetched\)/);
    await expect(cmi5Opening(launch, 'https://w3id.org/ccl/units/other/learner-state')).rejects.toThrow(/already fetched/);
  });
});
