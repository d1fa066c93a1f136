import type { BackupAccount } from '../api/backup-account.js';
import type { RunConfig } from '../config.js';
import type { Connection } from './open-connection.js';
import type { RunPlan } from './plan-run.js';
import type { ReachedTarget } from './reach-target.js';
import type { RunEvidence } from './run-evidence.js';
import type { Emit } from './run-event.js';
import type { RunSignals } from './run-signals.js';

/** What the phases that work on a reached target share: the plan, the connection, the target, where evidence goes, when to stop. */
export interface OnlineRun {
  readonly config: RunConfig;
  readonly plan: RunPlan;
  readonly connection: Connection;
  readonly target: ReachedTarget;
  readonly evidence: RunEvidence;
  readonly account: BackupAccount;
  readonly signals: RunSignals;
  readonly emit: Emit;
}
