/**
 * The course data a launch page carries: one unit, rendered at build time.
 * Shared by the build (which writes it) and the player (which reads it).
 */

export type QuestionType = 'single' | 'multiple' | 'true-false' | 'matching' | 'ordering' | 'short-text' | 'scenario';

export interface CriterionData {
  code: string;
  text: string;
  range?: string[];
}

export interface LessonData {
  id: string;
  outcome: number;
  title: string;
  criteria: string[];
  /** Sanitised HTML. */
  html: string;
}

interface QuestionBase {
  id: string;
  type: QuestionType;
  criteria: string[];
  /** Sanitised HTML of the stem. */
  stem: string;
  /** Plain text of the stem, for LMS interaction descriptions and evidence records. */
  stemText: string;
}

export interface ChoiceQuestionData extends QuestionBase {
  type: 'single' | 'multiple';
  options: { text: string; correct: boolean; feedback: string }[];
}

export interface TrueFalseQuestionData extends QuestionBase {
  type: 'true-false';
  correct: boolean;
  feedback: { true: string; false: string };
}

export interface MatchingQuestionData extends QuestionBase {
  type: 'matching';
  pairs: { source: string; target: string }[];
  feedback: { correct: string; incorrect: string };
}

export interface OrderingQuestionData extends QuestionBase {
  type: 'ordering';
  /** In the correct order. */
  steps: string[];
  feedback: { correct: string; incorrect: string };
}

export interface ShortTextQuestionData extends QuestionBase {
  type: 'short-text';
  answers: string[];
  feedback: { correct: string; incorrect: string };
}

/**
 * A call or chat simulation: at each step the learner chooses what to say or do next and sees
 * the consequence; the conversation then carries on along the right path.
 */
export interface ScenarioQuestionData extends QuestionBase {
  type: 'scenario';
  steps: {
    /** What the customer says, or what happens (sanitised HTML). */
    prompt: string;
    /** Exactly one is correct. `reply` is the customer's reaction to a choice, when given. */
    choices: { text: string; correct: boolean; feedback: string; reply?: string }[];
  }[];
}

export type QuestionData =
  | ChoiceQuestionData
  | TrueFalseQuestionData
  | MatchingQuestionData
  | OrderingQuestionData
  | ShortTextQuestionData
  | ScenarioQuestionData;

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
    questionsPerCriterion: number;
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

/** Longest short-text answer a learner can type; keeps suspend_data bounded. */
export const SHORT_TEXT_MAX = 40;
