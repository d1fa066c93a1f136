import type { Finding } from './finding.js';

/**
 * The identity of the fault a finding shows: its check, operation and verdict, and its kind of
 * deviation. Never ids or values from the messages, so a rerun that meets the same fault at other
 * backup ids yields the same key. The one definition: the finding log groups sightings by it, and
 * the baseline matches on it.
 */
export function faultKey(finding: { readonly checkId: string } & Pick<Finding, 'operation' | 'verdict' | 'kind' | 'received' | 'expected'>): string {
  return [finding.checkId, finding.operation, finding.verdict, finding.kind ?? derivedKind(finding)].join('\u0000');
}
/**
 * The kind of a finding whose maker gave none (the suites' own rules). Suites word one rule
 * differently ("404 for backup 7, never taken", "404 for backup 21: no take of it was sent"), but
 * the answer they got names the deviation: a status received is the kind. Otherwise the
 * expectation, its numbers blanked.
 */
function derivedKind(finding: Pick<Finding, 'received' | 'expected'>): string {
  const status = /^(\d{3})\b/.exec(finding.received)?.[1];
  return status === undefined ? blankNumbers(finding.expected) : `status-${status}`;
}

/** Text with its numbers blanked, so `backup 1037 listed` and `backup 1041 listed` are one kind. */
function blankNumbers(text: string): string {
  return text.replace(/-?\d+(\.\d+)?/g, '#');
}
