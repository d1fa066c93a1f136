/** The `backupId` field of a finding draft, left out when the backup had no readable id. */
export function subject(backupId: bigint | undefined): { backupId?: bigint } {
  return backupId === undefined ? {} : { backupId };
}
