import { compareTimestamps } from './compare-timestamps.js';

/** The facts of one partition's backup that are fixed once they happened, each written as text (numbers exactly). */
export type PartitionFacts = Readonly<Partial<Record<FixedFact, string>>>;

export type FixedFact = 'createdAt' | 'snapshotId' | 'checkpointPosition' | 'brokerId' | 'brokerVersion';

export const FIXED_FACTS: readonly FixedFact[] = Object.freeze(['createdAt', 'snapshotId', 'checkpointPosition', 'brokerId', 'brokerVersion']);

/** A fact of a partition's backup reported one way and later another. */
export interface ChangedFact {
  readonly partitionId: number;
  readonly fact: FixedFact;
  readonly before: string;
  readonly after: string;
}

/**
 * The first fixed fact (by partition id, then in the order of `FIXED_FACTS`) that `after` reports
 * differently from `before`, or undefined. The spec describes each as something that happened,
 * verbatim (`#/components/schemas/PartitionBackupInfo/properties/...`):
 *
 *   createdAt:          The timestamp at which the backup was started on this partition.
 *   snapshotId:         The ID of the snapshot which is included in this backup.
 *   checkpointPosition: The position of the checkpoint for this backup.
 *   brokerId:           The ID of the broker from which the backup was taken for this partition.
 *   brokerVersion:      The version of the broker from which the backup was taken for this partition.
 *
 * The past does not change, so once a partition reported one, later answers report the same or
 * leave it out: a fact absent from either side is not compared (list entries carry fewer fields
 * than a GET, and a FAILED partition drops some, spec/NOTES.md#optional-fields). `createdAt` is
 * compared as an instant, so `…:55.50Z` and `…:55.5Z` are the same (spec/NOTES.md#timestamps).
 * Partitions present on one side only are `samePartitionSet`'s concern.
 */
export function changedFact(before: ReadonlyMap<number, PartitionFacts>, after: ReadonlyMap<number, PartitionFacts>): ChangedFact | undefined {
  for (const partitionId of [...after.keys()].sort((a, b) => a - b)) {
    const old = before.get(partitionId);
    const now = after.get(partitionId);
    if (old === undefined || now === undefined) continue;
    for (const fact of FIXED_FACTS) {
      const was = old[fact];
      const is = now[fact];
      if (was === undefined || is === undefined || was === is) continue;
      if (fact === 'createdAt' && compareTimestamps(was, is) === 0) continue;
      return { partitionId, fact, before: was, after: is };
    }
  }
  return undefined;
}

/** `before` with every fact `after` adds; facts already known are kept (they are the ones judged against). */
export function mergeFacts(before: ReadonlyMap<number, PartitionFacts>, after: ReadonlyMap<number, PartitionFacts>): Map<number, PartitionFacts> {
  const merged = new Map(before);
  for (const [partitionId, facts] of after) merged.set(partitionId, { ...facts, ...merged.get(partitionId) });
  return merged;
}
