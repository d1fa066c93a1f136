import type { DescribedBackup } from '../cluster/described-backup.js';
import type { JsonValue } from './json-value.js';

/**
 * The `BackupInfo` body of `GET /{backupId}`: every field a partition reported, in the order of
 * Zeebe's `BackupEndpointTest` expected JSON. Undefined fields are left out when written.
 */
export function renderBackupInfo(view: DescribedBackup): JsonValue {
  return {
    backupId: view.backupId,
    state: view.state,
    failureReason: view.failureReason,
    details: view.details.map((status) => ({
      partitionId: status.partitionId,
      state: status.state,
      failureReason: status.failureReason,
      createdAt: status.createdAt,
      lastUpdatedAt: status.lastUpdatedAt,
      snapshotId: status.snapshotId,
      checkpointPosition: status.checkpointPosition,
      brokerId: status.brokerId,
      brokerVersion: status.brokerVersion,
    })),
  };
}
