import type { SaveStatus } from './tracker.js';

/** Holds a tracker's save status and tells its listeners when it changes. */
export class SaveStatusEmitter {
  private listeners: ((s: SaveStatus) => void)[] = [];
  constructor(private status: SaveStatus) {}

  get current(): SaveStatus {
    return this.status;
  }

  /** Adds a listener and tells it the status now. */
  listen(listener: (s: SaveStatus) => void): void {
    this.listeners.push(listener);
    listener(this.status);
  }

  set(s: SaveStatus): void {
    if (s === this.status) return;
    this.status = s;
    for (const l of this.listeners) l(s);
  }
}
