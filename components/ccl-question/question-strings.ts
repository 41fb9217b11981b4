import { TRUE_FALSE_WORDS } from '../../tracking/learner-model/question-kinds/index.js';

/** The words a question shows as the learner answers it. */
export const questionStrings = {
  answerNeeded: 'Answer the question before checking.',
  checkAnswer: 'Check answer',
  chooseOne: 'Choose one answer.',
  matchPlaceholder: 'Choose…',
  moveDown: (item: number) => `Move item ${item} down`,
  moveUp: (item: number) => `Move item ${item} up`,
  moved: (text: string, position: number) => `${text} moved to position ${position}.`,
  orderHelp: 'Use the Move up and Move down buttons to put the items in order.',
  typeAnswer: 'Your answer',
  falseLabel: TRUE_FALSE_WORDS.false,
  trueLabel: TRUE_FALSE_WORDS.true,
  yourChoice: 'Your answer',
  simulationDebrief: (score: number, poor: number) =>
    `Your handling of the contact scored ${score}%${poor ? `, with ${poor} poor ${poor === 1 ? 'choice' : 'choices'}` : ''}. The debrief above goes through each turn.`,
} as const;
