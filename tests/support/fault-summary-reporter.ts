import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Reporter } from 'vitest/node';
import { LEDGER, type LedgerEntry } from './fault-ledger.js';

/** Prints one line at the end of a run: faults injected, bad inputs tried, and what was lost. */
export default class FaultSummaryReporter implements Reporter {
  onInit(): void {
    rmSync(LEDGER, { force: true });
  }

  onTestRunEnd(): void {
    if (!existsSync(LEDGER)) return;
    const total: Required<LedgerEntry> = { faultsInjected: 0, badInputsTried: 0, progressLost: 0, statementsLost: 0, statementsDuplicated: 0 };
    for (const line of readFileSync(LEDGER, 'utf8').split('\n').filter(Boolean)) {
      const e = JSON.parse(line) as LedgerEntry;
      for (const k of Object.keys(total) as (keyof LedgerEntry)[]) total[k] += e[k] ?? 0;
    }
    console.log(
      `\nfaults: ${total.faultsInjected} injected, ${total.badInputsTried} bad inputs tried, progress lost ${total.progressLost}, statements lost ${total.statementsLost}, duplicated ${total.statementsDuplicated}\n`,
    );
  }
}
