/**
 * The texts Zeebe 8.2–8.7 answers with, verbatim, trailing spaces included. Sources are in the
 * research note (§3); the Java files are named beside each text.
 */
export const zeebeMessages = {
  /**
   * `BackupEndpoint.take` (camunda/zeebe@8.5.4 dist/.../shared/management/BackupEndpoint.java).
   * The text names `actuator/backups` even on `/actuator/backupRuntime` (camunda-docs#6108).
   */
  scheduled: (id: bigint): string => `A backup with id ${id} has been scheduled. Use GET actuator/backups/${id} to monitor the status.`,
  /** `BackupEndpoint.take`, checked before the request reaches the brokers. */
  idNotPositive: 'A backupId must be provided and it must be > 0',
  /** `BackupAlreadyExistException` (zeebe/backup/.../client/api), 8.2 to 8.8. */
  conflict: (id: bigint, latestId: bigint): string =>
    `Requested backup has id ${id}. The latest backup has id ${latestId}. Id of new backups must be higher than the previous one. `,
  /** `BackupEndpoint.status`, when every partition reports DOES_NOT_EXIST. */
  notFound: (id: bigint): string => `Backup with id ${id} does not exist`,
  /** Broker `BackupApiRequestHandler.backupFeatureDisabledError` (UNSUPPORTED_MESSAGE, mapped to 400). */
  notConfigured: 'Cannot process backup requests. No backup store is configured. To use this feature, configure backup in broker configuration.',
  /**
   * `BackupEndpoint.mapErrorResponse` for a `ConnectException`: the prefix, then the exception's
   * message with no space between. The message after the prefix is illustrative.
   */
  brokerUnreachable: 'Failed to send request from gateway to broker.Connection refused: zeebe-0/127.0.0.1:26501',
  /**
   * `BackupEndpoint.mapErrorResponse` for a `TimeoutException`: the prefix, then the exception's
   * message. The message after the prefix is illustrative (15 s is the gateway's default timeout).
   */
  gatewayTimeout: 'Request from gateway to broker timed out. Request timed out after PT15S',
  /** `BackupServiceImpl.failInProgressBackup`: a new leader fails the old leader's backup. */
  leaderChange: 'Backup is cancelled due to leader change.',
  /** Gateway `BackupRequestHandler.collectFailureReason`, for a partition with no reason. */
  unknownReason: 'Unknown reason',
  /** Gateway `BackupRequestHandler.collectFailureReason`: one such fragment per FAILED partition, concatenated. */
  partitionFailed: (partitionId: number, reason: string): string => `Backup on partition ${partitionId} failed due to ${reason}. `,
} as const;
