import { failsRun } from '../baseline/baseline.js';
import type { RunOutcome } from '../run-outcome.js';
import { verdictLine } from '../verdict-line.js';
import { formatBaseline } from '../baseline/format-baseline.js';
import { formatCoverage } from '../coverage/format-coverage.js';

/** The closing lines of a run on the console: the counts, then the verdict. */
export function formatSummary(outcome: RunOutcome): string {
  const count = (verdict: string) => outcome.findings.filter((f) => f.verdict === verdict).length;
  const violations = outcome.findings.filter(failsRun).length;
  const known = count('violation') - violations;
  const checksRun = outcome.checks.reduce((sum, entry) => sum + entry.runs, 0);
  return [
    '',
    `Summary: ${violations} violations${known === 0 ? '' : ` (and ${known} already in the baseline)`}, ${count('inconclusive')} inconclusive, ${count('known-deviation')} known deviations, ${outcome.errors.length} tool errors; ${checksRun} check evaluations over ${outcome.requests} requests in ${(outcome.durationMs / 1000).toFixed(2)} s`,
    ...(outcome.coverage === undefined ? [] : [formatCoverage(outcome.coverage)]),
    ...(outcome.baseline === undefined ? [] : [formatBaseline(outcome.baseline)]),
    verdictLine(outcome),
  ].join('\n');
}
