import type { Finding } from '../findings/finding.js';

/**
 * A documented way a real release departs from the spec. A finding it matches is reported as a
 * known deviation: listed everywhere, never counted as a violation.
 */
export interface KnownDeviation {
  /** Kebab-case, shown in reports. */
  readonly id: string;
  /** What the release does instead of what the spec says. */
  readonly description: string;
  /** Where the behaviour is shown: an issue, a pull request, or a source file at a version. */
  readonly source: string;
  matches(finding: Finding): boolean;
}

/** What the suite holds a server to: the spec alone, or the spec as a given release implements it. */
export interface Profile {
  /** The value of --profile, e.g. `spec` or `zeebe-8.5`. */
  readonly id: string;
  /** For people: "the spec", "Zeebe 8.5". */
  readonly title: string;
  readonly deviations: readonly KnownDeviation[];
}
