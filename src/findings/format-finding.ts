import type { Finding } from './finding.js';
import { elide } from '../text/elide.js';
import { plural } from '../text/plural.js';

/**
 * A finding for people. The first line makes sense alone (JUnit and CI annotations keep only it);
 * the rest says what was expected, what came back, where the rule is written, how often the fault
 * was seen, and how to see it again.
 */
export function formatFinding(finding: Finding): string {
  const lines = [formatFindingHeadline(finding), '', `  Expected: ${finding.expected}`, `  Received: ${finding.received}`];
  if (finding.specPointer !== undefined) lines.push(`  Spec:     ${finding.specPointer}`);
  if (finding.knownDeviation !== undefined)
    lines.push(`  Known:    ${finding.knownDeviation.id}: ${withoutFinalPeriod(finding.knownDeviation.description)} (${finding.knownDeviation.source})`);
  const seen = seenText(finding);
  if (seen !== undefined) lines.push(`  Seen:     ${seen}`);
  const { curl, replay } = finding.reproduction;
  if (curl.length > 0) {
    lines.push('', '  Reproduce with:');
    for (const line of curl) lines.push(`    ${elide(line)}`);
  }
  if (replay !== undefined) {
    lines.push(
      '',
      `  Replay:   --seed ${replay.seed} --path ${replay.path}`,
      `  Commands: ${replay.commands === '' ? 'none (the first read shows it)' : replay.commands}`,
    );
  }
  return lines.join('\n');
}

// A finding of many variants names this many of them; findings.json lists more.
const VARIANTS_NAMED = 3;

/** "seen 123 times on 41 backups", "…, in 33 variants, e.g. IN_PROGRESS-where-COMPLETED, …", or undefined for a fault seen once. */
export function seenText(finding: Pick<Finding, 'occurrences' | 'backups' | 'variants'>): string | undefined {
  const times = finding.occurrences ?? 1;
  if (times <= 1) return undefined;
  const seen = `seen ${plural(times, 'time')}${finding.backups === undefined ? '' : ` on ${plural(finding.backups, 'backup')}`}`;
  const variants = finding.variants;
  if (variants === undefined) return seen;
  const named = variants.kinds.slice(0, VARIANTS_NAMED).map((variant) => elide(variant.kind, 200));
  return `${seen}, in ${variants.count} variants, e.g. ${named.join(', ')}${variants.count > named.length ? ', …' : ''}`;
}

const VERDICT_WORDS: Record<Finding['verdict'], string> = {
  violation: 'violation',
  inconclusive: 'inconclusive',
  'known-deviation': 'known deviation',
};

/** One line: check id, verdict (a known deviation with its id), what is wrong, on which operation, and how often. */
export function formatFindingHeadline(finding: Finding): string {
  const verdict = finding.knownDeviation === undefined ? VERDICT_WORDS[finding.verdict] : `${VERDICT_WORDS[finding.verdict]} ${finding.knownDeviation.id}`;
  const seen = seenText(finding);
  return (
    `${finding.checkId} (${finding.operation}): ${verdict}${finding.inBaseline === true ? ' (in the baseline)' : ''} [${finding.severity}]: ` +
    `expected ${finding.expected}, received ${truncate(finding.received, 160)}${seen === undefined ? '' : ` (${seen})`}`
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function withoutFinalPeriod(text: string): string {
  return text.replace(/\.+$/, '');
}
