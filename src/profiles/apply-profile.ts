import type { Finding } from '../findings/finding.js';
import type { Profile } from './profile.js';

/**
 * The finding as the profile judges it: a violation or inconclusive result that the profile's
 * release is known to produce becomes a known deviation, naming the deviation and its source.
 */
export function applyProfile(profile: Profile, finding: Finding): Finding {
  if (finding.verdict === 'known-deviation') return finding;
  const deviation = profile.deviations.find((d) => d.matches(finding));
  if (deviation === undefined) return finding;
  return { ...finding, verdict: 'known-deviation', knownDeviation: { id: deviation.id, description: deviation.description, source: deviation.source } };
}
