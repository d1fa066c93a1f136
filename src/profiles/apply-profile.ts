import type { Finding } from '../findings/finding.js';
import type { KnownDeviation, Profile } from './profile.js';

/**
 * The finding as the profile judges it: a violation or inconclusive result that one of the
 * profile's deviations excuses (its rule, one of its kinds, within its bounds) becomes a known
 * deviation, naming the deviation and its source. Any other finding is left as it is.
 */
export function applyProfile(profile: Profile, finding: Finding): Finding {
  if (finding.verdict === 'known-deviation') return finding;
  const deviation = profile.deviations.find((d) => describes(d, finding));
  if (deviation === undefined) return finding;
  return { ...finding, verdict: 'known-deviation', knownDeviation: { id: deviation.id, description: deviation.description, source: deviation.source } };
}

/** Whether the deviation excuses the finding: its rule, one of its kinds (when it names any), and its own bounds. */
export function describes(deviation: KnownDeviation, finding: Finding): boolean {
  if (deviation.rule !== finding.checkId) return false;
  if (deviation.kinds !== undefined && (finding.kind === undefined || !deviation.kinds.includes(finding.kind))) return false;
  return deviation.excuses(finding, finding.evidence ?? {});
}
