import type { CourseData, CriterionData, OutcomeData } from '../learner-model/course-data.js';

/**
 * What the tutor report knows about each unit, embedded in its page at build time: the unit's
 * outcomes and criteria (code and wording), and the base IRI the packages' activity ids hang off.
 */
export interface UnitCatalogue {
  baseIri: string;
  units: CatalogueUnit[];
}

/** A unit as the packages describe it, less its teaching: terms are the awarding body's words for an outcome and a criterion. */
export type CatalogueUnit = Pick<CourseData['unit'], 'id' | 'awardingBody' | 'title' | 'reference' | 'level' | 'credit' | 'terms'> & {
  outcomes: CatalogueOutcome[];
};

export type CatalogueOutcome = Pick<OutcomeData, 'number' | 'title'> & { criteria: Pick<CriterionData, 'code' | 'text'>[] };

/** The catalogue of the units a build holds (all built with one base IRI). */
export function catalogueFromCourses(courses: CourseData[]): UnitCatalogue {
  return {
    baseIri: courses[0]?.settings.baseIri ?? '',
    units: courses.map((c) => ({
      id: c.unit.id,
      awardingBody: c.unit.awardingBody,
      title: c.unit.title,
      reference: c.unit.reference,
      level: c.unit.level,
      credit: c.unit.credit,
      terms: c.unit.terms,
      outcomes: c.outcomes.map((o) => ({ number: o.number, title: o.title, criteria: o.criteria.map(({ code, text }) => ({ code, text })) })),
    })),
  };
}

/** The activity ids of one unit, as the packages send them (see tracking/xapi/vocabulary.ts). */
export interface UnitIris {
  unit: string;
  /** Every criterion's objective activity id, by code. */
  criteria: Map<string, string>;
  /** Prefix of the unit's question activity ids: `<unit>/outcomes/`. */
  questionsPrefix: string;
}

export function unitIris(baseIri: string, unit: CatalogueUnit): UnitIris {
  const unitIri = `${baseIri}/units/${unit.id}`;
  return {
    unit: unitIri,
    criteria: new Map(unit.outcomes.flatMap((o) => o.criteria.map((c) => [c.code, `${unitIri}/criteria/${c.code}`] as const))),
    questionsPrefix: `${unitIri}/outcomes/`,
  };
}

/** Every criterion of a unit in order, with its outcome's number. */
export function criteriaOf(unit: CatalogueUnit): { code: string; text: string; outcome: number }[] {
  return unit.outcomes.flatMap((o) => o.criteria.map((c) => ({ ...c, outcome: o.number })));
}
