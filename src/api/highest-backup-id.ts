import { toBackupId } from '../checks/backup-views.js';
import type { Observation } from './backup-api.js';

/**
 * The highest backup id in a list answer (0n for an empty list), or undefined when the answer is
 * not a readable list. Ids are read exactly, so a cluster whose ids are near 2^63 is handled.
 */
export function highestBackupId(listing: Observation): bigint | undefined {
  if (listing.status !== listing.operation.successStatus || listing.body === undefined || !listing.body.ok || !Array.isArray(listing.body.exact)) return undefined;
  let highest = 0n;
  for (const entry of listing.body.exact) {
    const id = entry !== null && typeof entry === 'object' ? toBackupId((entry as Record<string, unknown>)['backupId']) : undefined;
    if (id !== undefined && id > highest) highest = id;
  }
  return highest;
}
