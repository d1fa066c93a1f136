/** The states a seeded backup can be given (see SeedBackup in options.ts). */
export const SEED_STATES = ['COMPLETED', 'FAILED', 'IN_PROGRESS', 'INCOMPLETE'] as const;
export type SeedState = (typeof SEED_STATES)[number];

/** The leader of one partition. */
export interface PartitionLeader {
  readonly partitionId: number;
  readonly brokerId: number;
}

/**
 * The server's resolved settings that a behaviour reads. It names no fault or quirk, so that the
 * behaviour, the catalogues of overrides built on it and the options that list those catalogues
 * import one another in one direction only.
 */
export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  /** Empty for the root, else starting with '/' and without a trailing '/'. */
  readonly basePath: string;
  readonly partitions: number;
  readonly brokers: number;
  readonly brokerVersion: string;
  /** The partitions in topology order (by id), with their leaders. */
  readonly topology: readonly PartitionLeader[];
  readonly settleMs: number;
  readonly jitterMs: number;
  readonly startWindowMs: number;
  readonly latencyMs: number;
  readonly maxBodyBytes: number;
  /** By ascending id. */
  readonly seedBackups: readonly { readonly id: bigint; readonly state: SeedState }[];
  readonly now: () => number;
}
