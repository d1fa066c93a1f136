import type { RuleId, Severity, Verdict } from '../rules/rules.js';

// A finding's severity is its rule's, declared with the rule; its verdicts are declared beside it, below checks and findings.
export type { Severity, Verdict } from '../rules/rules.js';

/** One exchange as a report shows it: what was asked, and the start of what came back. */
export interface TranscriptEntry {
  /** `METHOD url`. */
  readonly request: string;
  readonly status?: number;
  /** Why no response came (timeout, reset), when none did. */
  readonly failure?: string;
  readonly contentType?: string;
  /** The start of the response body (at most 2 KiB). */
  readonly body?: string;
  readonly bodyTruncated?: boolean;
}

/** Everything a person needs to see the fault again. */
export interface Reproduction {
  /** The requests in order, as curl command lines (secrets redacted). */
  readonly curl: readonly string[];
  /** The last exchanges (at most 8) with their answers, for reading what happened. */
  readonly transcript?: readonly TranscriptEntry[];
  /** Replay data for a stateful failure found by fast-check. */
  readonly replay?: {
    readonly seed: number;
    readonly path: string;
    readonly commands: string;
  };
}

/** What a suite measured along with a finding, for a profile to weigh against a deviation's bounds. */
export interface FindingEvidence {
  /** For a deleted backup still seen: how long after its delete was answered it was last seen, in milliseconds. */
  readonly visibleAfterDeleteMs?: number;
}

/** One observation about the server, with its own reproduction. Plain data, JSON-serialisable. */
export interface Finding {
  /** The rule broken, e.g. `status-code-documented` (src/rules/rules.ts). */
  readonly checkId: RuleId;
  readonly title: string;
  readonly severity: Severity;
  readonly verdict: Verdict;
  /** The operation label, `METHOD /path`, as written in the spec (e.g. `POST /`). */
  readonly operation: string;
  readonly expected: string;
  readonly received: string;
  /** JSON pointer into the spec, or a spec/NOTES.md section such as `spec/NOTES.md#list-order`, naming where the expectation comes from. */
  readonly specPointer?: string;
  /** The spec's own words the finding enforces, when the rule is written in prose. */
  readonly specSentence?: string;
  /** The HTTP status of the answer that broke the rule (the last of its reproduction), for profiles to match on. */
  readonly status?: number;
  /** The `message` of that answer's JSON body, the server's own words: for profiles to match on. */
  readonly answerMessage?: string;
  /** The suite that observed it. */
  readonly suite?: string;
  /**
   * The kind of deviation, without ids or values: with the check, operation and verdict, the
   * fault's identity. Absent: the finding log derives one from `expected` with its numbers blanked.
   */
  readonly kind?: string;
  /** The backup this sighting is about, when it is about one. */
  readonly backupId?: string;
  /** What the suite measured with the sighting, when a profile's bounds depend on it. */
  readonly evidence?: FindingEvidence;
  /** How many times the fault was seen in the run (set by the finding log). */
  readonly occurrences?: number;
  /** Every suite that saw the fault, in the order first seen (set by the finding log; absent when no sighting named one). */
  readonly suites?: readonly string[];
  /** On how many distinct backups it was seen (set by the finding log; absent when no sighting named one). */
  readonly backups?: number;
  /**
   * The kinds of deviation seen for this rule on this operation, when there were several (set by
   * the finding log): a server wrong in many ways is one finding that counts and lists its ways.
   */
  readonly variants?: FindingVariants;
  /** The best reproduction found: a replayable shrunk sequence first, then the fewest requests. */
  readonly reproduction: Reproduction;
  /**
   * A few sightings of the fault, set by the finding log when it was seen more than once: the first,
   * and the one with the best reproduction (whose fields the finding carries).
   */
  readonly examples?: readonly FindingExample[];
  /** Set when the --baseline file already holds this fault: reported as known, and never failing the run. */
  readonly inBaseline?: true;
  /** Set when the selected profile expects this departure from the spec (verdict `known-deviation`). */
  readonly knownDeviation?: { readonly id: string; readonly description: string; readonly source: string };
}

/** The kinds a finding was seen in: how many in all, and the first of them with how often each was seen. */
export interface FindingVariants {
  readonly count: number;
  readonly kinds: readonly { readonly kind: string; readonly occurrences: number }[];
}

/** One sighting of a fault, as kept among a finding's examples. */
export interface FindingExample {
  readonly expected: string;
  readonly received: string;
  readonly suite?: string;
  readonly backupId?: string;
  readonly reproduction: Reproduction;
}
