/**
 * Whether two `details` arrays name the same partitions, ignoring order and repetition. The spec
 * says of every backup's details (`#/components/schemas/BackupInfo/properties/details/description`,
 * verbatim):
 *
 *   It should always contain all partitions known to the cluster.
 *
 * The suite cannot ask the cluster how many partitions it has, but it can see that two answers
 * disagree: then at least one of them misses a partition (spec/NOTES.md#partition-completeness).
 * The order of details is not specified (spec/NOTES.md#details-order), and repeated ids are
 * `partitionSetIssues`'s concern.
 */
export function samePartitionSet(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size !== right.size) return false;
  for (const id of left) if (!right.has(id)) return false;
  return true;
}
