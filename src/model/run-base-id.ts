import { INT64_MAX } from '../spec/int64.js';

/** A run uses the ids base + 1 to base + 9 (see BackupModel), so bases are ten apart. */
const RUN_SPAN = 10n;

/**
 * The base id of a stateful run: the next multiple of ten above every id known to be taken, so
 * the run's ids (base + 1 …) are above every existing backup and every id the suite has sent a
 * take for, and read well in reports (`Take(+7 = 1037)`). Ids are never reusable, even after a
 * delete (spec/NOTES.md#deleted-id-reuse), so `highestSent` counts every take, answered or not.
 * Undefined when the run's ids would pass the int64 maximum.
 */
export function runBaseId(highestListed: bigint, highestSent: bigint | undefined): bigint | undefined {
  const highest = highestSent !== undefined && highestSent > highestListed ? highestSent : highestListed;
  const base = (highest / RUN_SPAN + 1n) * RUN_SPAN;
  return base + RUN_SPAN - 1n > INT64_MAX ? undefined : base;
}
