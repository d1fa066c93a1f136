import type { Verdict } from '../rules/rules.js';

/** What one application of a rule to evidence found: nothing wrong, or the verdict of its finding. */
export type JudgementOutcome = 'passed' | Verdict;

/** The judgements of one rule on one operation in one suite. */
export interface LedgerEntry {
  readonly suite: string;
  readonly operation: string;
  readonly checkId: string;
  /** Judgements made: each one an application of the rule to an answer (or a sequence) that could show it broken. */
  readonly runs: number;
  /** Of those, the ones that did not pass (a violation, an inconclusive result or a known deviation). */
  readonly failed: number;
  /** The worst outcome judged: a violation, then inconclusive, then a known deviation, then passed. */
  readonly outcome: JudgementOutcome;
}

const RANK: Readonly<Record<JudgementOutcome, number>> = { violation: 0, inconclusive: 1, 'known-deviation': 2, passed: 3 };

/** The worse of two outcomes. */
export function worseOutcome(a: JudgementOutcome, b: JudgementOutcome): JudgementOutcome {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * Every judgement of the run, recorded once where it is made: the response checks on each answer
 * the API received, the suites' rules once the evidence is in hand (a finding's verdict, or
 * passed). "Exercised" is "judged at least once"; the reports, the rule account, JUnit and the
 * node:test integration all read this one record. An answer that could not show a rule (a 5xx, no
 * answer) is never recorded as a pass of it.
 */
export class JudgementLog {
  private readonly entries_ = new Map<string, LedgerEntry>();

  judge(suite: string, operation: string, checkId: string, outcome: JudgementOutcome): void {
    const key = `${suite}\u0000${operation}\u0000${checkId}`;
    const entry = this.entries_.get(key);
    this.entries_.set(key, {
      suite,
      operation,
      checkId,
      runs: (entry?.runs ?? 0) + 1,
      failed: (entry?.failed ?? 0) + (outcome === 'passed' ? 0 : 1),
      outcome: entry === undefined ? outcome : worseOutcome(entry.outcome, outcome),
    });
  }

  /** Whether the suite judged the rule at least once. */
  judged(suite: string, checkId: string): boolean {
    for (const entry of this.entries_.values()) if (entry.suite === suite && entry.checkId === checkId) return true;
    return false;
  }

  /** Whether any judgement of the run found a violation (after the profile's excuses). */
  sawViolation(): boolean {
    for (const entry of this.entries_.values()) if (entry.outcome === 'violation') return true;
    return false;
  }

  entries(): LedgerEntry[] {
    return [...this.entries_.values()];
  }
}
