import type { Actor } from './xapi/statement-factory.js';

export interface XapiLaunch {
  endpoint: string;
  auth: string;
  actor?: Actor;
}

export interface Cmi5Launch {
  endpoint: string;
  fetchUrl: string;
  actor: Actor;
  registration: string;
  activityId: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpUrl(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An xAPI Agent with exactly one usable identifier, or undefined. */
export function parseActor(text: string | null): Actor | undefined {
  if (!text) return undefined;
  let a: Record<string, unknown>;
  try {
    a = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!a || typeof a !== 'object' || Array.isArray(a)) return undefined;
  // TinCan-style launches send arrays for name/mbox/account.
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const name = first(a.name);
  const mbox = first(a.mbox);
  let account = first(a.account) as Record<string, unknown> | undefined;
  if (account && 'accountServiceHomePage' in account) account = { homePage: account.accountServiceHomePage, name: account.accountName };
  const named = typeof name === 'string' && name.length <= 200 ? { name } : {};
  if (account && typeof account.homePage === 'string' && httpUrl(account.homePage) && typeof account.name === 'string' && account.name)
    return { objectType: 'Agent', ...named, account: { homePage: account.homePage, name: account.name } };
  if (typeof mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(mbox)) return { objectType: 'Agent', ...named, mbox };
  return undefined;
}

/**
 * The LRS to report to, from launch parameters (endpoint, auth, actor) or else from the build
 * configuration. Malformed parameters are refused as a whole, so nothing is ever sent to an
 * address the package was not launched or configured with.
 */
export function readXapiLaunch(search: string, configured?: { endpoint: string; auth: string }): Parsed<XapiLaunch> | null {
  const p = new URLSearchParams(search);
  if (p.has('endpoint') || p.has('auth') || p.has('actor')) {
    const endpoint = httpUrl(p.get('endpoint'));
    const auth = p.get('auth') ?? '';
    if (!endpoint) return { ok: false, problem: 'the "endpoint" launch parameter is not an http(s) address' };
    if (!/^(Basic|Bearer) [A-Za-z0-9+/=._~-]+$/.test(auth)) return { ok: false, problem: 'the "auth" launch parameter is missing or malformed' };
    const actorText = p.get('actor');
    const actor = parseActor(actorText);
    if (actorText && !actor) return { ok: false, problem: 'the "actor" launch parameter is not a valid xAPI agent' };
    return { ok: true, value: { endpoint, auth, ...(actor ? { actor } : {}) } };
  }
  return configured ? { ok: true, value: { ...configured } } : null;
}

/** cmi5 launch parameters (endpoint, fetch, actor, registration, activityId), all required. */
export function readCmi5Launch(search: string): Parsed<Cmi5Launch> {
  const p = new URLSearchParams(search);
  const endpoint = httpUrl(p.get('endpoint'));
  const fetchUrl = httpUrl(p.get('fetch'));
  const actor = cmi5Actor(p.get('actor'));
  const registration = p.get('registration') ?? '';
  const activityId = p.get('activityId') ?? '';
  if (!endpoint || !fetchUrl) return { ok: false, problem: 'the cmi5 launch is missing a valid "endpoint" or "fetch" address' };
  if (!actor) return { ok: false, problem: 'the cmi5 launch has no valid "actor"' };
  if (!UUID.test(registration)) return { ok: false, problem: 'the cmi5 launch has no valid "registration"' };
  if (!httpUrl(activityId) && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId)) return { ok: false, problem: 'the cmi5 launch has no valid "activityId"' };
  return { ok: true, value: { endpoint, fetchUrl, actor, registration, activityId } };
}

/**
 * The cmi5 launch actor, exactly as the LMS gave it when it is a valid Agent: the LMS compares the
 * actor of every statement and document request with its own (cmi5 8.1.3, 11.0.0.0-1), so it is
 * used as given, not rebuilt.
 */
function cmi5Actor(text: string | null): Actor | undefined {
  const parsed = parseActor(text);
  if (!parsed) return undefined;
  const raw = JSON.parse(text!) as Record<string, unknown>;
  const plain = (v: unknown) => v === undefined || typeof v === 'string';
  const account = raw.account as Record<string, unknown> | undefined;
  const asGiven =
    (raw.objectType === undefined || raw.objectType === 'Agent') &&
    plain(raw.name) &&
    ((account && typeof account === 'object' && !Array.isArray(account) && typeof account.homePage === 'string' && typeof account.name === 'string') ||
      typeof raw.mbox === 'string');
  return asGiven ? (raw as unknown as Actor) : parsed;
}
