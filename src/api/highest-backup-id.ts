import type { Observation } from './backup-api.js';

/**
 * The highest backup id in a list answer (0n for an empty list), or undefined when the answer is
 * not a readable list. Ids are read exactly, so a cluster whose ids are near 2^63 is handled.
 */
export function highestBackupId(listing: Observation<'list'>): bigint | undefined {
  const { answer } = listing;
  if (answer.kind !== 'listed' || answer.backups === undefined) return undefined;
  let highest = 0n;
  for (const { backupId } of answer.backups) if (backupId !== undefined && backupId > highest) highest = backupId;
  return highest;
}
