/** A run uses the ids base + 1 to base + 9 (see BackupModel). */
const RUN_SPAN = 9n;

/**
 * The base id of a stateful run: the highest id known to be taken, listed or sent, so that the
 * run's first id (base + 1) is the next id and every id of the run is above every existing backup
 * and every id the suite has sent a take for. A server that refuses the next id, or a gap above
 * it, cannot hide behind ids the suite never tries. Ids are never reusable, even after a delete
 * (spec/NOTES.md#deleted-id-reuse), so `highestSent` counts every take, answered or not.
 * Undefined when the run's ids would pass the int64 maximum.
 */
export function runBaseId(highestListed: bigint, highestSent: bigint | undefined): bigint | undefined {
  const base = highestSent !== undefined && highestSent > highestListed ? highestSent : highestListed;
  return base + RUN_SPAN > 2n ** 63n - 1n ? undefined : base;
}
