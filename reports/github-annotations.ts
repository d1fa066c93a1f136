import { formatFindingHeadline } from '../src/findings/format-finding.js';
import type { Finding } from '../src/findings/finding.js';
import type { RunOutcome } from '../src/run-outcome.js';

/** GitHub's escaping of a workflow command's message: `%`, CR and LF (as actions/toolkit's escapeData). */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a workflow command's property value: the message's, plus `:` and `,` (escapeProperty). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVELS: Readonly<Record<Finding['verdict'], 'error' | 'warning' | 'notice'>> = {
  violation: 'error',
  inconclusive: 'warning',
  'known-deviation': 'notice',
};

/**
 * GitHub Actions annotations, one workflow command per line: `::error` for each violation and
 * tool error, `::warning` for each inconclusive result, `::notice` for each known deviation. The
 * title names the check and operation; the message is the finding's first line.
 */
export function toGitHubAnnotations(outcome: Pick<RunOutcome, 'findings' | 'errors'>): string[] {
  const order: readonly Finding['verdict'][] = ['violation', 'inconclusive', 'known-deviation'];
  const findings = order.flatMap((verdict) => outcome.findings.filter((finding) => finding.verdict === verdict));
  return [
    ...outcome.errors.map((error) => command('error', error.code, error.message)),
    ...findings.map((finding) =>
      command(finding.inBaseline === true ? 'notice' : LEVELS[finding.verdict], `${finding.checkId} (${finding.operation})`, formatFindingHeadline(finding)),
    ),
  ];
}

function command(level: 'error' | 'warning' | 'notice', title: string, message: string): string {
  return `::${level} title=${escapeCommandProperty(title)}::${escapeCommandData(message)}`;
}

/**
 * Workflow commands that make the runner ignore commands until `resumeCommands(token)`: the run's
 * console output quotes the server, and a server must not be able to issue commands by sending a
 * line that starts with `::`. The token must be unguessable (a random UUID).
 */
export function stopCommands(token: string): string {
  return `::stop-commands::${token}`;
}

export function resumeCommands(token: string): string {
  return `::${token}::`;
}
