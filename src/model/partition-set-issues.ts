/**
 * What is wrong with the partition ids of one backup's `details`, as sentences a person can read;
 * empty when nothing is. Two rules, both from the spec's prose, verbatim:
 *
 *   This is always a positive number greater than or equal to 1.
 *   (`#/components/schemas/PartitionId/description`)
 *
 *   Detailed list of the status of the backup per partition.
 *   (`#/components/schemas/BackupInfo/properties/details/description`: one entry per partition,
 *   so an id that appears twice is an issue)
 *
 * Each distinct id is reported once, in order of first appearance. Whether every partition of the
 * cluster is present is a question of two lists, not one: see `samePartitionSet` and
 * spec/NOTES.md#partition-completeness.
 */
export function partitionSetIssues(partitionIds: readonly number[]): string[] {
  const counts = new Map<number, number>();
  for (const id of partitionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const issues: string[] = [];
  for (const [id, count] of counts) {
    // Written as a negation so that NaN, which no comparison satisfies, is reported too.
    if (!(id >= 1)) issues.push(`partitionId ${id} is not a positive number greater than or equal to 1`);
    if (count > 1) issues.push(`partitionId ${id} appears ${count} times; details holds one entry per partition`);
  }
  return issues;
}
