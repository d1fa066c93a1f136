import type { Finding, FindingEvidence } from '../findings/finding.js';
import type { RuleId } from '../rules/rules.js';

/** The Zeebe 8.x minor releases a deviation holds for: from `from` to `to` (inclusive; open when absent). */
export interface ReleaseRange {
  readonly from: number;
  readonly to?: number;
}

/**
 * A documented way a real release departs from the spec: a typed excuse for some kinds of finding
 * of one rule. A finding it excuses is reported as a known deviation: listed everywhere, never
 * counted as a violation. A finding no deviation excuses stays a violation under every profile.
 */
export interface KnownDeviation {
  /** Kebab-case, shown in reports. */
  readonly id: string;
  /** What the release does instead of what the spec says. */
  readonly description: string;
  /** Where the behaviour is shown: an issue, a pull request, or a source file at a version. */
  readonly source: string;
  /** The one rule whose findings it may excuse. */
  readonly rule: RuleId;
  /** The finding kinds (Finding.kind) it excuses; absent: every kind of the rule. */
  readonly kinds?: readonly string[];
  /** The Zeebe 8.x releases that behave so. */
  readonly releases: ReleaseRange;
  /** The limits of the excuse, for people: what the release is known to do, and no more. */
  readonly bounds?: string;
  /** True when the finding, with what was measured along with it, is the departure described (within its bounds). */
  excuses(finding: Finding, evidence: FindingEvidence): boolean;
}

/** What the suite holds a server to: the spec alone, or the spec as a given release implements it. */
export interface Profile {
  /** The value of --profile, e.g. `spec` or `zeebe-8.5`. */
  readonly id: string;
  /** For people: "the spec", "Zeebe 8.5". */
  readonly title: string;
  readonly deviations: readonly KnownDeviation[];
}
