/** A partition's backup state, as the brokers report it (never INCOMPLETE or INCOMPATIBLE). */
export type PartitionState = 'DOES_NOT_EXIST' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/**
 * What one partition reports about a backup at a given moment. Absent fields are undefined and
 * never written: Zeebe 8.2+ omits them rather than writing null (research note §5).
 */
export interface PartitionStatus {
  readonly partitionId: number;
  readonly state: PartitionState;
  // `| undefined`: a quirk or fault may blank a field that the default behaviour sets.
  readonly failureReason?: string | undefined;
  readonly createdAt?: string | undefined;
  readonly lastUpdatedAt?: string | undefined;
  readonly snapshotId?: string | undefined;
  readonly checkpointPosition?: bigint | undefined;
  readonly brokerId?: number | undefined;
  readonly brokerVersion?: string | undefined;
}
