import type { RunOutcome } from '../run-outcome.js';
import { verdictLine } from '../verdict-line.js';

/** The closing lines of a run on the console: the counts, then the verdict. */
export function formatSummary(outcome: RunOutcome): string {
  const count = (verdict: string) => outcome.findings.filter((f) => f.verdict === verdict).length;
  const violations = count('violation');
  const checksRun = outcome.checks.reduce((sum, entry) => sum + entry.runs, 0);
  return [
    '',
    `Summary: ${violations} violations, ${count('inconclusive')} inconclusive, ${count('known-deviation')} known deviations, ${outcome.errors.length} tool errors; ${checksRun} check evaluations over ${outcome.requests} requests in ${(outcome.durationMs / 1000).toFixed(2)} s`,
    verdictLine(outcome),
  ].join('\n');
}
