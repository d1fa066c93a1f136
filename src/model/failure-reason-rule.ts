const SHOWN_LENGTH = 80;

/**
 * What is wrong with a backup's (or a partition's) `failureReason` given its `state`, or undefined
 * when nothing is. The spec describes the field in prose only, verbatim:
 *
 *   Reason for failure if the state is 'FAILED'
 *   (`#/components/schemas/BackupInfo/properties/failureReason/description`)
 *
 *   Failure reason if stats is 'FAILED'
 *   (`#/components/schemas/PartitionBackupInfo/properties/failureReason/description`)
 *
 * The one reading that no text or real server contradicts: a reason for a failure that did not
 * happen is wrong. So an issue is reported only for a non-blank failureReason on a state other
 * than 'FAILED'. Not reported (spec/NOTES.md#failure-reason):
 * - a FAILED state without failureReason: the field is not `required`, and Zeebe leaves it out
 *   of a failed partition whose error had no message;
 * - an empty or blank failureReason in any state: `""` is the spec's own example, and a pre-release
 *   8.2 build sent it on COMPLETED partitions;
 * - a failureReason that is not a string (null, a number): the schema check reports its type.
 */
export function failureReasonIssue(state: string, failureReason: unknown): string | undefined {
  if (state === 'FAILED') return undefined;
  if (typeof failureReason !== 'string' || failureReason.trim() === '') return undefined;
  const shown = failureReason.length > SHOWN_LENGTH ? `${failureReason.slice(0, SHOWN_LENGTH)}…` : failureReason;
  return `failureReason ${JSON.stringify(shown)} is given although the state is ${JSON.stringify(state)}, not "FAILED"`;
}
