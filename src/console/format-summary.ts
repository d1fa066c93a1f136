import { formatFindingHeadline } from '../findings/format-finding.js';
import type { Finding, Severity } from '../findings/finding.js';
import { plural } from '../text/plural.js';
import { failsRun } from '../baseline/baseline.js';
import type { RunOutcome } from '../run-outcome.js';
import { verdictLine } from '../verdict-line.js';
import { formatBaseline } from '../baseline/format-baseline.js';
import { formatCoverage } from '../coverage/format-coverage.js';

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const VERDICTS: readonly Finding['verdict'][] = ['violation', 'inconclusive', 'known-deviation'];

/**
 * The closing lines of a run on the console: each fault once, by severity (with how often it was
 * seen and its replay, which a shrunk sequence may have found after the fault was first shown), the
 * rules the run could not exercise and why, what the run noticed about the server, the counts, and
 * the verdict.
 */
export function formatSummary(outcome: RunOutcome): string {
  const count = (verdict: Finding['verdict']) => outcome.findings.filter((f) => f.verdict === verdict).length;
  const checksRun = outcome.checks.reduce((sum, entry) => sum + entry.runs, 0);
  const lines: string[] = [];
  if (outcome.findings.length > 0) {
    lines.push('', `Faults by severity (${outcome.findings.length}):`);
    for (const severity of SEVERITIES) {
      const faults = VERDICTS.flatMap((verdict) => outcome.findings.filter((f) => f.severity === severity && f.verdict === verdict));
      for (const fault of faults) {
        lines.push(`  ${severity.padEnd(8)} ${formatFindingHeadline(fault)}`);
        const replay = fault.reproduction.replay;
        if (replay !== undefined)
          lines.push(
            `  ${''.padEnd(8)}   replay: --seed ${replay.seed} --path ` +
              `${replay.path} (${replay.commands === '' ? 'no commands: the first read shows it' : replay.commands})`,
          );
      }
    }
  }
  const unexercised = outcome.rules.filter((rule) => rule.status === 'not-exercised');
  if (unexercised.length > 0) {
    lines.push('', `Not exercised (${unexercised.length}): the run says nothing about these rules`);
    for (const rule of unexercised) lines.push(`  ${rule.id}: ${rule.notExercised ?? 'nothing it applies to came back'}`);
  }
  for (const note of outcome.notes ?? []) lines.push('', `Note: ${note}`);
  const violations = outcome.findings.filter(failsRun).length;
  const known = count('violation') - violations;
  const counts = [
    `${plural(violations, 'violation')}${known === 0 ? '' : ` (and ${known} already in the baseline)`}`,
    `${count('inconclusive')} inconclusive`,
    plural(count('known-deviation'), 'known deviation'),
    plural(outcome.errors.length, 'tool error'),
  ];
  lines.push(
    '',
    `Summary: ${counts.join(', ')}; ${plural(checksRun, 'check evaluation')} over ${plural(outcome.requests, 'request')} in ` +
      `${(outcome.durationMs / 1000).toFixed(2)} s`,
    ...(outcome.coverage === undefined ? [] : [formatCoverage(outcome.coverage)]),
    ...(outcome.baseline === undefined ? [] : [formatBaseline(outcome.baseline)]),
    ...(outcome.seed === undefined ? [] : [`Seed ${outcome.seed}: --seed ${outcome.seed} repeats this run's exploration and generated requests.`]),
    verdictLine(outcome),
  );
  return lines.join('\n');
}
