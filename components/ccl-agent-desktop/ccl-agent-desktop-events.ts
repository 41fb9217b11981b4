/** The learner made a choice in a practice contact: the path so far, to keep if they leave now. */
export class SimulationTurnEvent extends Event {
  static readonly type = 'simulation-turn';
  constructor(readonly path: number[]) {
    super(SimulationTurnEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'simulation-turn': SimulationTurnEvent;
  }
}
