import type { Finding } from './finding.js';

/**
 * The run's findings, in the order first seen. The same finding observed again (same check,
 * operation, verdict, expectation and answer) is counted, not repeated.
 */
export class FindingLog {
  private readonly byKey = new Map<string, Finding>();

  /** Records a finding; returns true when it is new (worth showing), false when it repeats one. */
  add(finding: Finding): boolean {
    const key = [finding.checkId, finding.operation, finding.verdict, finding.expected, finding.received].join('\u0000');
    const seen = this.byKey.get(key);
    if (seen !== undefined) {
      this.byKey.set(key, { ...seen, occurrences: (seen.occurrences ?? 1) + 1 });
      return false;
    }
    this.byKey.set(key, finding);
    return true;
  }

  all(): Finding[] {
    return [...this.byKey.values()];
  }
}
