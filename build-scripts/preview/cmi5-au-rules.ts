import { createRequire } from 'node:module';

/**
 * The cmi5 AU rules that ADL's CATAPULT player enforces in its LRS proxy (service/plugins/routes/
 * lrs.js, commit 806c0ba), ported check for check and in the same order, so a refusal here names
 * the same requirement id, in the same words, as CATAPULT's would. Statements are judged against
 * the session as it was before their batch, as CATAPULT does; the session changes only once the
 * LRS has stored the batch (applyStatements).
 */

/** The cmi5 specification's requirement words, by id (npm @cmi5/requirements, as CATAPULT uses). */
const REQUIREMENTS = createRequire(import.meta.url)('@cmi5/requirements') as Record<string, { txt: string }>;

const CMI5_DEFINED = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const CMI5_MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
} as const;

/** The context template an LMS gives a session (LMS.LaunchData contextTemplate). */
export interface ContextTemplate {
  contextActivities?: Record<string, { id: string }[]>;
  extensions?: Record<string, unknown>;
  [property: string]: unknown;
}

/** What the LMS keeps about one launch session (CATAPULT's sessions table). */
export interface Cmi5Session {
  /** The session id (the sessionid extension of the context template). */
  id: string;
  registration: string;
  /** The launch actor, as the LMS sent it. */
  actor: unknown;
  /** The AU's activity id as the LMS launched it: the object of every cmi5-defined statement. */
  auId: string;
  contextTemplate: ContextTemplate;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number | undefined;
  tokenFetched: boolean;
  launchDataFetched: boolean;
  learnerPrefsFetched: boolean;
  initialized: boolean;
  completed: boolean;
  passed: boolean;
  failed: boolean;
  terminated: boolean;
  abandoned: boolean;
  /** Seconds of the session as the AU's terminated statement gave it. */
  durationSeconds?: number;
}

/** What the LMS keeps about the AU in the registration, across sessions (registrations_courses_aus). */
export interface Cmi5RegistrationAu {
  moveOn: 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
  attempted: boolean;
  completed: boolean;
  passed: boolean;
  satisfied: boolean;
}

/** A new session's state: launched, nothing fetched or sent yet. */
export function newSession(fields: Pick<Cmi5Session, 'id' | 'registration' | 'actor' | 'auId' | 'contextTemplate' | 'launchMode' | 'masteryScore'>): Cmi5Session {
  return { ...fields, tokenFetched: false, launchDataFetched: false, learnerPrefsFetched: false, initialized: false, completed: false, passed: false, failed: false, terminated: false, abandoned: false };
}

/** A refusal as CATAPULT answers it: a Boom error payload, with the requirement id when one is broken. */
export class Cmi5Refusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    message: string,
    readonly violatedReqId?: string,
  ) {
    super(message);
  }

  /** The JSON body CATAPULT sends: `{statusCode, error, message, violatedReqId?}`. */
  body(): { statusCode: number; error: string; message: string; violatedReqId?: string } {
    const error = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' }[this.status];
    return { statusCode: this.status, error, message: this.message, ...(this.violatedReqId ? { violatedReqId: this.violatedReqId } : {}) };
  }
}

/** A refusal naming a requirement: "<id> - <the spec's words> (<detail>)", as CATAPULT words it. */
export function violation(id: string, detail: string, status: 400 | 403 = 403): Cmi5Refusal {
  const requirement = REQUIREMENTS[id];
  if (!requirement) throw new Error(`Unrecognized requirement id: ${id}`);
  return new Cmi5Refusal(status, `${id} - ${requirement.txt} (${detail})`, id);
}

/** Deep equality regardless of key order (as @hapi/hoek deepEqual compares plain JSON). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function matchActor(provided: unknown, expected: unknown, detail: string): void {
  if (!deepEqual(provided, expected)) throw violation('8.1.3.0-3', detail);
}

/**
 * The statement's context must carry the template: each template context activity, by position
 * and id, and each other template property's entries with equal values. (Where a whole
 * contextActivities list is missing, CATAPULT fails with a 500; this names the rule instead.)
 */
function matchContextTemplate(provided: Record<string, unknown>, template: ContextTemplate): void {
  for (const prop of Object.keys(template)) {
    if (prop === 'contextActivities') {
      const expected = template.contextActivities ?? {};
      const given = (provided.contextActivities ?? {}) as Record<string, { id?: string }[] | undefined>;
      for (const k of Object.keys(expected)) {
        for (let i = 0; i < expected[k]!.length; i++) {
          const item = Array.isArray(given[k]) ? given[k]![i] : undefined;
          if (item === undefined || item.id !== expected[k]![i]!.id) throw violation('10.2.1.0-6', `context does not match template: '${prop}' '${k}' '${i}' value differs`);
        }
      }
    } else {
      const value = provided[prop] as Record<string, unknown> | undefined;
      if (value === undefined) throw violation('10.2.1.0-6', `context does not match template: '${prop}' missing`);
      for (const [k, v] of Object.entries((template[prop] ?? {}) as Record<string, unknown>)) {
        if (value[k] === undefined || !deepEqual(value[k], v)) throw violation('10.2.1.0-6', `context does not match template: '${prop}' '${k}' value differs`);
      }
    }
  }
}

/** What a statements request carries that the LMS acts on once the LRS has stored it. */
export interface StatementsVerdict {
  /** The cmi5-defined verbs of the batch, in order. */
  defined: string[];
  /** The duration the terminated statement gave, and the launch mode it counts for. */
  duration?: { mode: Cmi5Session['launchMode']; iso: string };
}

interface StatementShape {
  id?: string;
  actor?: { objectType?: string; account?: { name?: string; homePage?: string } };
  verb?: { id?: string };
  object?: { id?: string };
  timestamp?: string;
  result?: { completion?: boolean; success?: boolean; duration?: string; score?: { scaled?: number; raw?: number; min?: number; max?: number } };
  context?: {
    registration?: string;
    contextActivities?: { category?: { id: string }[]; [k: string]: unknown };
    extensions?: Record<string, unknown>;
    [k: string]: unknown;
  };
}

/**
 * Judges a POST or PUT to the statements resource (one statement or an array) against the
 * session and registration as they were before it; throws the first broken rule as CATAPULT does.
 */
export function checkStatements(payload: unknown, session: Cmi5Session, au: Cmi5RegistrationAu): StatementsVerdict {
  if (!session.learnerPrefsFetched) throw violation('11.0.0.0-3', '(Learner Prefs not yet retrieved)');
  const statements = (Array.isArray(payload) ? payload : [payload]) as StatementShape[];
  const verdict: StatementsVerdict = { defined: [] };
  for (const st of statements) {
    if (!st || typeof st !== 'object') throw violation('4.1.0.0-1', 'Invalid statement: not an object', 400);
    for (const prop of ['actor', 'verb', 'object'] as const) if (st[prop] === undefined) throw violation('4.1.0.0-1', `Invalid statement missing: ${prop}`, 400);
    const verbId = st.verb!.id;
    if (verbId === undefined) throw violation('4.1.0.0-1', 'Invalid statement missing: verb.id', 400);
    if (st.id === undefined) throw violation('9.1.0.0-1', 'Statement id missing');
    if (verbId === VERB.voided) throw violation('6.3.0.0-1', st.id);
    if (st.timestamp === undefined) throw violation('9.7.0.0-1', st.id);
    // UTC is "Z", "+00:00", "+0000" or "+00".
    if (!/(Z|\+00:?(?:00)?)$/.test(st.timestamp)) throw violation('9.7.0.0-2', st.id);
    matchActor(st.actor, session.actor, st.id);
    const context = st.context;
    if (!context) throw violation('9.6.0.0-1', `no context: ${st.id}`);
    if (!context.contextActivities) throw violation('10.2.1.0-6', `no contextActivities: ${st.id}`);
    matchContextTemplate(context, session.contextTemplate);
    const categories = Array.isArray(context.contextActivities.category) ? context.contextActivities.category : undefined;
    const hasCategory = (id: string) => categories?.some((c) => c.id === id) ?? false;
    if (hasCategory(CMI5_MOVE_ON) && (!hasCategory(CMI5_DEFINED) || (verbId !== VERB.passed && verbId !== VERB.failed && verbId !== VERB.completed))) throw violation('9.6.2.2-2', st.id);
    if (!context.registration) throw violation('9.6.1.0-1', `registration missing in ${st.id}`);
    if (context.registration !== session.registration) throw violation('9.6.1.0-1', `registration does not match in ${st.id}`);
    if (!context.extensions || !context.extensions[SESSION_ID]) throw violation('9.6.3.1-4', st.id);
    if (!session.initialized && verbId !== VERB.initialized) throw violation('9.3.0.0-4', st.id);
    if (session.terminated) throw violation('9.3.0.0-5', st.id);
    // Not named as a violation: the AU cannot know its session was abandoned.
    if (session.abandoned) throw new Cmi5Refusal(403, `9.3.6.0-2 - ${REQUIREMENTS['9.3.6.0-2']!.txt} (${st.id})`);

    if (!hasCategory(CMI5_DEFINED)) continue; // a cmi5 allowed statement: nothing more to check

    if (st.actor!.objectType !== undefined && st.actor!.objectType !== 'Agent') throw violation('9.2.0.0-2', st.id);
    if (st.actor!.account?.name === undefined || st.actor!.account?.homePage === undefined) throw violation('9.2.0.0-3', st.id);
    if (st.object!.id === undefined) throw violation('9.4.0.0-1', st.id);
    if (st.object!.id !== session.auId) throw violation('8.1.5.0-6', st.id);
    const judging = verbId === VERB.completed || verbId === VERB.passed || verbId === VERB.failed;
    if (session.launchMode === 'Browse' && judging) throw violation('10.2.2.0-2', st.id);
    if (session.launchMode === 'Review' && judging) throw violation('10.2.2.0-3', st.id);

    const result = st.result;
    if (!result) {
      if (verbId === VERB.completed) throw violation('9.5.3.0-1', st.id);
      if (verbId === VERB.passed) throw violation('9.5.2.0-1', st.id);
      if (verbId === VERB.failed) throw violation('9.5.2.0-2', st.id);
      if (verbId === VERB.terminated) throw violation('9.5.4.1-1', st.id);
    } else {
      if (result.completion !== undefined && verbId !== VERB.completed) throw violation('9.5.3.0-2', st.id);
      if (verbId === VERB.completed && result.completion !== true) throw violation('9.5.3.0-1', st.id);
      if (result.success !== undefined && verbId !== VERB.passed && verbId !== VERB.failed) throw violation('9.5.2.0-3', st.id);
      if (verbId === VERB.passed && result.success !== true) throw violation('9.5.2.0-1', st.id);
      if (verbId === VERB.failed && result.success !== false) throw violation('9.5.2.0-2', st.id);
      if ((result.completion !== undefined || result.success !== undefined) && !hasCategory(CMI5_MOVE_ON)) throw violation('9.6.2.2-1', st.id);
      if (result.score) {
        if (verbId !== VERB.passed && verbId !== VERB.failed) throw violation('9.5.1.0-2', st.id);
        if (result.score.raw && (result.score.min === undefined || result.score.max === undefined)) throw violation('9.5.1.0-3', st.id);
        if (session.masteryScore) {
          const given = context.extensions[MASTERY_SCORE];
          if (given === undefined) throw violation('9.6.3.2-2', `extension missing ${st.id}`);
          if (given !== session.masteryScore) throw violation('9.6.3.2-2', `extension value '${String(given)}' does not match session value '${session.masteryScore}' in ${st.id}`);
        }
      }
      if (result.duration === undefined) {
        if (verbId === VERB.terminated) throw violation('9.5.4.1-1', st.id);
        if (verbId === VERB.completed) throw violation('9.5.4.1-2', st.id);
        if (verbId === VERB.passed) throw violation('9.5.4.1-3', st.id);
        if (verbId === VERB.failed) throw violation('9.5.4.1-4', st.id);
      } else if (verbId === VERB.terminated) verdict.duration = { mode: session.launchMode, iso: result.duration };
    }

    const inBatch = (v: string) => verdict.defined.includes(v);
    const scaled = result?.score?.scaled;
    switch (verbId) {
      case VERB.initialized:
        if (session.initialized || inBatch(VERB.initialized)) throw violation('9.3.0.0-2', `Already initialized: ${st.id}`);
        break;
      case VERB.terminated:
        if (inBatch(VERB.terminated)) throw violation('9.3.0.0-2', `Already terminated: ${st.id}`);
        break;
      case VERB.completed:
        if (session.completed || inBatch(VERB.completed)) throw violation('9.3.0.0-2', `Already completed: ${st.id}`);
        if (au.completed) throw violation('9.3.0.0-6', `Already completed: ${st.id}`);
        break;
      case VERB.passed:
        if (session.masteryScore && result?.score && scaled !== undefined && scaled < session.masteryScore) throw violation('9.3.4.0-2', `Score '${scaled}' less than mastery score '${session.masteryScore}': ${st.id}`);
        if (session.passed || inBatch(VERB.passed)) throw violation('9.3.0.0-2', `Already passed: ${st.id}`);
        if (session.failed || inBatch(VERB.failed)) throw violation('9.3.0.0-3', `Already failed: ${st.id}`);
        if (au.passed) throw violation('9.3.0.0-7', `Already passed: ${st.id}`);
        break;
      case VERB.failed:
        if (session.masteryScore && result?.score && scaled !== undefined && scaled >= session.masteryScore) throw violation('9.3.6.0-1', `Score '${scaled}' greater than or equal to mastery score '${session.masteryScore}': ${st.id}`);
        if (session.failed || inBatch(VERB.failed)) throw violation('9.3.0.0-2', `Already failed: ${st.id}`);
        if (session.passed || inBatch(VERB.passed)) throw violation('9.3.0.0-3', `Already passed: ${st.id}`);
        if (au.passed) throw violation('9.3.0.0-8', `Already passed: ${st.id}`);
        break;
      default:
        throw violation('9.3.0.0-1', `Unrecognized cmi5 defined statement: ${verbId} - ${st.id}`);
    }
    verdict.defined.push(verbId);
  }
  return verdict;
}

/** Seconds in an ISO 8601 duration (PnDTnHnMnS, as AUs send it); undefined when it is not one. */
function durationSeconds(iso: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return undefined;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return d! * 86400 + h! * 3600 + min! * 60 + s!;
}

/**
 * Records what a batch the LRS has stored means for the session and the registration (after a
 * 200 or 204, as CATAPULT does); returns whether the AU became satisfied by it.
 */
export function applyStatements(verdict: StatementsVerdict, session: Cmi5Session, au: Cmi5RegistrationAu): { nowSatisfied: boolean } {
  let nowSatisfied = false;
  for (const verbId of verdict.defined) {
    switch (verbId) {
      case VERB.initialized:
        session.initialized = true;
        if (session.launchMode === 'Normal') au.attempted = true;
        break;
      case VERB.terminated:
        session.terminated = true;
        break;
      case VERB.completed:
        session.completed = true;
        au.completed = true;
        if (!au.satisfied && (au.moveOn === 'Completed' || au.moveOn === 'CompletedOrPassed' || (au.moveOn === 'CompletedAndPassed' && au.passed))) nowSatisfied = true;
        break;
      case VERB.passed:
        session.passed = true;
        au.passed = true;
        if (!au.satisfied && (au.moveOn === 'Passed' || au.moveOn === 'CompletedOrPassed' || (au.moveOn === 'CompletedAndPassed' && au.completed))) nowSatisfied = true;
        break;
      case VERB.failed:
        session.failed = true;
        break;
    }
  }
  if (verdict.duration) {
    const seconds = durationSeconds(verdict.duration.iso);
    if (seconds !== undefined) session.durationSeconds = seconds;
  }
  if (nowSatisfied) au.satisfied = true;
  return { nowSatisfied };
}

/** Which documents of the LMS a request to the document resources reads (what the LMS tracks). */
export interface DocumentVerdict {
  launchData?: true;
  learnerPrefs?: true;
}

/**
 * Judges a request to activities/state, agents or agents/profile as CATAPULT does: always the
 * launch actor, the launch registration, LMS.LaunchData read-only, and cmi5LearnerPreferences
 * readable but never changed by the AU. `method` is the HTTP method; `payload` the parsed body.
 */
export function checkDocumentRequest(resource: string, method: string, query: URLSearchParams, contentType: string | undefined, payload: unknown, session: Cmi5Session): DocumentVerdict {
  const m = method.toLowerCase();
  const agentParameter = (): unknown => {
    try {
      return JSON.parse(query.get('agent') ?? '');
    } catch (e) {
      throw new Cmi5Refusal(400, `Failed to parse JSON from agent parameter: ${String(e)}`);
    }
  };
  if (resource === 'activities/state') {
    const detail = `state request: ${query.get('stateId')}`;
    matchActor(agentParameter(), session.actor, detail);
    const registration = query.get('registration');
    if (registration && registration !== session.registration) throw violation('8.1.4.0-3', detail);
    if (query.get('stateId') === 'LMS.LaunchData') {
      if (m === 'get') return { launchData: true };
      throw violation('10.2.1.0-5', m);
    }
    return {};
  }
  if (resource === 'agents') {
    matchActor(agentParameter(), session.actor, 'agents request');
    return {};
  }
  if (resource === 'agents/profile') {
    if (!query.has('agent')) throw violation('11.0.0.0-1', "'agent' parameter missing", 400);
    matchActor(agentParameter(), session.actor, `agents/profile request: ${query.get('profileId')}`);
    if (query.get('profileId') !== 'cmi5LearnerPreferences') return {};
    if (m === 'get') return { learnerPrefs: true };
    if (m === 'delete') throw new Cmi5Refusal(403, 'Rejected request to delete the learner preferences Agent Profile document');
    if (m === 'put' || m === 'post') {
      if (!contentType?.startsWith('application/json')) throw violation('11.0.0.0-5', `Content-Type is not application/json: ${contentType}`);
      const prefs = (payload ?? {}) as { languagePreference?: unknown; audioPreference?: unknown };
      if (prefs.languagePreference === undefined) throw violation('11.0.0.0-5', "'languagePreference' property missing");
      if (prefs.audioPreference === undefined) throw violation('11.0.0.0-5', "'audioPreference' property missing");
      if (!/^[-A-Za-z0-9]+(?:,[-A-Za-z0-9]+)*$/.test(String(prefs.languagePreference))) throw violation('11.1.0.0-1', `'languagePreference' value invalid: '${String(prefs.languagePreference)}'`);
      throw new Cmi5Refusal(403, 'Rejected request to alter the learner preferences Agent Profile document');
    }
  }
  return {};
}

/** Records what a document request that the LRS answered means for the session. */
export function applyDocumentResult(verdict: DocumentVerdict, status: number, session: Cmi5Session): void {
  if (verdict.launchData && status === 200) session.launchDataFetched = true;
  if (verdict.learnerPrefs && (status === 200 || status === 404)) session.learnerPrefsFetched = true;
}

/**
 * Whether the session may use the LRS at all (CATAPULT's proxied-lrs authentication): its token
 * fetched, and the session neither terminated nor abandoned. An abandoned session is refused
 * without naming a violation: the AU cannot know it was abandoned.
 */
export function checkSessionAccess(session: Cmi5Session): void {
  if (!session.tokenFetched) throw violation('8.1.2.0-2', 'Token not yet fetched');
  if (session.terminated) throw violation('8.1.2.0-2', 'Session terminated');
  if (session.abandoned) throw new Cmi5Refusal(403, `8.1.2.0-2 - ${REQUIREMENTS['8.1.2.0-2']!.txt} (Session abandoned)`);
}
