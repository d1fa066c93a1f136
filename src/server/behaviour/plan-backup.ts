import type { ServerSettings } from '../server-settings.js';
import { foldId } from './fold-id.js';
import { stableFraction } from './stable-fraction.js';
import type { PartitionPlan, StoredBackup } from '../cluster/stored-backup.js';

/** Checkpoint positions advance by at most this much per backup for the time between two takes. */
const MAX_POSITION_GAIN_FROM_TIME = 10_000;

/**
 * The plan of a healthy backup: every partition starts at once, is IN_PROGRESS for `settleMs` plus
 * its own jitter (none when `settleMs` is 0), then COMPLETED. Each partition's checkpoint position
 * continues from `previous`, the backup taken before (even if since deleted), growing with the time
 * between the two, so positions never decrease as ids grow, as in a real log. A partition's first
 * backup has no snapshot yet, like the docs' example on a fresh 8.8 cluster (research note §5).
 */
export function planBackup(
  id: bigint,
  takenAt: number,
  previous: StoredBackup | undefined,
  config: Pick<ServerSettings, 'topology' | 'brokerVersion' | 'settleMs' | 'jitterMs'>,
): StoredBackup {
  const idBits = foldId(id);
  const partitions = config.topology.map(({ partitionId, brokerId }, index): PartitionPlan => {
    const before = previous?.partitions[index];
    const elapsed = previous === undefined ? 0 : Math.max(0, takenAt - previous.takenAt);
    const gain = Math.min(MAX_POSITION_GAIN_FROM_TIME, Math.floor(elapsed / 100));
    const checkpointPosition = (before?.checkpointPosition ?? 0n) + 1n + BigInt(gain) + BigInt(Math.floor(stableFraction(idBits, partitionId, 0) * 8));
    const jitter = Math.floor(stableFraction(idBits, partitionId, 1) * (config.jitterMs + 1));
    return {
      partitionId,
      brokerId,
      brokerVersion: config.brokerVersion,
      startsAfterMs: 0,
      settlesAfterMs: config.settleMs === 0 ? 0 : config.settleMs + jitter,
      outcome: 'COMPLETED',
      checkpointPosition,
      ...(before === undefined ? {} : { snapshotId: snapshotIdAt(checkpointPosition) }),
      createdNanos: Math.floor(stableFraction(idBits, partitionId, 2) * 1_000_000),
      updatedNanos: Math.floor(stableFraction(idBits, partitionId, 3) * 1_000_000),
    };
  });
  return { id, takenAt, partitions };
}

/**
 * Zeebe's snapshot id, `index-term-processedPosition-exportedPosition`, of a snapshot taken just
 * before the checkpoint (a backup can only include a snapshot at or below its checkpoint position).
 */
function snapshotIdAt(checkpointPosition: bigint): string {
  const processed = checkpointPosition - 1n;
  const exported = processed > 0n ? processed - 1n : 0n;
  return `${processed}-1-${processed}-${exported}`;
}
