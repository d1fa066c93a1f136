import type { LedgerEntry } from './judgement-log.js';
import type { Finding, Verdict } from './finding.js';

/** A rule the run could judge, as the run's accounting needs it. */
export interface KnownRule {
  readonly id: string;
  readonly title: string;
  /** Why the run could not exercise it, when it did not (e.g. "the stateful suite did not run"). */
  readonly whyNotExercised: string;
}

/** What the run did with one rule: how often it was exercised, how often it failed, and its verdict. */
export interface RuleAccount {
  readonly id: string;
  readonly title: string;
  /** Evaluations where the rule applied, over every suite and operation. */
  readonly exercised: number;
  /** Of those, the ones that found something. */
  readonly failed: number;
  /** `not-exercised`: the run met nothing the rule applies to, so it says nothing about it. */
  readonly status: 'passed' | Verdict | 'not-exercised';
  /** Why, for a rule not exercised. */
  readonly notExercised?: string;
}

const RANK: Readonly<Record<Verdict, number>> = { violation: 0, inconclusive: 1, 'known-deviation': 2 };

/**
 * One account per rule: every known rule (exercised or not, so silence is said and never passes),
 * then any other rule the judgements or the findings name, in the order given. A rule is exercised
 * when it was judged at least once; its status is the worst outcome judged.
 */
export function accountRules(rules: readonly KnownRule[], judgements: readonly LedgerEntry[], findings: readonly Finding[]): RuleAccount[] {
  const byId = new Map<string, { title: string; why?: string; runs: number; failed: number; verdicts: Verdict[] }>();
  const entry = (id: string, title: string) => {
    const found = byId.get(id) ?? { title, runs: 0, failed: 0, verdicts: [] };
    byId.set(id, found);
    return found;
  };
  for (const rule of rules) entry(rule.id, rule.title).why = rule.whyNotExercised;
  for (const judgement of judgements) {
    const account = entry(judgement.checkId, judgement.checkId);
    account.runs += judgement.runs;
    account.failed += judgement.failed;
    if (judgement.outcome !== 'passed') account.verdicts.push(judgement.outcome);
  }
  for (const finding of findings) {
    const account = entry(finding.checkId, finding.title);
    if (account.title === finding.checkId) account.title = finding.title;
    account.verdicts.push(finding.verdict);
  }
  return [...byId.entries()].map(([id, a]) => {
    const worst = a.verdicts.sort((x, y) => RANK[x] - RANK[y])[0];
    if (a.runs === 0)
      return { id, title: a.title, exercised: 0, failed: 0, status: 'not-exercised' as const, notExercised: a.why ?? 'nothing the rule applies to came back' };
    return { id, title: a.title, exercised: a.runs, failed: a.failed, status: worst ?? ('passed' as const) };
  });
}

/**
 * Judgements and failed judgements of a rule where a report shows them: from the judgement log, and
 * the sightings of its findings, which the log counted as judgements too, so the log's counts hold
 * unless a report is given findings without their judgements (an older findings.json).
 */
export function evaluationCounts(runs: number, ledgerFailed: number, sightings: number): { exercised: number; failed: number } {
  const failed = ledgerFailed > 0 ? ledgerFailed : sightings;
  const exercised = Math.max(runs, failed);
  return { exercised, failed: Math.min(failed, exercised) };
}
