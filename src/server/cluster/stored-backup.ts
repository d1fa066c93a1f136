/**
 * A backup as the cluster holds it: the moment it was taken and, per partition, a plan of its
 * life. States are not stored but read from the plan at the time of each request, so a backup
 * needs no timer and a test can move an injected clock to any moment.
 */
export interface StoredBackup {
  readonly id: bigint;
  /** Epoch milliseconds (of the server's clock) at which the take request was accepted. */
  readonly takenAt: number;
  /** One plan per partition of the cluster, in topology order. */
  readonly partitions: readonly PartitionPlan[];
}

/** How one partition's backup unfolds, as offsets from `takenAt`. */
export interface PartitionPlan {
  readonly partitionId: number;
  /** The broker leading the partition when the backup was taken. */
  readonly brokerId: number;
  readonly brokerVersion: string;
  /**
   * When the partition writes its IN_PROGRESS manifest; until then it reports DOES_NOT_EXIST.
   * `Infinity`: never (the `partition-never-starts` fault).
   */
  readonly startsAfterMs: number;
  /** When it reaches its outcome; before that (and after starting) it is IN_PROGRESS. `Infinity`: never. */
  readonly settlesAfterMs: number;
  readonly outcome: 'COMPLETED' | 'FAILED';
  /** The partition's reason when `outcome` is FAILED. */
  readonly failureReason?: string;
  readonly checkpointPosition: bigint;
  /** Absent when the partition had no snapshot yet, as on a fresh cluster. */
  readonly snapshotId?: string;
  /** Digits below the millisecond of createdAt and lastUpdatedAt, 0 to 999999 nanoseconds. */
  readonly createdNanos: number;
  readonly updatedNanos: number;
}
