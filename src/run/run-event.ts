import type { BackupAccount } from '../api/backup-account.js';
import type { Exchange } from '../http/exchange.js';
import type { Finding } from '../findings/finding.js';
import type { UncheckedRule } from '../rules/rules.js';
import type { ToolError } from '../run-outcome.js';
import type { Suite } from '../../suites/suite.js';

/** The run's plan, said once the target answers like the API and before the first suite. */
export interface PlanEvent {
  readonly type: 'plan';
  readonly suites: readonly string[];
  readonly maxBackups: number;
  readonly readOnly: boolean;
  readonly notChecked: readonly UncheckedRule[];
}

/** What a run tells its caller while it goes, for progress on the console. */
export type RunEvent =
  | { readonly type: 'target'; readonly url: string; readonly embedded: boolean; readonly discoveredPath?: string }
  | PlanEvent
  | { readonly type: 'suite-start'; readonly suite: Suite }
  | { readonly type: 'suite-end'; readonly suite: Suite; readonly durationMs: number }
  | { readonly type: 'progress'; readonly suite: string; readonly message: string }
  | { readonly type: 'finding'; readonly finding: Finding }
  | { readonly type: 'exchange'; readonly exchange: Exchange }
  | { readonly type: 'tool-error'; readonly error: ToolError };

/** What a destructive run will do to a target that is not on this machine, for the user's consent. */
export interface DestructivePlan {
  readonly target: string;
  readonly suites: readonly string[];
  readonly maxBackups: number;
}

export interface RunHooks {
  onEvent?(event: RunEvent): void;
  /** Aborting stops the run between requests; cleanup still runs and reports are still produced. */
  signal?: AbortSignal;
  /** Asked before taking backups on a non-loopback target without --yes; absent: refuse. */
  confirm?(plan: DestructivePlan): Promise<boolean>;
  /** Filled with every backup the run creates and deletes, so the caller can name what is left even mid-run. */
  account?: BackupAccount;
}

export type Emit = (event: RunEvent) => void;
