import { formatInstant } from '../rendering/format-instant.js';
import type { PartitionStatus } from './partition-status.js';
import type { PartitionPlan } from './stored-backup.js';

/**
 * What a partition reports at `now` about a backup taken at `takenAt`, with the fields Zeebe sends
 * for each state (`PartitionBackupStatus.validStatus`, `failedStatus`, `notExistingStatus`;
 * research note §5): DOES_NOT_EXIST carries only the id and state; FAILED carries the reason and
 * what the manifest knew, but no position, broker id or version.
 */
export function partitionStatusAt(plan: PartitionPlan, takenAt: number, now: number): PartitionStatus {
  const elapsed = now - takenAt;
  if (!(elapsed >= plan.startsAfterMs)) return { partitionId: plan.partitionId, state: 'DOES_NOT_EXIST' };
  const startedAt = takenAt + plan.startsAfterMs;
  const createdAt = formatInstant(startedAt, plan.createdNanos);
  const settled = elapsed >= plan.settlesAfterMs;
  const lastUpdatedAt = settled ? settledAt(plan, startedAt, takenAt + plan.settlesAfterMs) : createdAt;
  if (settled && plan.outcome === 'FAILED') {
    return {
      partitionId: plan.partitionId,
      state: 'FAILED',
      failureReason: plan.failureReason,
      createdAt,
      lastUpdatedAt,
      snapshotId: plan.snapshotId,
    };
  }
  return {
    partitionId: plan.partitionId,
    state: settled ? 'COMPLETED' : 'IN_PROGRESS',
    createdAt,
    lastUpdatedAt,
    snapshotId: plan.snapshotId,
    checkpointPosition: plan.checkpointPosition,
    brokerId: plan.brokerId,
    brokerVersion: plan.brokerVersion,
  };
}

/** Never before createdAt, even when both fall in the same millisecond. */
function settledAt(plan: PartitionPlan, startedAt: number, settledMs: number): string {
  const sameMilli = Math.floor(settledMs) === Math.floor(startedAt);
  return formatInstant(settledMs, sameMilli ? Math.max(plan.createdNanos, plan.updatedNanos) : plan.updatedNanos);
}
