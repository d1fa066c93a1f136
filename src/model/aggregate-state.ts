/**
 * The overall state of a backup, from its partitions' states, by the rule the spec states in prose
 * (`#/components/schemas/BackupInfo/description`, quoted verbatim):
 *
 *   - If the backup of all partitions is in state 'COMPLETED', then the overall state is 'COMPLETED'.
 *   - If one is 'FAILED', then the overall state is 'FAILED'.
 *   - Otherwise, if one is 'DOES_NOT_EXIST', then the overall state is 'INCOMPLETE'.
 *   - Otherwise, if one is 'IN_PROGRESS', then the overall state is 'IN_PROGRESS'.
 *
 * Returns undefined where the rule is silent: no partitions at all, or a mix the four lines do not
 * cover (a partition in 'INCOMPATIBLE' or 'INCOMPLETE' with no FAILED, DOES_NOT_EXIST or IN_PROGRESS
 * beside it). See spec/NOTES.md#incompatible-aggregation.
 */
export function aggregateState(partitionStates: readonly string[]): string | undefined {
  if (partitionStates.length === 0) return undefined;
  if (partitionStates.every((state) => state === 'COMPLETED')) return 'COMPLETED';
  if (partitionStates.includes('FAILED')) return 'FAILED';
  if (partitionStates.includes('DOES_NOT_EXIST')) return 'INCOMPLETE';
  if (partitionStates.includes('IN_PROGRESS')) return 'IN_PROGRESS';
  return undefined;
}
