/**
 * The course data a launch page carries: one unit, rendered at build time.
 * Shared by the build (which writes it) and the player (which reads it).
 */

/** The question kinds' data types (each kind's module defines its own). */
export type * from './question-kinds/index.js';
import type { QuestionData } from './question-kinds/index.js';

export interface CriterionData {
  code: string;
  text: string;
  range?: string[];
}

/** A criterion's whole wording: its text and, when it lists things ("such as:"), the list. */
export const criterionInWords = (c: CriterionData): string => (c.range?.length ? `${c.text} ${c.range.join('; ')}` : c.text);

export interface LessonData {
  id: string;
  outcome: number;
  title: string;
  criteria: string[];
  /** Minutes a learner needs for it (reading, and answering its try-its). */
  minutes: number;
  /** Sanitised HTML. */
  html: string;
}

export interface OutcomeData {
  number: number;
  title: string;
  criteria: CriterionData[];
  lessons: LessonData[];
  questions: QuestionData[];
}

export interface GlossaryEntry {
  term: string;
  /** Anchor id used by lesson links to this term. */
  slug: string;
  definition: string;
}

export interface CourseData {
  unit: {
    id: string;
    awardingBody: string;
    title: string;
    reference: string;
    level: string;
    credit: string;
    guidedLearningHours?: number;
    terms: { outcome: string; criterion: string };
    purpose: string;
  };
  /** Sanitised HTML of "How this unit is assessed". */
  assessment: { title: string; html: string };
  outcomes: OutcomeData[];
  glossary: GlossaryEntry[];
  settings: {
    passMark: number;
    /** Questions per criterion the unit sets for its checks; without it, the pass mark decides (learner-state.ts). */
    questionsPerCriterion?: number;
    centreName: string;
    themeColour: string;
    logo?: string;
    baseIri: string;
    /**
     * An LRS set at build time. Learners can read it in the package, so `auth` must be a
     * write-only key; launch parameters take precedence.
     */
    lrs?: { endpoint: string; auth: string };
  };
}
