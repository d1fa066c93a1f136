/** Two backups whose checkpoint positions on one partition run against their ids. */
export interface PositionDecrease {
  readonly partitionId: number;
  readonly lowerId: bigint;
  readonly lowerIdPosition: bigint;
  readonly higherId: bigint;
  readonly higherIdPosition: bigint;
}

/**
 * The first partition (lowest id) on which a backup with a higher id has a lower checkpoint
 * position than a backup with a lower id, or undefined when positions never decrease as ids grow.
 * `positions` maps a backup id to the positions its partitions reported (partitions that reported
 * none are left out). The spec orders backups by id in prose, verbatim
 * (`#/components/schemas/BackupId/description`):
 *
 *   As backups are logically ordered by their IDs (ascending), each successive backup must use a
 *   higher ID than the previous one.
 *
 * A checkpoint is a record in each partition's log, so a later backup's checkpoint lies at or
 * after an earlier one's. Equal positions are allowed: the spec does not say strictly.
 */
export function checkpointPositionDecrease(positions: ReadonlyMap<bigint, ReadonlyMap<number, bigint>>): PositionDecrease | undefined {
  const byPartition = new Map<number, { id: bigint; position: bigint }[]>();
  for (const [id, partitions] of positions) {
    for (const [partitionId, position] of partitions) {
      const list = byPartition.get(partitionId) ?? [];
      list.push({ id, position });
      byPartition.set(partitionId, list);
    }
  }
  for (const partitionId of [...byPartition.keys()].sort((a, b) => a - b)) {
    const list = (byPartition.get(partitionId) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let highest = list[0];
    for (const entry of list.slice(1)) {
      if (highest !== undefined && entry.id > highest.id && entry.position < highest.position) {
        return { partitionId, lowerId: highest.id, lowerIdPosition: highest.position, higherId: entry.id, higherIdPosition: entry.position };
      }
      if (highest === undefined || entry.position > highest.position) highest = entry;
    }
  }
  return undefined;
}
