import { attemptNumber, type OutcomeProgress } from '../tracking/learner-model/learner-state.js';

/**
 * Case notes a learner writes in simulations are kept in this browser, per attempt, question
 * position and turn: the saved state has no room for free text. They go to the LMS and LRS as
 * evidence when the contact ends, and My evidence shows them from here.
 */

/** Where the notes of the question at a position of an outcome's current attempt are kept. */
export const noteKey = (unitId: string, outcome: number, p: OutcomeProgress, position: number): string =>
  `${unitId}:${outcome}:${attemptNumber(p)}:${position}`;

const storageKey = (key: string, turn: string) => `ccl-note:${key}:${turn}`;

export function readNote(key: string, turn: string): string | null {
  try {
    return localStorage.getItem(storageKey(key, turn));
  } catch {
    return null;
  }
}

/** Keeps a note; false when the browser will not store it (it then lives on the page only). */
export function keepNote(key: string, turn: string, text: string): boolean {
  try {
    localStorage.setItem(storageKey(key, turn), text);
    return true;
  } catch {
    return false;
  }
}
