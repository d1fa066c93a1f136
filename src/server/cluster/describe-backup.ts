import type { DescribedBackup } from './described-backup.js';
import type { Behaviour } from '../behaviour/behaviour.js';
import type { StoredBackup } from './stored-backup.js';

/**
 * A backup as the gateway sees it at `now`, or undefined when no partition knows it (Zeebe then
 * answers 404, and leaves it out of the list). Each step is a piece of the behaviour, so a faulty
 * server can change one without the others.
 */
export function describeBackup(behaviour: Behaviour, backup: StoredBackup, now: number): DescribedBackup | undefined {
  const details = behaviour.orderDetails(behaviour.partitionStates(backup, now));
  const state = behaviour.aggregate(details.map((status) => status.state));
  if (state === 'DOES_NOT_EXIST') return undefined;
  return state === 'FAILED'
    ? { backupId: backup.id, state, failureReason: behaviour.failureReason(details), details }
    : { backupId: backup.id, state, details };
}
