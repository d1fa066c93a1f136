import { INT64_MAX } from '../spec/int64.js';

/** The most a run adds to its base: it uses the ids base + 1 to base + 9 (see BackupModel). */
const RUN_SPAN = 9n;

/**
 * The base id of a stateful run: the highest id known to be taken, so the run's ids (base + 1 …)
 * are above every existing backup and every id the suite has sent a take for, with no gap below
 * them. Ids are never reusable, even after a delete (spec/NOTES.md#deleted-id-reuse), so a run uses
 * up the ids up to its highest take and no more; `highestSent` counts every take, answered or not.
 * Undefined when the run's ids would pass the int64 maximum.
 */
export function runBaseId(highestListed: bigint, highestSent: bigint | undefined): bigint | undefined {
  const highest = highestSent !== undefined && highestSent > highestListed ? highestSent : highestListed;
  return highest + RUN_SPAN > INT64_MAX ? undefined : highest;
}
