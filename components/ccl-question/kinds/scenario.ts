import { html } from 'lit';
import type { ScenarioQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { strings } from '../../strings.js';
import '../../ccl-simulation/ccl-simulation.js';
import type { QuestionView } from './view.js';

/** Drawn by ccl-simulation, which fires the answer once the last step is chosen. */
export const scenarioView: QuestionView<ScenarioQuestion, number[], number[] | null> = {
  layout: 'own',
  initialDraft: () => null,
  draftOf: (_q, r) => r,
  response: (_q, d) => d,
  inputs: ({ question, seed, locked, draft }) =>
    html`<ccl-simulation .question=${question} seed=${seed} .answered=${locked ? draft : null}></ccl-simulation>`,
  feedback: (q, r) => html`<p>${strings.simulationSummary(r.filter((c, k) => q.steps[k]!.choices[c]?.correct).length, q.steps.length)}</p>`,
};
