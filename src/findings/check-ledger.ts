/** One (suite, operation, check) combination that was evaluated at least once. */
export interface LedgerEntry {
  readonly suite: string;
  readonly operation: string;
  readonly checkId: string;
  readonly runs: number;
}

/**
 * Which checks ran, where, and how often: the passed test cases of the reports. Findings say what
 * failed; the ledger says what was tried, so a green report is evidence and not silence.
 */
export class CheckLedger {
  private readonly runs = new Map<string, LedgerEntry>();

  note(suite: string, operation: string, checkId: string): void {
    const key = `${suite}\u0000${operation}\u0000${checkId}`;
    const entry = this.runs.get(key);
    this.runs.set(key, { suite, operation, checkId, runs: (entry?.runs ?? 0) + 1 });
  }

  entries(): LedgerEntry[] {
    return [...this.runs.values()];
  }
}
