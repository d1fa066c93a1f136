import type { DescribedBackup } from '../cluster/described-backup.js';
import type { JsonValue } from './json-value.js';

/**
 * One element of the `GET /` list. Zeebe's list carries less per partition than `GET /{backupId}`:
 * only partitionId, state, createdAt, brokerVersion and, when FAILED, failureReason
 * (`BackupRequestHandler.aggregateBackupList`, research note §5).
 */
export function renderListEntry(view: DescribedBackup): JsonValue {
  return {
    backupId: view.backupId,
    state: view.state,
    failureReason: view.failureReason,
    details: view.details.map((status) => ({
      partitionId: status.partitionId,
      state: status.state,
      failureReason: status.state === 'FAILED' ? status.failureReason : undefined,
      createdAt: status.createdAt,
      brokerVersion: status.brokerVersion,
    })),
  };
}
