import type { Finding } from './finding.js';

/**
 * The identity of the fault a finding shows: its check, operation and verdict, and its kind of
 * deviation when the finding names one. Never ids or values from the messages, so a rerun that
 * meets the same fault at other backup ids yields the same key. The one definition: the baseline
 * matches on it, and so should anything else that asks whether two findings are one fault.
 */
export function faultKey(finding: { readonly checkId: string; readonly operation: string; readonly verdict: Finding['verdict']; readonly kind?: string }): string {
  return [finding.checkId, finding.operation, finding.verdict, ...(finding.kind === undefined ? [] : [finding.kind])].join('\u0000');
}
