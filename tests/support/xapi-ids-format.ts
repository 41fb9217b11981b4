/**
 * A statement as an LRS sends it when asked with format=ids (xAPI 1.0.3, 2.1.3), as Learning
 * Locker's statements service does it (its service/utils/idsFormat): an Agent by its identifier
 * alone (no name, no objectType), the verb and every activity by id alone. For fake LRSs in tests.
 */
type Json = Record<string, unknown>;

const actorByIds = (actor: Json): Json => {
  const ifi = (['account', 'mbox', 'mbox_sha1sum', 'openid'] as const).find((k) => actor[k] !== undefined);
  return { ...(actor.objectType !== undefined && actor.objectType !== 'Agent' ? { objectType: actor.objectType } : {}), ...(ifi ? { [ifi]: actor[ifi] } : {}) };
};
const activityByIds = (a: unknown): Json => ({ id: (a as { id: string }).id });

export function statementByIds(statement: object): Json {
  const s = statement as Json;
  const context = (s.context ?? undefined) as { contextActivities?: Record<string, unknown[]> } | undefined;
  return {
    ...s,
    actor: actorByIds(s.actor as Json),
    verb: { id: (s.verb as { id: string }).id },
    object: activityByIds(s.object),
    ...(context
      ? { context: { ...context, contextActivities: Object.fromEntries(Object.entries(context.contextActivities ?? {}).map(([k, v]) => [k, v.map(activityByIds)])) } }
      : {}),
  };
}
