import { aggregateState } from '../../model/aggregate-state.js';
import type { Behaviour } from './behaviour.js';
import { isJsonMediaType } from '../request/is-json-media-type.js';
import type { ResolvedServerOptions } from '../options.js';
import { partitionStatusAt } from '../cluster/partition-status-at.js';
import { planBackup } from './plan-backup.js';
import { readPathId } from '../request/read-path-id.js';
import { readTakeId } from '../request/read-take-id.js';
import { renderBackupInfo } from '../rendering/render-backup-info.js';
import { renderListEntry } from '../rendering/render-list-entry.js';
import { zeebeMessages } from './zeebe-messages.js';

/**
 * The reference behaviour: the spec where it speaks, Zeebe 8.2–8.7 where it is silent (each piece
 * names its source). Quirks and faults are overrides of this, never branches in it.
 */
export function createDefaultBehaviour(config: ResolvedServerOptions): Behaviour {
  return {
    // Spring's actuator consumes only JSON for a write operation with a body (RequestPredicateFactory:
    // its three JSON types); any application/*+json is accepted here, as a JSON client may send one.
    acceptsContentType: isJsonMediaType,
    readTakeId,
    readPathId,
    responseContentType: () => 'application/json',
    // The spec's Error schema for everything, though Spring answers these with its own error body
    // (the `spring-error-bodies` quirk): a client can then read a reason on every error.
    renderFrameworkError: (_request, status, reason) => ({
      status,
      headers: { 'content-type': 'application/json' },
      json: { message: reason },
    }),
    renderError: (message) => ({ message }),
    clusterError: () => undefined,
    latencyMs: () => config.latencyMs,
    // The 409 rule of the spec ("A backup with same or higher id already exists"), against the
    // highest id ever taken, since deleting a backup does not lower it (camunda/camunda#36191).
    decideTake: (id, latestId) => (latestId !== undefined && id <= latestId ? { accepted: false, latestId } : { accepted: true }),
    planBackup: (id, takenAt, previous) => planBackup(id, takenAt, previous, config),
    partitionStates: (backup, now) => backup.partitions.map((plan) => partitionStatusAt(plan, backup.takenAt, now)),
    // Zeebe answers in topology order (the `details-topology-order` quirk); the spec is silent, and
    // sorted details are easier to read and to compare.
    orderDetails: (statuses) => [...statuses].sort((a, b) => a.partitionId - b.partitionId),
    // The spec's rule; where every partition is DOES_NOT_EXIST the backup does not exist at all,
    // as in Zeebe's `BackupRequestHandler.getAggregatedStatus` (research note §4).
    aggregate: (states) => (states.every((state) => state === 'DOES_NOT_EXIST') ? 'DOES_NOT_EXIST' : (aggregateState(states) ?? 'DOES_NOT_EXIST')),
    failureReason: (details) =>
      details
        .filter((status) => status.state === 'FAILED')
        .map((status) => zeebeMessages.partitionFailed(status.partitionId, status.failureReason ?? zeebeMessages.unknownReason))
        .join(''),
    // Zeebe deletes an in-progress backup too, after marking it FAILED (BackupServiceImpl.deleteBackupIfExists).
    onDelete: (store, id) => {
      store.delete(id);
    },
    renderBackupInfo,
    renderListEntry,
    // The spec: "sorted in descending order of backupId". Zeebe sorts only from 8.9 (`list-unsorted` quirk).
    orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? 1 : a.backupId > b.backupId ? -1 : 0)),
  };
}
