import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

const AU = 'https://lms.example.org/courses/1/au/0';
const PUBLISHER_AU = 'https://w3id.org/contact-centre-learning/units/a-500-7158/au';
const REGISTRATION = '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d';
const ACTOR = { objectType: 'Agent', name: 'Ann', account: { homePage: 'https://lms.example.org', name: 'ann' } };
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const verb = (v: string) => ({ id: `http://adlnet.gov/expapi/verbs/${v}` });

/** An open session whose token has been fetched and whose learner preferences have been read. */
function session(overrides: Partial<Cmi5Session> = {}): Cmi5Session {
  const id = randomUUID();
  return {
    ...newSession({
      id,
      registration: REGISTRATION,
      actor: ACTOR,
      auId: AU,
      contextTemplate: { contextActivities: { grouping: [{ id: PUBLISHER_AU }] }, extensions: { [SESSION_EXT]: id } },
      launchMode: 'Normal',
      masteryScore: 0.8,
    }),
    tokenFetched: true,
    launchDataFetched: true,
    learnerPrefsFetched: true,
    ...overrides,
  };
}
const registrationAu = (overrides: Partial<Cmi5RegistrationAu> = {}): Cmi5RegistrationAu => ({ moveOn: 'CompletedAndPassed', attempted: false, completed: false, passed: false, satisfied: false, ...overrides });

type Json = Record<string, any>;

/** A statement that keeps every rule for its verb in the given session. */
function statement(s: Cmi5Session, v: string, extra: Json = {}): Json {
  const defined = ['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(v);
  const judged = ['completed', 'passed', 'failed'].includes(v);
  const result =
    v === 'completed' ? { completion: true, duration: 'PT5M' }
    : v === 'passed' ? { success: true, score: { scaled: 0.9 }, duration: 'PT5M' }
    : v === 'failed' ? { success: false, score: { scaled: 0.5 }, duration: 'PT5M' }
    : v === 'terminated' ? { duration: 'PT6M' }
    : undefined;
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    actor: ACTOR,
    verb: verb(v),
    object: { id: defined ? AU : `${PUBLISHER_AU}/q1`, objectType: 'Activity' },
    ...(result ? { result } : {}),
    context: {
      registration: s.registration,
      contextActivities: {
        grouping: [{ id: PUBLISHER_AU, objectType: 'Activity' }],
        ...(defined ? { category: [{ id: CMI5 }, ...(judged ? [{ id: MOVE_ON }] : [])] } : {}),
      },
      extensions: { ...s.contextTemplate.extensions, ...(v === 'passed' || v === 'failed' ? { [MASTERY_EXT]: 0.8 } : {}) },
    },
    ...extra,
  };
}

/** The requirement id a batch is refused with (undefined when accepted); accepted batches are applied. */
function judge(s: Cmi5Session, batch: Json | Json[], au = registrationAu()): string | undefined {
  try {
    applyStatements(checkStatements(batch, s, au), s, au);
    return undefined;
  } catch (e) {
    if (!(e instanceof Cmi5Refusal)) throw e;
    return e.violatedReqId ?? `(${e.status}, no id)`;
  }
}

/** A session that has been initialized, then changed by `overrides`. */
function initialized(overrides: Partial<Cmi5Session> = {}): Cmi5Session {
  const s = session({ launchMode: overrides.launchMode ?? 'Normal' });
  expect(judge(s, statement(s, 'initialized'))).toBeUndefined();
  return Object.assign(s, overrides);
}

const set = (o: Json, path: string, value: unknown): Json => {
  const copy = structuredClone(o);
  const keys = path.split('.');
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k];
  if (value === undefined) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return copy;
};

describe('a whole session that keeps the rules', () => {
  it('is accepted, and the registration is satisfied once completed and passed', () => {
    const s = session();
    const au = registrationAu();
    expect(judge(s, statement(s, 'initialized'), au)).toBeUndefined();
    expect(judge(s, [statement(s, 'experienced'), statement(s, 'answered')], au)).toBeUndefined();
    const verdict = checkStatements([statement(s, 'completed'), statement(s, 'passed')], s, au);
    expect(applyStatements(verdict, s, au)).toEqual({ nowSatisfied: true });
    expect(judge(s, statement(s, 'terminated'), au)).toBeUndefined();
    expect(s).toMatchObject({ initialized: true, completed: true, passed: true, terminated: true, durationSeconds: 360 });
    expect(au).toMatchObject({ attempted: true, completed: true, passed: true, satisfied: true });
  });

  it('accepts failed and terminated in one batch, and UTC written as +00:00', () => {
    const s = initialized();
    expect(judge(s, [statement(s, 'failed', { timestamp: '2026-12-01T10:00:00.000+00:00' }), statement(s, 'terminated')])).toBeUndefined();
  });
});

describe('each rule CATAPULT enforces, by its requirement id', () => {
  const cases: [string, string, () => [Cmi5Session, Json | Json[], Cmi5RegistrationAu?]][] = [
    ['11.0.0.0-3', 'statements before the learner preferences are read', () => { const s = session({ learnerPrefsFetched: false }); return [s, statement(s, 'initialized')]; }],
    ['4.1.0.0-1', 'a statement without an actor', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'actor', undefined)]; }],
    ['4.1.0.0-1', 'a verb without an id', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'verb', { display: { en: 'x' } })]; }],
    ['9.1.0.0-1', 'a statement without an id', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'id', undefined)]; }],
    ['6.3.0.0-1', 'voiding', () => { const s = initialized(); return [s, set(statement(s, 'answered'), 'verb', verb('voided'))]; }],
    ['9.7.0.0-1', 'no timestamp', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'timestamp', undefined)]; }],
    ['9.7.0.0-2', 'a timestamp not in UTC', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'timestamp', '2026-12-01T11:00:00.000+01:00')]; }],
    ['8.1.3.0-3', 'another actor', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'actor', { ...ACTOR, name: 'Someone else' })]; }],
    ['9.6.0.0-1', 'no context', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'context', undefined)]; }],
    ['10.2.1.0-6', 'no contextActivities', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'context.contextActivities', undefined)]; }],
    ['10.2.1.0-6', "the template's grouping left out", () => { const s = session(); return [s, set(statement(s, 'initialized'), 'context.contextActivities.grouping', [{ id: 'https://example.org/other' }])]; }],
    ['10.2.1.0-6', "another session's id (the context template of another session)", () => { const s = initialized(); return [s, set(statement(s, 'answered'), `context.extensions`, { [SESSION_EXT]: randomUUID() })]; }],
    ['9.6.2.2-2', 'the moveOn category on a cmi5 allowed statement', () => { const s = initialized(); return [s, set(statement(s, 'answered'), 'context.contextActivities.category', [{ id: MOVE_ON }])]; }],
    ['9.6.2.2-2', 'the moveOn category on initialized', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'context.contextActivities.category', [{ id: CMI5 }, { id: MOVE_ON }])]; }],
    ['9.6.1.0-1', 'no registration', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'context.registration', undefined)]; }],
    ['9.6.1.0-1', 'another registration', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'context.registration', randomUUID())]; }],
    ['9.6.3.1-4', 'no session id (where the template has none)', () => { const s = session({ contextTemplate: { contextActivities: { grouping: [{ id: PUBLISHER_AU }] } } }); return [s, set(statement(s, 'initialized'), 'context.extensions', {})]; }],
    ['9.3.0.0-4', 'a statement before initialized', () => { const s = session(); return [s, statement(s, 'answered')]; }],
    ['9.3.0.0-4', 'initialized in the same batch as what follows it (judged on the session before the batch)', () => { const s = session(); return [s, [statement(s, 'initialized'), statement(s, 'answered')]]; }],
    ['9.3.0.0-5', 'a statement after terminated', () => { const s = initialized({ terminated: true }); return [s, statement(s, 'answered')]; }],
    ['(403, no id)', 'a statement of an abandoned session', () => { const s = initialized({ abandoned: true }); return [s, statement(s, 'answered')]; }],
    ['9.2.0.0-2', 'a cmi5-defined statement by a Group', () => { const s = session({ actor: { ...ACTOR, objectType: 'Group' } }); return [s, set(statement(s, 'initialized'), 'actor', { ...ACTOR, objectType: 'Group' })]; }],
    ['9.2.0.0-3', 'a cmi5-defined statement by an agent without an account', () => { const who = { objectType: 'Agent', mbox: 'mailto:ann@example.org' }; const s = session({ actor: who }); return [s, set(statement(s, 'initialized'), 'actor', who)]; }],
    ['9.4.0.0-1', 'a cmi5-defined statement without an object id', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'object', { objectType: 'Activity' })]; }],
    ['8.1.5.0-6', 'a cmi5-defined statement about another activity than the launched AU', () => { const s = session(); return [s, set(statement(s, 'initialized'), 'object.id', PUBLISHER_AU)]; }],
    ['10.2.2.0-2', 'completed in Browse mode', () => { const s = initialized({ launchMode: 'Browse' }); return [s, statement(s, 'completed')]; }],
    ['10.2.2.0-3', 'passed in Review mode', () => { const s = initialized({ launchMode: 'Review' }); return [s, statement(s, 'passed')]; }],
    ['9.5.3.0-1', 'completed without a result', () => { const s = initialized(); return [s, set(statement(s, 'completed'), 'result', undefined)]; }],
    ['9.5.2.0-1', 'passed without a result', () => { const s = initialized(); return [s, set(statement(s, 'passed'), 'result', undefined)]; }],
    ['9.5.2.0-2', 'failed without a result', () => { const s = initialized(); return [s, set(statement(s, 'failed'), 'result', undefined)]; }],
    ['9.5.4.1-1', 'terminated without a result', () => { const s = initialized(); return [s, set(statement(s, 'terminated'), 'result', undefined)]; }],
    ['9.5.3.0-2', 'result.completion on passed', () => { const s = initialized(); return [s, set(statement(s, 'passed'), 'result.completion', true)]; }],
    ['9.5.3.0-1', 'completed with completion false', () => { const s = initialized(); return [s, set(statement(s, 'completed'), 'result.completion', false)]; }],
    ['9.5.2.0-3', 'result.success on completed', () => { const s = initialized(); return [s, set(statement(s, 'completed'), 'result.success', true)]; }],
    ['9.5.2.0-1', 'passed with success false', () => { const s = initialized(); return [s, set(statement(s, 'passed'), 'result.success', false)]; }],
    ['9.5.2.0-2', 'failed with success true', () => { const s = initialized(); return [s, set(statement(s, 'failed'), 'result.success', true)]; }],
    ['9.6.2.2-1', 'completed without the moveOn category', () => { const s = initialized(); return [s, set(statement(s, 'completed'), 'context.contextActivities.category', [{ id: CMI5 }])]; }],
    ['9.5.1.0-2', 'a score on terminated', () => { const s = initialized(); return [s, set(statement(s, 'terminated'), 'result.score', { scaled: 1 })]; }],
    ['9.5.1.0-3', 'a raw score without min and max', () => { const s = initialized(); return [s, set(statement(s, 'passed'), 'result.score', { scaled: 0.9, raw: 90 })]; }],
    ['9.6.3.2-2', 'passed without the masteryScore extension when the LMS set one', () => { const s = initialized(); return [s, set(statement(s, 'passed'), `context.extensions`, { [SESSION_EXT]: s.id })]; }],
    ['9.6.3.2-2', 'failed with another masteryScore than the LMS set', () => { const s = initialized(); return [s, set(statement(s, 'failed'), `context.extensions`, { [SESSION_EXT]: s.id, [MASTERY_EXT]: 0.75 })]; }],
    ['9.5.4.1-1', 'terminated without a duration', () => { const s = initialized(); return [s, set(statement(s, 'terminated'), 'result', { response: 'x' })]; }],
    ['9.5.4.1-2', 'completed without a duration', () => { const s = initialized(); return [s, set(statement(s, 'completed'), 'result.duration', undefined)]; }],
    ['9.5.4.1-3', 'passed without a duration', () => { const s = initialized(); return [s, set(statement(s, 'passed'), 'result.duration', undefined)]; }],
    ['9.5.4.1-4', 'failed without a duration', () => { const s = initialized(); return [s, set(statement(s, 'failed'), 'result.duration', undefined)]; }],
    ['9.3.0.0-2', 'initialized twice', () => { const s = initialized(); return [s, statement(s, 'initialized')]; }],
    ['9.3.0.0-2', 'initialized twice in one batch', () => { const s = session(); return [s, [statement(s, 'initialized'), statement(s, 'initialized')]]; }],
    ['9.3.0.0-2', 'terminated twice in one batch', () => { const s = initialized(); return [s, [statement(s, 'terminated'), statement(s, 'terminated')]]; }],
    ['9.3.0.0-2', 'completed twice in a session', () => { const s = initialized({ completed: true }); return [s, statement(s, 'completed')]; }],
    ['9.3.0.0-6', 'completed again in a later session of the registration', () => { const s = initialized(); return [s, statement(s, 'completed'), registrationAu({ completed: true })]; }],
    ['9.3.4.0-2', 'passed below the masteryScore', () => { const s = initialized(); return [s, set(statement(s, 'passed'), 'result.score', { scaled: 0.79 })]; }],
    ['9.3.0.0-2', 'passed twice in one batch', () => { const s = initialized(); return [s, [statement(s, 'passed'), statement(s, 'passed')]]; }],
    ['9.3.0.0-3', 'passed after failed in the session', () => { const s = initialized({ failed: true }); return [s, statement(s, 'passed')]; }],
    ['9.3.0.0-7', 'passed again in a later session of the registration', () => { const s = initialized(); return [s, statement(s, 'passed'), registrationAu({ passed: true })]; }],
    ['9.3.6.0-1', 'failed at the masteryScore', () => { const s = initialized(); return [s, set(statement(s, 'failed'), 'result.score', { scaled: 0.8 })]; }],
    ['9.3.0.0-2', 'failed twice in a session', () => { const s = initialized({ failed: true }); return [s, statement(s, 'failed')]; }],
    ['9.3.0.0-3', 'failed after passed in the same batch', () => { const s = initialized(); return [s, [statement(s, 'passed'), statement(s, 'failed')]]; }],
    ['9.3.0.0-8', 'failed in a later session once the registration is passed', () => { const s = initialized(); return [s, statement(s, 'failed'), registrationAu({ passed: true })]; }],
    ['9.3.0.0-1', 'another verb with the cmi5 category', () => { const s = initialized(); return [s, set(set(statement(s, 'answered'), 'context.contextActivities.category', [{ id: CMI5 }]), 'object.id', AU)]; }],
  ];
  it.each(cases)('%s: %s', (id, _what, make) => {
    const [s, batch, au] = make();
    expect(judge(s, batch, au)).toBe(id);
  });

  it('leaves the session as it was when a batch is refused', () => {
    const s = session();
    expect(judge(s, [statement(s, 'initialized'), statement(s, 'answered')])).toBe('9.3.0.0-4');
    expect(s.initialized).toBe(false);
  });

  it("words a refusal as CATAPULT does: id, the spec's words, the detail; a Boom 403 body", () => {
    const s = session({ learnerPrefsFetched: false });
    try {
      checkStatements(statement(s, 'initialized'), s, registrationAu());
      expect.unreachable();
    } catch (e) {
      expect((e as Cmi5Refusal).body()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: '11.0.0.0-3 - The AU MUST retrieve the Learner Preferences document from the Agent Profile on startup. ((Learner Prefs not yet retrieved))',
        violatedReqId: '11.0.0.0-3',
      });
    }
  });
});

describe('access to the LRS at all', () => {
  const access = (overrides: Partial<Cmi5Session>) => {
    try {
      checkSessionAccess(session(overrides));
      return undefined;
    } catch (e) {
      return (e as Cmi5Refusal).violatedReqId ?? `(${(e as Cmi5Refusal).status}, no id)`;
    }
  };
  it('needs the token fetched and the session open', () => {
    expect(access({})).toBeUndefined();
    expect(access({ tokenFetched: false })).toBe('8.1.2.0-2');
    expect(access({ terminated: true })).toBe('8.1.2.0-2');
    expect(access({ abandoned: true })).toBe('(403, no id)');
  });
});

describe('the document resources', () => {
  const q = (params: Record<string, string>) => new URLSearchParams(params);
  const agent = JSON.stringify(ACTOR);
  const doc = (resource: string, method: string, params: Record<string, string>, contentType?: string, payload?: unknown) => {
    try {
      return checkDocumentRequest(resource, method, q(params), contentType, payload, session());
    } catch (e) {
      return (e as Cmi5Refusal).violatedReqId ?? `(${(e as Cmi5Refusal).status}, no id)`;
    }
  };
  it('State: the launch actor and registration only; LMS.LaunchData is read-only', () => {
    expect(doc('activities/state', 'GET', { activityId: AU, agent, registration: REGISTRATION, stateId: 'LMS.LaunchData' })).toEqual({ launchData: true });
    expect(doc('activities/state', 'PUT', { activityId: AU, agent, registration: REGISTRATION, stateId: 'learner-state' })).toEqual({});
    expect(doc('activities/state', 'GET', { activityId: AU, agent: JSON.stringify({ ...ACTOR, name: 'Other' }), stateId: 's' })).toBe('8.1.3.0-3');
    expect(doc('activities/state', 'GET', { activityId: AU, agent, registration: randomUUID(), stateId: 's' })).toBe('8.1.4.0-3');
    expect(doc('activities/state', 'PUT', { activityId: AU, agent, registration: REGISTRATION, stateId: 'LMS.LaunchData' })).toBe('10.2.1.0-5');
    expect(doc('activities/state', 'GET', { activityId: AU, agent: 'not json', stateId: 's' })).toBe('(400, no id)');
  });
  it('Agent Profile: cmi5LearnerPreferences may be read, never changed', () => {
    const prefs = { agent, profileId: 'cmi5LearnerPreferences' };
    expect(doc('agents/profile', 'GET', prefs)).toEqual({ learnerPrefs: true });
    expect(doc('agents/profile', 'GET', { profileId: 'cmi5LearnerPreferences' })).toBe('11.0.0.0-1');
    expect(doc('agents/profile', 'GET', { ...prefs, agent: JSON.stringify({ mbox: 'mailto:x@example.org' }) })).toBe('8.1.3.0-3');
    expect(doc('agents/profile', 'PUT', prefs, 'text/plain', undefined)).toBe('11.0.0.0-5');
    expect(doc('agents/profile', 'PUT', prefs, 'application/json', { audioPreference: 'on' })).toBe('11.0.0.0-5');
    expect(doc('agents/profile', 'POST', prefs, 'application/json', { languagePreference: 'en-GB' })).toBe('11.0.0.0-5');
    expect(doc('agents/profile', 'PUT', prefs, 'application/json', { languagePreference: 'en GB', audioPreference: 'on' })).toBe('11.1.0.0-1');
    expect(doc('agents/profile', 'PUT', prefs, 'application/json', { languagePreference: 'en-GB,fr', audioPreference: 'on' })).toBe('(403, no id)');
    expect(doc('agents/profile', 'DELETE', prefs)).toBe('(403, no id)');
    expect(doc('agents/profile', 'PUT', { agent, profileId: 'something-else' }, 'application/json', {})).toEqual({});
  });
  it('reading the learner preferences counts whether the LRS has them (200) or not (404)', () => {
    for (const status of [200, 404]) {
      const s = session({ learnerPrefsFetched: false });
      applyDocumentResult({ learnerPrefs: true }, status, s);
      expect(s.learnerPrefsFetched).toBe(true);
    }
    const s = session({ learnerPrefsFetched: false, launchDataFetched: false });
    applyDocumentResult({ learnerPrefs: true }, 500, s);
    applyDocumentResult({ launchData: true }, 404, s);
    expect(s).toMatchObject({ learnerPrefsFetched: false, launchDataFetched: false });
  });
});
