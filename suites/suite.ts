import type { BackupApi } from '../src/api/backup-api.js';
import type { RunConfig } from '../src/config.js';
import type { Finding } from '../src/findings/finding.js';
import type { RuleId } from '../src/rules/rules.js';
import type { OperationIndex } from '../src/spec/index-operations.js';
import type { LoadedSpec } from '../src/spec/load-spec.js';

/** What a suite gets to work with. Everything is passed in; suites read no globals. */
export interface SuiteContext {
  readonly config: RunConfig;
  readonly spec: LoadedSpec;
  readonly index: OperationIndex;
  /** The API bound to this suite: every response is checked before the suite sees it. */
  readonly api: BackupApi;
  /** Header names (lower-case) whose values never appear in findings: pass to sequenceFinding. */
  readonly redactedHeaders: ReadonlySet<string>;
  /**
   * Records a finding the suite itself made (a sequence rule, not a single-response check): the
   * judgement of its rule, with the finding as evidence.
   */
  record(finding: Finding): void;
  /**
   * Records that a suite rule was applied to evidence that could show it broken, and it held. Called
   * only once that evidence is in hand: an answer that tells nothing (a 5xx, no answer) is no pass.
   */
  passed(operation: string, rule: RuleId): void;
  /**
   * The highest id any suite of this run has sent a take for, or undefined. Ids are never reusable
   * (spec/NOTES.md#deleted-id-reuse): a suite that picks ids from the list alone would collide
   * with backups an earlier suite took and deleted.
   */
  highestTakenId(): bigint | undefined;
  /** The highest id a take of this run was accepted at (any 2xx), or undefined. */
  highestAcceptedId(): bigint | undefined;
  /** A short line of progress for the console. */
  progress(message: string): void;
  /**
   * A line for the run's summary and findings.json (and the console): what a reader of the verdict
   * must know of how much of the suite ran, such as the random runs a time budget left out.
   */
  note(message: string): void;
  /** Aborted when the run must stop early (interrupt or budget). */
  readonly signal: AbortSignal;
}

/** A conformance suite: a named group of requests and rules. */
export interface Suite {
  /** Kebab-case, used by --suite and in reports. */
  readonly id: string;
  readonly title: string;
  /** True when it takes or deletes backups on the target; --read-only runs only the others. */
  readonly destructive: boolean;
  /** The most backups one run of the suite may take with this configuration and spec (said before a run starts). */
  maxBackups(config: RunConfig, index: OperationIndex): number;
  run(context: SuiteContext): Promise<void>;
}
