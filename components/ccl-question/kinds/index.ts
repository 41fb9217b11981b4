import type { QuestionType, QuestionTypes, ResponseOf } from '../../../tracking/learner-model/question-kinds/index.js';
import { multipleView, singleView } from './choice.js';
import { matchingView } from './matching.js';
import { orderingView } from './ordering.js';
import { shortTextView } from './short-text.js';
import { simulationView } from './simulation.js';
import { trueFalseView } from './true-false.js';
import type { QuestionView } from './view.js';

/** Every kind's view: a kind without one, or with one for another kind's data, is a type error. */
export const VIEWS = {
  single: singleView,
  multiple: multipleView,
  'true-false': trueFalseView,
  matching: matchingView,
  ordering: orderingView,
  'short-text': shortTextView,
  simulation: simulationView,
} satisfies { [T in QuestionType]: QuestionView<QuestionTypes[T], ResponseOf<T>, unknown> };

export type { InputsContext, QuestionView } from './view.js';
