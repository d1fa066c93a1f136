/** A rule the suite enforces from the spec's prose, and where its sentence is written. */
export interface ProseRule {
  /** Kebab-case name of the rule. */
  readonly id: string;
  /** JSON pointer (RFC 6901) to the string that holds the sentence, in the document as written. */
  readonly pointer: string;
  /** The spec's words, verbatim up to whitespace. */
  readonly sentence: string;
}

const AGGREGATION = '/components/schemas/BackupInfo/description';
const DETAILS = '/components/schemas/BackupInfo/properties/details/description';
const BACKUP_ID = '/components/schemas/BackupId/description';

/**
 * Every rule the suite enforces from prose rather than from a schema or a status list. The code
 * that enforces a rule quotes its sentence (for most rules, a pure function in src/model/);
 * `missingProseRules` tells when the spec's text no longer says it.
 */
export const proseRules: readonly ProseRule[] = Object.freeze([
  { id: 'aggregate-all-completed', pointer: AGGREGATION, sentence: "If the backup of all partitions is in state 'COMPLETED', then the overall state is 'COMPLETED'." },
  { id: 'aggregate-one-failed', pointer: AGGREGATION, sentence: "If one is 'FAILED', then the overall state is 'FAILED'." },
  { id: 'aggregate-does-not-exist-incomplete', pointer: AGGREGATION, sentence: "Otherwise, if one is 'DOES_NOT_EXIST', then the overall state is 'INCOMPLETE'." },
  { id: 'aggregate-in-progress', pointer: AGGREGATION, sentence: "Otherwise, if one is 'IN_PROGRESS', then the overall state is 'IN_PROGRESS'." },
  { id: 'list-sorted-descending', pointer: '/paths/~1/get/description', sentence: 'sorted in descending order of backupId' },
  { id: 'take-conflict-same-or-higher', pointer: '/paths/~1/post/responses/409/description', sentence: 'A backup with same or higher id already exists' },
  { id: 'take-invalid-id-refused', pointer: '/paths/~1/post/responses/400/description', sentence: 'Or the given BackupId is not valid.' },
  { id: 'take-scheduled', pointer: '/paths/~1/post/responses/202/description', sentence: 'A backup has been successfully scheduled' },
  { id: 'get-unknown-not-found', pointer: '/paths/~1{backupId}/get/responses/404/description', sentence: 'A backup with given backupId does not exist' },
  { id: 'delete-removes', pointer: '/paths/~1{backupId}/delete/responses/204/description', sentence: 'Backup is deleted' },
  { id: 'details-one-per-partition', pointer: DETAILS, sentence: 'Detailed list of the status of the backup per partition.' },
  { id: 'details-all-partitions', pointer: DETAILS, sentence: 'It should always contain all partitions known to the cluster.' },
  { id: 'partition-id-positive', pointer: '/components/schemas/PartitionId/description', sentence: 'This is always a positive number greater than or equal to 1.' },
  { id: 'backup-id-positive', pointer: BACKUP_ID, sentence: 'The ID of the backup must be a positive numerical value.' },
  { id: 'backup-id-increasing', pointer: BACKUP_ID, sentence: 'each successive backup must use a higher ID than the previous one.' },
  { id: 'state-changes-forward', pointer: '/components/schemas/PartitionBackupInfo/properties/lastUpdatedAt/description', sentence: 'changed state from IN_PROGRESS to COMPLETED' },
  { id: 'failure-reason-when-failed', pointer: '/components/schemas/BackupInfo/properties/failureReason/description', sentence: "Reason for failure if the state is 'FAILED'" },
  { id: 'partition-failure-reason-when-failed', pointer: '/components/schemas/PartitionBackupInfo/properties/failureReason/description', sentence: "Failure reason if stats is 'FAILED'" },
].map((rule) => Object.freeze(rule)));

/**
 * The rules whose sentence no longer appears in the string at their pointer, comparing with runs
 * of whitespace collapsed (YAML folds and re-wraps lines). A rule whose pointer leads nowhere, or
 * to something other than a string, is missing too. Give it the document as written (parsed, not
 * dereferenced): the pointers name places in that text.
 */
export function missingProseRules(document: unknown): ProseRule[] {
  return proseRules.filter((rule) => {
    const text = valueAt(document, rule.pointer);
    return typeof text !== 'string' || !normalise(text).includes(normalise(rule.sentence));
  });
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current = document;
  for (const raw of pointer.slice(1).split('/')) {
    if (current === null || typeof current !== 'object') return undefined;
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
