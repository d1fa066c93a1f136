/** A partition's backup state, as the brokers report it (never INCOMPLETE or INCOMPATIBLE). */
export type PartitionState = 'DOES_NOT_EXIST' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/**
 * What one partition reports about a backup at a given moment. Absent fields are undefined and
 * never written: Zeebe 8.2+ omits them rather than writing null (research note §5).
 */
export interface PartitionStatus {
  readonly partitionId: number;
  readonly state: PartitionState;
  readonly failureReason?: string;
  readonly createdAt?: string;
  readonly lastUpdatedAt?: string;
  readonly snapshotId?: string;
  readonly checkpointPosition?: bigint;
  readonly brokerId?: number;
  readonly brokerVersion?: string;
}
