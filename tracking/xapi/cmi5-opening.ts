import { readCmi5Launch, type Cmi5Launch } from '../launch-params.js';
import { LrsClient, type LrsDocument } from './lrs-client.js';

/**
 * The opening of a cmi5 session, what the AU must have before the learner can read: the auth
 * token (cmi5 8.2, fetched once), then, side by side, LMS.LaunchData (10.0), the learner's
 * preferences (11.0, read before any statement) and the unit's saved state.
 *
 * A launch page that names the unit's state (meta ccl-cmi5-state) loads this module on its own,
 * ahead of the player, and the opening begins at once: the LMS answers while the player is still
 * being parsed. The tracker then takes that opening rather than begin another (the token can be
 * fetched only once). This module imports nothing the player does, so nothing waits for it.
 */

/** cmi5 section 10: the State API document the LMS writes for the AU before launch. */
export const LAUNCH_DATA_STATE_ID = 'LMS.LaunchData';
/** cmi5 section 11: the Agent Profile document of the learner's preferences. */
export const LEARNER_PREFERENCES_PROFILE_ID = 'cmi5LearnerPreferences';

export interface Cmi5Opening {
  client: LrsClient;
  launchData: LrsDocument;
  /** The learner's preferences: 200 with the document, or 404 when the learner has none. */
  preferences: LrsDocument;
  state: LrsDocument;
}

/** The parameters of one of the AU's State API documents (cmi5 10.0, 8.1.3): this learner, AU and registration. */
export const stateParams = (launch: Cmi5Launch, stateId: string) => ({ agent: launch.actor, activityId: launch.activityId, registration: launch.registration, stateId });

/** The token, then the three reads; fails when there is no token or the preferences cannot be read. */
export async function openCmi5Session(launch: Cmi5Launch, stateId: string): Promise<Cmi5Opening> {
  const token = await fetchToken(launch.fetchUrl);
  const client = new LrsClient({ endpoint: launch.endpoint, auth: `Basic ${token}` });
  const [launchData, preferences, state] = await Promise.all([
    client.getDocument('activities/state', stateParams(launch, LAUNCH_DATA_STATE_ID)),
    learnerPreferences(client, launch),
    client.getDocument('activities/state', stateParams(launch, stateId)),
  ]);
  return { client, launchData, preferences, state };
}

/** An LRS that cannot be reached is asked again before giving up. */
async function learnerPreferences(client: LrsClient, launch: Cmi5Launch): Promise<LrsDocument> {
  for (let tries = 0; ; tries++) {
    const doc = await client.getDocument('agents/profile', { agent: launch.actor, profileId: LEARNER_PREFERENCES_PROFILE_ID });
    if (doc.status === 200 || doc.status === 404) return doc;
    if (tries >= 2) throw new Error(`the learner preferences could not be read (${doc.status || 'unreachable'})`);
    await new Promise((r) => setTimeout(r, 500 * (tries + 1)));
  }
}

/** cmi5 step one: one POST to the fetch URL for the session's auth token. */
async function fetchToken(fetchUrl: string): Promise<string> {
  const res = await fetch(fetchUrl, { method: 'POST', credentials: 'omit' });
  const body = (await res.json()) as Record<string, unknown>;
  const token = body['auth-token'];
  if (!res.ok || typeof token !== 'string') throw new Error(`the cmi5 fetch URL gave no token (${String(body['error-text'] ?? res.status)})`);
  return token;
}

/** The opening the launch page began, until the tracker takes it. */
let begun: { fetchUrl: string; stateId: string; opening: Promise<Cmi5Opening> } | null = null;

/**
 * The opening for this launch and this unit's state: the one the launch page began (taken once),
 * or else a new one.
 */
export function cmi5Opening(launch: Cmi5Launch, stateId: string): Promise<Cmi5Opening> {
  const early = begun;
  begun = null;
  if (early && early.fetchUrl === launch.fetchUrl && early.stateId === stateId) return early.opening;
  return openCmi5Session(launch, stateId);
}

/** Begins the opening when this page is a cmi5 launch page (it names the unit's state) with usable launch parameters. */
function beginOnLaunchPage(): void {
  if (typeof document === 'undefined') return;
  const stateId = document.querySelector<HTMLMetaElement>('meta[name="ccl-cmi5-state"]')?.content;
  if (!stateId) return;
  const launch = readCmi5Launch(location.search);
  if (!launch.ok) return;
  const opening = openCmi5Session(launch.value, stateId);
  // A failure is the tracker's to handle when it takes the opening; until then it is not unhandled.
  opening.catch(() => undefined);
  begun = { fetchUrl: launch.value.fetchUrl, stateId, opening };
}

beginOnLaunchPage();
