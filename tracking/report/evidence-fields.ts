/**
 * What of a statement the report reads (report-statements.ts, the reader's paging and the
 * evidence store): its id, when it was stored and made, the actor's name and identifier, the
 * verb's id, the object (an answered question's definition in full, no other definition), the
 * result's success, score and response, the ids of the context's grouping and the time a
 * re-issued statement was first made. A page's statements cut to these cross from the worker that
 * read them (page-worker.ts) in a fraction of the time the whole statements would take.
 */
import { VERBS } from '../xapi/vocabulary.js';
import { isObject, isOriginalTimestamp, type Json } from './report-statements.js';

const ACTOR_FIELDS = ['objectType', 'name', 'account', 'mbox', 'mbox_sha1sum', 'openid'] as const;

/** Copies the fields of `from` that are present, and no others. */
function pick(from: Json, fields: readonly string[]): Json {
  const out: Json = {};
  for (const f of fields) if (from[f] !== undefined) out[f] = from[f];
  return out;
}

/** The statement cut to what the report reads of it; anything not an object is left as it is. */
export function evidenceFields(statement: unknown): unknown {
  if (!isObject(statement)) return statement;
  const out = pick(statement, ['id', 'stored', 'timestamp']);
  if (isObject(statement.actor)) out.actor = pick(statement.actor, ACTOR_FIELDS);
  else if (statement.actor !== undefined) out.actor = statement.actor;
  if (isObject(statement.verb)) out.verb = pick(statement.verb, ['id']);
  else if (statement.verb !== undefined) out.verb = statement.verb;
  if (isObject(statement.object)) {
    const answered = isObject(statement.verb) && statement.verb.id === VERBS.answered;
    out.object = pick(statement.object, answered ? ['objectType', 'id', 'definition'] : ['objectType', 'id']);
  } else if (statement.object !== undefined) out.object = statement.object;
  if (isObject(statement.result)) {
    const result = pick(statement.result, ['success', 'response']);
    if (isObject(statement.result.score)) result.score = pick(statement.result.score, ['scaled']);
    out.result = result;
  }
  if (isObject(statement.context)) {
    const { contextActivities, extensions } = statement.context;
    const context: Json = {};
    if (isObject(contextActivities) && Array.isArray(contextActivities.grouping))
      context.contextActivities = { grouping: contextActivities.grouping.map((a) => (isObject(a) ? pick(a, ['id']) : a)) };
    if (isObject(extensions)) {
      const first = Object.entries(extensions).filter(([k]) => isOriginalTimestamp(k));
      if (first.length) context.extensions = Object.fromEntries(first);
    }
    out.context = context;
  }
  return out;
}
