import type { BackupStore } from './backup-store.js';
import type { ServerSettings } from '../server-settings.js';
import { planBackup } from '../behaviour/plan-backup.js';
import type { PartitionPlan } from './stored-backup.js';
import { zeebeMessages } from '../behaviour/zeebe-messages.js';

/** Seeded backups were taken this far apart, the last one this long before start. */
const SEED_SPACING_MS = 60_000;
/** A seeded backup's partitions finished within about this long. */
const SEED_DURATION_MS = 1_500;

/**
 * Puts the seeded backups in the store, as if taken one a minute, in id order, before the server
 * started. They bypass the behaviour's plan (and so the faults): they have the state they were
 * given. A FAILED one failed on partition 1 after a leader change; an IN_PROGRESS one never ends,
 * like backups orphaned by a leader change (camunda/camunda#41200); an INCOMPLETE one was never
 * begun on partition 1.
 */
export function seedStore(store: BackupStore, config: ServerSettings, startedAt: number): void {
  const count = config.seedBackups.length;
  config.seedBackups.forEach(({ id, state }, rank) => {
    const takenAt = startedAt - (count - rank) * SEED_SPACING_MS;
    const backup = planBackup(id, takenAt, store.lastAdded, { ...config, settleMs: SEED_DURATION_MS });
    const partitions = backup.partitions.map((plan): PartitionPlan => {
      if (state === 'IN_PROGRESS') return { ...plan, settlesAfterMs: Infinity };
      if (state === 'INCOMPLETE' && plan.partitionId === 1) return { ...plan, startsAfterMs: Infinity, settlesAfterMs: Infinity };
      if (state === 'FAILED' && plan.partitionId === 1) {
        return { ...plan, outcome: 'FAILED', failureReason: zeebeMessages.leaderChange };
      }
      return plan;
    });
    store.seed({ ...backup, partitions });
  });
}
