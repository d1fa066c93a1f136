import type { PartitionStatus } from './partition-status.js';

/** A backup as the gateway answers it: per-partition statuses folded into an overall state. */
export interface DescribedBackup {
  readonly backupId: bigint;
  /** A `StateCode` of the spec. */
  readonly state: string;
  /** Only when `state` is FAILED. */
  readonly failureReason?: string;
  /** One entry per partition, in answer order. */
  readonly details: readonly PartitionStatus[];
}
