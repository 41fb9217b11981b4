/**
 * The words the player and more than one of its elements show (course content aside). Words only
 * one lazily loaded element shows live beside it: question-strings.ts, evidence-strings.ts,
 * desktop-strings.ts.
 */
export const strings = {
  skipToContent: 'Skip to content',
  contents: 'Contents',
  showContents: 'Show contents',
  hideContents: 'Hide contents',
  overview: 'Unit overview',
  assessment: 'How this unit is assessed',
  progress: 'My progress',
  evidence: 'My evidence',
  readingTime: (minutes: number) => `About ${minutes} minute${minutes === 1 ? '' : 's'}`,
  printLesson: 'Print this lesson',
  printOutcome: (outcome: string) => `Print every lesson of ${outcome}`,
  glossary: 'Glossary',
  exit: 'Exit',
  close: 'Close',
  knowledgeCheck: 'Knowledge check',
  results: 'Results',
  previous: 'Previous',
  next: 'Next',
  startCheck: 'Start the knowledge check',
  retakeNotMet: (n: number, criteriaTerm: string) => `Retake the ${n} ${n === 1 ? criteriaTerm.replace(/criteria$/, 'criterion') : criteriaTerm} not yet met`,
  retakeAll: 'Take the whole check again',
  retakeAllHint: 'Every criterion again, as practice: a criterion already met stays met.',
  nextQuestion: 'Next question',
  seeResults: 'See my results',
  questionOf: (n: number, total: number) => `Question ${n} of ${total}`,
  correct: 'Correct',
  incorrect: 'Incorrect',
  yourAnswer: 'Your answer',
  correctAnswer: 'Correct answer',
  scoreSummary: (correct: number, total: number, score: number) => `You answered ${correct} of ${total} questions correctly (${score}%).`,
  passMark: (mark: number) => `The pass mark is ${mark}%.`,
  criterionStatus: { met: 'Knowledge check met', 'not-yet': 'Not yet met', 'not-attempted': 'Not attempted' },
  attempts: (n: number) => `${n} attempt${n === 1 ? '' : 's'}`,
  reviewAnswers: 'Review your answers',
  bestScoreHeading: 'Best score',
  thisAttemptHeading: 'This attempt',
  statusHeading: 'Status',
  opened: ' (opened)',
  honesty:
    'A knowledge check shows what you understand. It is not the assessor’s judgement of your competence: your assessor decides that from workplace evidence.',
  outcomeProgress: (done: number, total: number) => `${done} of ${total} knowledge checks met`,
  lessonsRead: (n: number, total: number) => `${n} of ${total} lessons opened`,
  save: {
    saved: 'Your progress is saved.',
    saving: 'Saving your progress…',
    unsaved: 'Your progress is not saved yet. We will keep trying; please stay on this page for a moment.',
    local: 'No learning management system found: your progress is kept in this browser only.',
    memory: 'No learning management system or browser storage is available: your progress will be lost when you close this page.',
  },
  reviewMode: 'You are reviewing this unit: nothing you do now is recorded.',
  unitFacts: (level: string, credit: string, glh?: number) =>
    `Level ${level} · Credit ${credit}${glh ? ` · ${glh} guided learning hours` : ''}`,
  /** "Assessment criterion" → "assessment criteria". */
  criteriaPlural: (term: string) => term.toLowerCase().replace(/criterion$/, 'criteria'),
  checkIntro: (perCriterion: number, criteria: number, criteriaTerm: string, outcomeTerm: string) =>
    `This check asks ${perCriterion} questions on each of the ${criteria} ${criteriaTerm} of this ${outcomeTerm.toLowerCase()} (a question may cover two). You see feedback after each answer.`,
  checkRule: (passMark: number, perCriterion: number, outcomeTerm: string) =>
    `A criterion's knowledge check is met when your answers on it reach ${passMark}% (${Math.ceil((passMark / 100) * perCriterion - 1e-9)} of ${perCriterion}). The ${outcomeTerm.toLowerCase()}'s check is met when all its criteria are; a retake asks only about those not yet met.`,
  checkedCriteria: (met: number, total: number) => `${met} of ${total} knowledge checks met so far.`,
  /** What the learner is told when a launch could not be used as given. */
  launchNotice: {
    'not-cmi5': (detail = '') => `This unit was not launched by a cmi5 learning platform (${detail}), so your progress is kept in this browser only.`,
    'lms-unreachable': () => 'Your learning platform could not be reached, so your progress is kept in this browser only. Close the unit and open it again to retry.',
    'lrs-settings-ignored': (detail = '') => `Learning record store settings were ignored: ${detail}. Your progress is still saved as usual.`,
    'no-learner-identity': () => 'No learner identity is available, so no learning record is sent.',
  },
  recordsRefused: (n: number) =>
    `The learning record store refused ${n === 1 ? 'one record' : `${n} records`} of your work. ${n === 1 ? 'It is' : 'They are'} kept in this browser and listed in My evidence, so you can show your tutor.`,
  loadError: 'This unit could not be loaded. Please close it and open it again from your learning platform.',
} as const;
