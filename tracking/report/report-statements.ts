import { ACTIVITY_TYPES, VERBS } from '../xapi/vocabulary.js';
import type { UnitIris } from './unit-catalogue.js';

/** The verb of a statement that voids another (xAPI 1.0.3, 2.4.8); the report reads it, the packages never send it. */
export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/** A learner as the LRS knows them: one actor (account or mbox), shown by name. */
export interface LearnerIdentity {
  /** Stable key of the actor's identifier (account homePage and name, mbox, …). */
  key: string;
  /** The actor's name, or the identifier when the statements carry no name. */
  name: string;
  /** The identifier shown beside the name: account name, email address, … */
  id: string;
  /** The actor as an LRS's agent filter takes it: its identifier alone. */
  agent: Record<string, unknown>;
}

/** A component of a question (a choice, a matching source or target, a step), with its text. */
export interface QuestionComponent {
  id: string;
  text: string;
}

/** The question as the answered statement describes it (its cmi.interaction definition). */
export interface AskedQuestion {
  /** Activity id of the question. */
  activityId: string;
  text: string;
  interactionType: string;
  choices: QuestionComponent[];
  source: QuestionComponent[];
  target: QuestionComponent[];
  /** A performance (call simulation) question's steps: what happened at each. */
  steps: QuestionComponent[];
  correctResponsesPattern: string[];
}

/** passed / failed on a criterion's objective: one knowledge check's verdict on that criterion. */
export interface CriterionJudgement {
  kind: 'judgement';
  statementId: string;
  learner: LearnerIdentity;
  criterion: string;
  passed: boolean;
  /** Score 0–1 in that check, when the statement gives one. */
  scaled: number | null;
  /** Milliseconds since the epoch (the statement's timestamp). */
  time: number;
}

/**
 * answered, as the grid needs it: which question, for which criteria, right or not, and when.
 * The statement's ids are enough for this, so the LRS is asked for these in its "ids" format.
 */
export interface AnswerMark {
  kind: 'answer';
  statementId: string;
  learner: LearnerIdentity;
  /** Codes of the criteria the question is evidence for. */
  criteria: string[];
  /** Activity id of the question. */
  questionId: string;
  /** True right, false wrong, null when the statement does not say. */
  success: boolean | null;
  time: number;
}

/** answered in full: the question as it was asked, and the learner's response. */
export interface AnsweredQuestion extends AnswerMark {
  question: AskedQuestion;
  /** The response in the xAPI / SCORM 2004 pattern format ("a[,]c", "1[.]b", "true", free text). */
  response: string;
}

/** What the evidence store keeps of a statement. */
export type ReportRecord = CriterionJudgement | AnswerMark;

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The extension a re-issued statement carries the time it was first made in (under the unit's base IRI). */
export const isOriginalTimestamp = (key: string) => key.endsWith('/extensions/original-timestamp');
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The text of a language map: en-GB, then any English, then whatever there is. */
export function languageText(map: unknown): string {
  if (!isObject(map)) return '';
  const entries = Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string');
  const pick = entries.find(([k]) => k.toLowerCase() === 'en-gb') ?? entries.find(([k]) => k.toLowerCase().startsWith('en')) ?? entries[0];
  return pick?.[1] ?? '';
}

/** The learner behind a statement's actor; null for groups and actors with no identifier. */
export function learnerOf(actor: unknown): LearnerIdentity | null {
  if (!isObject(actor) || actor.objectType === 'Group') return null;
  const name = str(actor.name)?.trim();
  const account = isObject(actor.account) ? actor.account : undefined;
  let key: string | undefined;
  let id: string | undefined;
  let agent: Record<string, unknown> = {};
  if (account && str(account.homePage) && str(account.name)) {
    key = `account ${account.homePage as string} ${account.name as string}`;
    id = account.name as string;
    agent = { account: { homePage: account.homePage, name: account.name } };
  } else if (str(actor.mbox)) {
    key = `mbox ${(actor.mbox as string).toLowerCase()}`;
    id = (actor.mbox as string).replace(/^mailto:/i, '');
    agent = { mbox: actor.mbox };
  } else if (str(actor.mbox_sha1sum)) {
    key = `sha1 ${actor.mbox_sha1sum as string}`;
    id = (actor.mbox_sha1sum as string).slice(0, 12);
    agent = { mbox_sha1sum: actor.mbox_sha1sum };
  } else if (str(actor.openid)) {
    key = `openid ${actor.openid as string}`;
    id = actor.openid as string;
    agent = { openid: actor.openid };
  }
  if (!key || !id) return null;
  return { key, id, name: name || id, agent: { objectType: 'Agent', ...agent } };
}

function components(list: unknown): QuestionComponent[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).flatMap((c) => (str(c.id) ? [{ id: c.id as string, text: languageText(c.description) || (c.id as string) }] : []));
}

/**
 * When it happened: the timestamp, or for a statement re-issued in a later cmi5 session (its first
 * session ended before it went out) the time it was first made, which it carries in an extension.
 */
function timeOf(s: Json): number | null {
  const context = isObject(s.context) ? s.context : {};
  const extensions = isObject(context.extensions) ? context.extensions : {};
  const first = Object.entries(extensions).find(([k]) => isOriginalTimestamp(k))?.[1];
  const t = Date.parse(str(first) ?? str(s.timestamp) ?? str(s.stored) ?? '');
  return Number.isFinite(t) ? t : null;
}

/**
 * Reads one statement as evidence for a unit, or returns null when it is not one this project
 * sends for that unit: passed / failed on one of the unit's criterion objectives, or answered on
 * one of the unit's questions (a cmi.interaction whose context groups it with the unit's criteria).
 * An answered statement in the LRS's "ids" format (no definition) is read as a mark; in full, with
 * the question and the response. Anything else (other verbs, other activities, other units,
 * groups, malformed statements) is ignored.
 */
export function readReportStatement(statement: unknown, iris: UnitIris): CriterionJudgement | AnswerMark | AnsweredQuestion | null {
  if (!isObject(statement) || !isObject(statement.verb) || !isObject(statement.object)) return null;
  const verb = str(statement.verb.id);
  const object = statement.object;
  const objectId = str(object.id);
  const statementId = str(statement.id);
  if (!verb || !objectId || !statementId || (object.objectType !== undefined && object.objectType !== 'Activity')) return null;
  const learner = learnerOf(statement.actor);
  const time = timeOf(statement);
  if (!learner || time === null) return null;
  const result = isObject(statement.result) ? statement.result : {};

  if (verb === VERBS.passed || verb === VERBS.failed) {
    const code = criterionCode(objectId, iris);
    if (code === null) return null;
    const score = isObject(result.score) && typeof result.score.scaled === 'number' ? result.score.scaled : null;
    return { kind: 'judgement', statementId, learner, criterion: code, passed: verb === VERBS.passed, scaled: score, time };
  }

  if (verb === VERBS.answered) {
    if (!objectId.startsWith(iris.questionsPrefix) || !objectId.includes('/questions/')) return null;
    const context = isObject(statement.context) ? statement.context : {};
    const activities = isObject(context.contextActivities) ? context.contextActivities : {};
    const grouping = Array.isArray(activities.grouping) ? activities.grouping : [];
    const criteria = [...new Set(grouping.flatMap((a) => (isObject(a) && str(a.id) ? [criterionCode(a.id as string, iris)] : [])).filter((c): c is string => c !== null))];
    if (criteria.length === 0) return null;
    const success = typeof result.success === 'boolean' ? result.success : null;
    const mark: AnswerMark = { kind: 'answer', statementId, learner, criteria, questionId: objectId, success, time };
    if (object.definition === undefined) return mark;
    const definition = isObject(object.definition) ? object.definition : {};
    const interactionType = str(definition.interactionType);
    if (definition.type !== ACTIVITY_TYPES.interaction || !interactionType) return null;
    return {
      ...mark,
      question: {
        activityId: objectId,
        text: languageText(definition.description) || languageText(definition.name) || objectId,
        interactionType,
        choices: components(definition.choices),
        source: components(definition.source),
        target: components(definition.target),
        steps: components(definition.steps),
        correctResponsesPattern: Array.isArray(definition.correctResponsesPattern) ? definition.correctResponsesPattern.filter((p): p is string => typeof p === 'string') : [],
      },
      response: typeof result.response === 'string' ? result.response : '',
    };
  }
  return null;
}

function criterionCode(activityId: string, iris: UnitIris): string | null {
  const prefix = `${iris.unit}/criteria/`;
  if (!activityId.startsWith(prefix)) return null;
  const code = activityId.slice(prefix.length);
  return iris.criteria.get(code) === activityId ? code : null;
}
