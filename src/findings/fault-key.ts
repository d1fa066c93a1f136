import type { Finding } from './finding.js';

/**
 * The identity of the fault a finding shows: its check, operation and verdict, and its kind of
 * deviation. Never ids or values from the messages, so a rerun that meets the same fault at other
 * backup ids yields the same key. The one definition: the finding log groups sightings by it, and
 * the baseline matches on it.
 */
export function faultKey(finding: FaultIdentity): string {
  return [ruleKey(finding), kindOf(finding)].join('\u0000');
}

type FaultIdentity = { readonly checkId: string } & Pick<Finding, 'operation' | 'verdict' | 'kind' | 'received' | 'expected'>;

/**
 * The rule broken on an operation, under one verdict, whatever the kind: the finding log makes one
 * finding of each, its kinds listed as variants, so a server that generates every answer afresh
 * (33 state combinations wrong) has one finding per rule and operation, not one per combination.
 */
export function ruleKey(finding: Pick<FaultIdentity, 'checkId' | 'operation' | 'verdict'>): string {
  return [finding.checkId, finding.operation, finding.verdict].join('\u0000');
}

/** The finding's kind of deviation: the one its maker gave, or one derived from what it received or expected. */
export function kindOf(finding: Pick<Finding, 'kind' | 'received' | 'expected'>): string {
  return finding.kind ?? derivedKind(finding);
}

/**
 * Every fault key a reported finding stands for: its own and one per variant it lists, so that a
 * baseline holding a finding of many variants knows each of them.
 */
export function faultKeys(finding: FaultIdentity & Pick<Finding, 'variants'>): string[] {
  const kinds = new Set([kindOf(finding), ...(finding.variants?.kinds.map((variant) => variant.kind) ?? [])]);
  return [...kinds].map((kind) => faultKey({ ...finding, kind }));
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
