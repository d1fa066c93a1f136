/** One (suite, operation, check) combination that was evaluated at least once where it applied. */
export interface LedgerEntry {
  readonly suite: string;
  readonly operation: string;
  readonly checkId: string;
  /** Evaluations where the rule applied (a list rule on a list, an aggregation rule on a body with states). */
  readonly runs: number;
  /**
   * Of those, the ones that found something, when the rule says so (the response checks do); the
   * suites' own rules report their failures as findings instead.
   */
  readonly failed: number;
}

/**
 * Which checks ran, where, and how often: the passed test cases of the reports. Findings say what
 * failed; the ledger says what was tried, so a green report is evidence and not silence. A check is
 * counted only where it applied: a list-order check on an answer with one backup exercises nothing.
 */
export class CheckLedger {
  private readonly runs = new Map<string, LedgerEntry>();

  note(suite: string, operation: string, checkId: string, failed = false): void {
    const key = `${suite}\u0000${operation}\u0000${checkId}`;
    const entry = this.runs.get(key);
    this.runs.set(key, { suite, operation, checkId, runs: (entry?.runs ?? 0) + 1, failed: (entry?.failed ?? 0) + (failed ? 1 : 0) });
  }

  entries(): LedgerEntry[] {
    return [...this.runs.values()];
  }
}
