import type { Activity as ContextActivity, Context, InteractionActivityDefinition, InteractionComponent, Statement } from '@xapi/xapi';
import { criterionInWords, type CourseData, type LessonData, type QuestionData } from '../learner-model/course-data.js';
import { correctPatterns, formatResponse, interactionComponents, interactionType } from '../learner-model/question-kinds/index.js';
import type { Component } from '../learner-model/question-kinds/kind.js';
import { isoDuration } from '../iso-duration.js';
import type { AnsweredQuestion, NoteEvidence } from '../tracker.js';
import { ACTIVITY_TYPES, CMI5, VERBS, activityIris, type VerbName } from './vocabulary.js';
import { newUuid } from './uuid.js';

export type Actor = NonNullable<Statement['actor']>;

export interface StatementSettings {
  actor: Actor;
  registration: string;
  /** cmi5: the LMS's context template and the AU's activity id; absent for SCORM with xAPI. */
  cmi5?: { contextTemplate: Context; auId: string; masteryScore?: number };
  /** The language the learner experiences the unit in (the statements' context.language). */
  language?: string;
}

/** The language the content is written in: every name and description in the statements. */
export const CONTENT_LANGUAGE = 'en-GB';
const text = (s: string) => ({ [CONTENT_LANGUAGE]: s });

/**
 * Makes the xAPI 1.0.3 statements of one learner's session. Every statement gets its id and
 * timestamp here, once, so resending it can never make a duplicate; timestamps strictly
 * increase within a session, so an LRS that orders by timestamp keeps the session's order.
 */
export class StatementFactory {
  readonly iris;
  private lastTime = 0;
  constructor(
    private readonly course: CourseData,
    private readonly settings: StatementSettings,
  ) {
    this.iris = activityIris(course);
  }

  /** An ISO timestamp at `at` or, if that is not later than the last one given, 1 ms after it. */
  private stamp(at: Date = new Date()): string {
    this.lastTime = Math.max(at.getTime(), this.lastTime + 1);
    return new Date(this.lastTime).toISOString();
  }

  private unitActivity(): ContextActivity {
    return {
      objectType: 'Activity',
      id: this.iris.unit,
      definition: {
        type: ACTIVITY_TYPES.course,
        name: text(`${this.course.unit.title} (${this.course.unit.reference})`),
      },
    };
  }

  private outcomeActivity(n: number): ContextActivity {
    const o = this.course.outcomes.find((x) => x.number === n)!;
    return {
      objectType: 'Activity',
      id: this.iris.outcome(n),
      definition: { type: ACTIVITY_TYPES.module, name: text(`${this.course.unit.terms.outcome} ${n}: ${o.title}`) },
    };
  }

  criterionActivity(code: string): ContextActivity {
    const c = this.course.outcomes.flatMap((o) => o.criteria).find((x) => x.code === code)!;
    return {
      objectType: 'Activity',
      id: this.iris.criterion(code),
      definition: { type: ACTIVITY_TYPES.objective, name: text(`${code} ${criterionInWords(c)}`), description: text(criterionInWords(c)) },
    };
  }

  /** Context: registration, platform, language, parent outcome, grouping unit (and criteria); cmi5's template merged in. */
  private context(options: { outcome?: number; criteria?: string[]; categories?: string[] } = {}): Context {
    const categories = (options.categories ?? []).map((id) => ({ objectType: 'Activity' as const, id }));
    return this.withTemplate({
      registration: this.settings.registration,
      platform: 'Contact-centre learning package',
      language: this.settings.language ?? CONTENT_LANGUAGE,
      contextActivities: {
        ...(options.outcome !== undefined ? { parent: [this.outcomeActivity(options.outcome)] } : {}),
        grouping: [this.unitActivity(), ...(options.criteria ?? []).map((c) => this.criterionActivity(c))],
        ...(categories.length ? { category: categories } : {}),
      },
    });
  }

  /**
   * The cmi5 context template applied to a context (cmi5 10.2.1): its values win, its activities
   * come first in each list, and the context's own follow.
   */
  private withTemplate(context: Context): Context {
    const template = this.settings.cmi5?.contextTemplate;
    if (!template) return context;
    const lists: Record<string, ContextActivity[]> = {};
    for (const key of new Set([...Object.keys(template.contextActivities ?? {}), ...Object.keys(context.contextActivities ?? {})])) {
      const fromTemplate = asList((template.contextActivities as Record<string, unknown> | undefined)?.[key]);
      const own = asList((context.contextActivities as Record<string, unknown> | undefined)?.[key]).filter((a) => !fromTemplate.some((t) => t.id === a.id));
      lists[key] = [...fromTemplate, ...own];
    }
    const extensions = { ...context.extensions, ...template.extensions };
    return { ...context, ...template, contextActivities: lists, ...(Object.keys(extensions).length ? { extensions } : {}) };
  }

  /**
   * A statement made in an earlier cmi5 session of this registration that never reached the LMS,
   * re-issued in this session: the same id, verb, object and result, this session's context, a
   * timestamp in this session's order, and the time it was first made in an extension.
   */
  reissue(s: Statement): Statement {
    const { [CMI5.sessionId]: _session, [CMI5.masteryScore]: mastery, ...extensions } = s.context?.extensions ?? {};
    void _session;
    // A passed or failed carries this session's masteryScore (cmi5 9.6.3.2-2).
    const masteryScore = this.settings.cmi5?.masteryScore;
    if (mastery !== undefined && masteryScore !== undefined) extensions[CMI5.masteryScore] = masteryScore;
    const first = typeof extensions[this.iris.originalTimestamp] === 'string' ? extensions[this.iris.originalTimestamp] : s.timestamp;
    const context = this.withTemplate({ ...s.context, extensions: { ...extensions, [this.iris.originalTimestamp]: first } });
    return { ...s, actor: this.settings.actor, context, timestamp: this.stamp() };
  }

  private make(verb: VerbName, object: Statement['object'], context: Context, result?: Statement['result'], at?: Date): Statement {
    return {
      id: newUuid(),
      actor: this.settings.actor,
      verb: { id: VERBS[verb], display: text(verb) },
      object,
      ...(result ? { result } : {}),
      context,
      timestamp: this.stamp(at),
    };
  }

  /** The unit itself as the statement object (the AU in cmi5). */
  private unitObject(): Statement['object'] {
    const cmi5 = this.settings.cmi5;
    return cmi5 ? { objectType: 'Activity', id: cmi5.auId } : this.unitActivity();
  }

  /** initialized / resumed / suspended / terminated. cmi5 sessions use initialized and terminated only. */
  session(verb: 'initialized' | 'resumed' | 'suspended' | 'terminated', sessionMs?: number): Statement {
    const cmi5 = this.settings.cmi5 !== undefined && (verb === 'initialized' || verb === 'terminated');
    return this.make(
      verb,
      this.unitObject(),
      this.context({ categories: cmi5 ? [CMI5.category] : [] }),
      sessionMs !== undefined && verb !== 'initialized' && verb !== 'resumed' ? { duration: isoDuration(sessionMs) } : undefined,
    );
  }

  lessonExperienced(lesson: LessonData): Statement {
    return this.make(
      'experienced',
      { objectType: 'Activity', id: this.iris.lesson(lesson.id), definition: { type: ACTIVITY_TYPES.lesson, name: text(lesson.title) } },
      this.context({ outcome: lesson.outcome, criteria: lesson.criteria }),
    );
  }

  answered(a: AnsweredQuestion, outcome: number): Statement {
    const q = a.question;
    return this.make(
      'answered',
      { objectType: 'Activity', id: this.iris.question(outcome, q.id), definition: interactionDefinition(q) },
      this.context({ outcome, criteria: q.criteria }),
      {
        response: formatResponse(q, a.response, 'xapi'),
        success: a.correct,
        duration: isoDuration(a.latencyMs),
      },
      a.timestamp,
    );
  }

  /** A note written while answering (a simulation's case note): answered, with the text as the response and no verdict. */
  note(a: AnsweredQuestion, outcome: number, note: NoteEvidence): Statement {
    const q = a.question;
    const definition: InteractionActivityDefinition = {
      type: ACTIVITY_TYPES.interaction,
      name: text(`${q.id}-${note.turn}`),
      description: text(`Case note: ${q.stemText}`),
      interactionType: 'long-fill-in',
    };
    return this.make(
      'answered',
      { objectType: 'Activity', id: this.iris.question(outcome, `${q.id}-${note.turn}`), definition },
      this.context({ outcome, criteria: note.criteria }),
      { response: note.text },
      a.timestamp,
    );
  }

  /** passed / failed on a criterion's objective, with the scaled score of the check just taken. */
  criterionJudged(code: string, outcome: number, score: number, passed: boolean): Statement {
    return this.make(
      passed ? 'passed' : 'failed',
      this.criterionActivity(code),
      this.context({ outcome }),
      { success: passed, score: { scaled: score / 100, raw: score, min: 0, max: 100 } },
    );
  }

  /** completed on the unit (cmi5: with the moveOn category). */
  unitCompleted(sessionMs: number): Statement {
    const cmi5 = this.settings.cmi5 !== undefined;
    return this.make(
      'completed',
      this.unitObject(),
      this.context({ categories: cmi5 ? [CMI5.category, CMI5.moveOn] : [] }),
      { completion: true, duration: isoDuration(sessionMs) },
    );
  }

  /** passed / failed on the unit, with the unit score (cmi5: the LMS's masteryScore in context). */
  unitJudged(passed: boolean, score: number, sessionMs: number): Statement {
    const cmi5 = this.settings.cmi5;
    const context = this.context({ categories: cmi5 ? [CMI5.category, CMI5.moveOn] : [] });
    // cmi5 9.6.3.2-2: the masteryScore the LMS gave, exactly as given.
    if (cmi5?.masteryScore !== undefined) context.extensions = { ...context.extensions, [CMI5.masteryScore]: cmi5.masteryScore };
    return this.make(passed ? 'passed' : 'failed', this.unitObject(), context, {
      success: passed,
      score: { scaled: score / 100, raw: score, min: 0, max: 100 },
      duration: isoDuration(sessionMs),
    });
  }
}

/** The question as a cmi.interaction activity: type, choices / source / target / steps, correct pattern. */
export function interactionDefinition(q: QuestionData) {
  const lists = Object.fromEntries(
    Object.entries(interactionComponents(q)).map(([key, items]: [string, Component[]]) => [key, items.map((c): InteractionComponent => ({ id: c.id, description: text(c.text) }))]),
  );
  return {
    type: ACTIVITY_TYPES.interaction,
    name: text(q.id),
    description: text(q.stemText),
    interactionType: interactionType(q),
    correctResponsesPattern: correctPatterns(q, 'xapi'),
    ...lists,
  };
}

function asList(v: unknown): ContextActivity[] {
  if (Array.isArray(v)) return v as ContextActivity[];
  return v && typeof v === 'object' ? [v as ContextActivity] : [];
}
