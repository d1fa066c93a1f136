import type { Finding } from './finding.js';

/**
 * A finding for people. The first line makes sense alone (JUnit and CI annotations keep only it);
 * the rest says what was expected, what came back, where the rule is written, and how to see it again.
 */
export function formatFinding(finding: Finding): string {
  const lines = [formatFindingHeadline(finding), '', `  Expected: ${finding.expected}`, `  Received: ${finding.received}`];
  if (finding.specPointer !== undefined) lines.push(`  Spec:     ${finding.specPointer}`);
  if (finding.occurrences !== undefined && finding.occurrences > 1) lines.push(`  Seen:     ${finding.occurrences} times`);
  const { curl, replay } = finding.reproduction;
  if (curl.length > 0) {
    lines.push('', '  Reproduce with:');
    for (const line of curl) lines.push(`    ${shorten(line)}`);
  }
  if (replay !== undefined) {
    lines.push('', `  Replay:   --seed ${replay.seed} --path ${replay.path}`, `  Commands: ${replay.commands}`);
  }
  return lines.join('\n');
}

// An oversized request body would print a megabyte-long line; findings.json keeps it whole.
const LONGEST_CURL = 2_000;

function shorten(line: string): string {
  if (line.length <= LONGEST_CURL) return line;
  return `${line.slice(0, LONGEST_CURL)}… (${line.length} characters in all; the whole line is in findings.json)`;
}

const VERDICT_WORDS: Record<Finding['verdict'], string> = {
  violation: 'violation',
  inconclusive: 'inconclusive',
  'known-deviation': 'known deviation',
};

/** One line: check id, verdict, what is wrong, and on which operation. */
export function formatFindingHeadline(finding: Finding): string {
  return `${finding.checkId} (${finding.operation}): ${VERDICT_WORDS[finding.verdict]}${finding.inBaseline === true ? ' (in the baseline)' : ''} [${finding.severity}]: expected ${finding.expected}, received ${truncate(finding.received, 160)}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
