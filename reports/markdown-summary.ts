import type { Finding } from '../src/findings/finding.js';
import { seenText } from '../src/findings/format-finding.js';
import { couldNotJudge, type RunOutcome } from '../src/run-outcome.js';
import { verdictLine } from '../src/verdict-line.js';

/** Findings listed at most; the rest are counted (the summary must stay well under GitHub's 1 MiB). */
export const MAX_LISTED_FINDINGS = 50;

const VERDICT_CELLS: Readonly<Record<Finding['verdict'], string>> = {
  violation: '❌ violation',
  inconclusive: '⚠️ inconclusive',
  'known-deviation': 'ℹ️ known deviation',
};

/**
 * The run as a GitHub job summary (Markdown appended to $GITHUB_STEP_SUMMARY): the verdict, the
 * counts, a table of findings, and each finding's curl lines in a collapsed block. Every text that
 * may come from the server is escaped, so it shows as text and never as markup.
 */
export function toMarkdownSummary(outcome: RunOutcome): string {
  const count = (verdict: Finding['verdict']) => outcome.findings.filter((f) => f.verdict === verdict).length;
  const icon = couldNotJudge(outcome.exitCode) ? '⛔' : outcome.exitCode === 1 ? '❌' : '✅';
  const headline = couldNotJudge(outcome.exitCode) ? 'Could not judge' : outcome.exitCode === 1 ? 'Not conformant' : 'Conformant';
  const evaluations = outcome.checks.reduce((sum, entry) => sum + entry.runs, 0);
  const heldTo = outcome.profile.id === 'spec' ? 'the spec' : text(outcome.profile.title);
  const stopped = outcome.interrupted === undefined ? '' : ' **Stopped early: the results are partial.**';
  const lines = [
    `## ${icon} Backup API conformance: ${headline}`,
    '',
    couldNotJudge(outcome.exitCode) ? 'The tool could not judge the server: see the tool errors below.' : text(verdictLine(outcome)),
    '',
    `Target ${code(outcome.target)}${outcome.embedded ? ' (the embedded reference server)' : ''}, held to ${heldTo}.${stopped}`,
    '',
    '| violations | inconclusive | known deviations | tool errors | check evaluations | requests | duration |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${count('violation')} | ${count('inconclusive')} | ${count('known-deviation')} | ${outcome.errors.length} | ${evaluations} | ` +
      `${outcome.requests} | ${(outcome.durationMs / 1000).toFixed(1)} s |`,
  ];
  for (const note of outcome.notes ?? []) lines.push('', `**Note:** ${text(note)}`);
  if (outcome.errors.length > 0) {
    lines.push(
      '',
      '### Tool errors',
      '',
      ...outcome.errors.map((error) => `- ${code(error.code)}${error.suite === undefined ? '' : ` in ${text(error.suite)}`}: ${text(error.message)}`),
    );
  }
  const order: readonly Finding['verdict'][] = ['violation', 'inconclusive', 'known-deviation'];
  const findings = order.flatMap((verdict) => outcome.findings.filter((finding) => finding.verdict === verdict));
  if (findings.length > 0) {
    const listed = findings.slice(0, MAX_LISTED_FINDINGS);
    lines.push('', '### Findings', '', '| verdict | check | operation | expected | received |', '| --- | --- | --- | --- | --- |');
    for (const finding of listed) {
      const seen = seenText(finding);
      lines.push(
        `| ${VERDICT_CELLS[finding.verdict]}${finding.inBaseline === true ? ' (in the baseline)' : ''} | ${code(finding.checkId)} | ` +
          `${code(finding.operation)} | ${text(finding.expected, 200)} | ${text(finding.received, 200)}${seen === undefined ? '' : ` (${seen})`} |`,
      );
    }
    if (findings.length > listed.length) lines.push('', `…and ${findings.length - listed.length} more in findings.json.`);
    for (const finding of listed.filter((f) => f.reproduction.curl.length > 0)) {
      const script = finding.reproduction.curl.join('\n');
      const fence = '`'.repeat(Math.max(3, longestRun(script, '`') + 1));
      lines.push(
        '',
        `<details><summary>Reproduce ${escapeHtml(finding.checkId)} (${escapeHtml(finding.operation)})</summary>`,
        '',
        `${fence}sh`,
        script,
        fence,
        '',
        '</details>',
      );
    }
  }
  lines.push('', '_report.html, findings.json and junit.xml in the `--out` directory have the whole record._', '');
  return lines.join('\n');
}

/** Escapes text for Markdown outside code: on one line, no markup, no table breaks; cut at `max` characters. */
export function text(value: string, max = Infinity): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  const cut = oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
  return escapeHtml(cut).replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}

/** Text in a monospace font: inline HTML rather than backticks, so no backtick in the value can end it early. */
function code(value: string): string {
  return `<code>${text(value)}</code>`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function longestRun(value: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of value) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
