import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where fault and bad-input tests count what they tried and what (if anything) was lost. */
export const LEDGER = join(process.cwd(), 'test-results', 'fault-ledger.jsonl');

export interface LedgerEntry {
  faultsInjected?: number;
  badInputsTried?: number;
  progressLost?: number;
  statementsLost?: number;
  statementsDuplicated?: number;
}

/** Adds to the run's fault figures (printed at the end of the run by the fault summary reporter). */
export function record(entry: LedgerEntry): void {
  mkdirSync(dirname(LEDGER), { recursive: true });
  appendFileSync(LEDGER, `${JSON.stringify(entry)}\n`);
}
