import { html } from 'lit';
import { pathScore, walk, type SimulationQuestion } from '../../../tracking/learner-model/question-kinds/index.js';
import { questionStrings } from '../question-strings.js';
import type { QuestionView } from './view.js';

/** The agent desktop is loaded when the first practice contact is shown, not with the player. */
const loadDesktop = () => import('../../ccl-agent-desktop/ccl-agent-desktop.js');

/** Drawn by ccl-agent-desktop, which fires the answer when the contact ends. Draft: the path so far (from a saved draft). */
export const simulationView: QuestionView<SimulationQuestion, number[], number[] | null> = {
  layout: 'own',
  initialDraft: () => null,
  draftOf: (_q, r) => r,
  response: (_q, d) => d,
  inputs: ({ question, seed, locked, draft, resume, noteKey }) => {
    void loadDesktop();
    return html`<ccl-agent-desktop
      .question=${question}
      seed=${seed}
      noteKey=${noteKey}
      .answered=${locked ? draft : null}
      .draft=${locked ? null : ((resume as number[] | null) ?? null)}
    ></ccl-agent-desktop>`;
  },
  feedback: (q, r) => {
    const p = walk(q, r)!;
    return html`<p>${questionStrings.simulationDebrief(Math.round(pathScore(p) * 100), p.steps.filter((s) => s.chosen?.quality === 'poor').length)}</p>`;
  },
};
