import type { OperationRole } from './operation.js';

/**
 * Where a prose sentence is written: in an operation's part (its place follows the loaded document,
 * whose paths may be renamed), in the description of whichever of its responses states it (so a
 * document that gives the conflict another status still holds the rule), or at a fixed place
 * under `components`.
 */
export type ProsePlace =
  { readonly role: OperationRole; readonly at: string } | { readonly role: OperationRole; readonly inResponse: true } | { readonly pointer: string };

/** A rule the suite enforces from the spec's prose, and where its sentence is written. */
export interface ProseRule {
  /** Kebab-case name of the rule. */
  readonly id: string;
  readonly place: ProsePlace;
  /** The spec's words, verbatim up to whitespace. */
  readonly sentence: string;
}

/** The JSON pointer (`#/paths/~1/post`) of each operation role in the loaded document. */
export type OperationPointers = Readonly<Record<OperationRole, { readonly pointer: string; readonly responses?: readonly DescribedResponse[] }>>;

/** A documented response, as far as finding a sentence in it goes. */
export interface DescribedResponse {
  readonly key: string;
  readonly description: string;
  /** JSON pointer of the response, e.g. `#/paths/~1/post/responses/409`. */
  readonly pointer: string;
}

const AGGREGATION = { pointer: '/components/schemas/BackupInfo/description' };
const DETAILS = { pointer: '/components/schemas/BackupInfo/properties/details/description' };
const BACKUP_ID = { pointer: '/components/schemas/BackupId/description' };
const PARTITION = (property: string) => ({ pointer: `/components/schemas/PartitionBackupInfo/properties/${property}/description` });

/**
 * Every sentence the suite enforces from prose rather than from a schema or a status list. The
 * code that enforces one quotes it (for most, a pure function in src/model/); `missingProseRules`
 * tells when the loaded document no longer says it.
 */
export const proseRules = Object.freeze(
  [
    {
      id: 'aggregate-all-completed',
      place: AGGREGATION,
      sentence: "If the backup of all partitions is in state 'COMPLETED', then the overall state is 'COMPLETED'.",
    },
    { id: 'aggregate-one-failed', place: AGGREGATION, sentence: "If one is 'FAILED', then the overall state is 'FAILED'." },
    {
      id: 'aggregate-does-not-exist-incomplete',
      place: AGGREGATION,
      sentence: "Otherwise, if one is 'DOES_NOT_EXIST', then the overall state is 'INCOMPLETE'.",
    },
    { id: 'aggregate-in-progress', place: AGGREGATION, sentence: "Otherwise, if one is 'IN_PROGRESS', then the overall state is 'IN_PROGRESS'." },
    {
      id: 'list-all-backups',
      place: { role: 'list', at: '/description' },
      sentence: 'Returns a list of all available backups with their state and additional info',
    },
    { id: 'list-sorted-descending', place: { role: 'list', at: '/description' }, sentence: 'sorted in descending order of backupId' },
    { id: 'take-conflict-same-or-higher', place: { role: 'take', inResponse: true }, sentence: 'A backup with same or higher id already exists' },
    { id: 'take-invalid-id-refused', place: { role: 'take', inResponse: true }, sentence: 'Or the given BackupId is not valid.' },
    { id: 'take-scheduled', place: { role: 'take', inResponse: true }, sentence: 'A backup has been successfully scheduled' },
    { id: 'get-returns-backup', place: { role: 'get', at: '/description' }, sentence: 'A detailed information of the backup with the give backup id.' },
    { id: 'get-unknown-not-found', place: { role: 'get', inResponse: true }, sentence: 'A backup with given backupId does not exist' },
    { id: 'delete-removes', place: { role: 'delete', inResponse: true }, sentence: 'Backup is deleted' },
    { id: 'details-one-per-partition', place: DETAILS, sentence: 'Detailed list of the status of the backup per partition.' },
    { id: 'details-all-partitions', place: DETAILS, sentence: 'It should always contain all partitions known to the cluster.' },
    {
      id: 'partition-id-positive',
      place: { pointer: '/components/schemas/PartitionId/description' },
      sentence: 'This is always a positive number greater than or equal to 1.',
    },
    { id: 'backup-id-positive', place: BACKUP_ID, sentence: 'The ID of the backup must be a positive numerical value.' },
    { id: 'backup-id-increasing', place: BACKUP_ID, sentence: 'each successive backup must use a higher ID than the previous one.' },
    { id: 'created-at-started', place: PARTITION('createdAt'), sentence: 'The timestamp at which the backup was started on this partition.' },
    { id: 'last-updated-at', place: PARTITION('lastUpdatedAt'), sentence: 'The timestamp at which the backup was last updated on this partition' },
    { id: 'snapshot-id-of-backup', place: PARTITION('snapshotId'), sentence: 'The ID of the snapshot which is included in this backup.' },
    { id: 'checkpoint-position-of-backup', place: PARTITION('checkpointPosition'), sentence: 'The position of the checkpoint for this backup.' },
    { id: 'broker-id-of-backup', place: PARTITION('brokerId'), sentence: 'The ID of the broker from which the backup was taken for this partition.' },
    {
      id: 'broker-version-of-backup',
      place: PARTITION('brokerVersion'),
      sentence: 'The version of the broker from which the backup was taken for this partition.',
    },
    {
      id: 'state-changes-forward',
      place: { pointer: '/components/schemas/PartitionBackupInfo/properties/lastUpdatedAt/description' },
      sentence: 'changed state from IN_PROGRESS to COMPLETED',
    },
    {
      id: 'failure-reason-when-failed',
      place: { pointer: '/components/schemas/BackupInfo/properties/failureReason/description' },
      sentence: "Reason for failure if the state is 'FAILED'",
    },
    {
      id: 'partition-failure-reason-when-failed',
      place: { pointer: '/components/schemas/PartitionBackupInfo/properties/failureReason/description' },
      sentence: "Failure reason if stats is 'FAILED'",
    },
  ].map((rule) => Object.freeze(rule as ProseRule)),
);

/** The id of a prose rule; a typo is a compile error. */
export type ProseRuleId =
  | 'aggregate-all-completed'
  | 'aggregate-one-failed'
  | 'aggregate-does-not-exist-incomplete'
  | 'aggregate-in-progress'
  | 'list-all-backups'
  | 'list-sorted-descending'
  | 'take-conflict-same-or-higher'
  | 'take-invalid-id-refused'
  | 'take-scheduled'
  | 'get-returns-backup'
  | 'get-unknown-not-found'
  | 'delete-removes'
  | 'details-one-per-partition'
  | 'details-all-partitions'
  | 'partition-id-positive'
  | 'backup-id-positive'
  | 'backup-id-increasing'
  | 'created-at-started'
  | 'last-updated-at'
  | 'snapshot-id-of-backup'
  | 'checkpoint-position-of-backup'
  | 'broker-id-of-backup'
  | 'broker-version-of-backup'
  | 'state-changes-forward'
  | 'failure-reason-when-failed'
  | 'partition-failure-reason-when-failed';

export function proseRule(id: ProseRuleId): ProseRule {
  const rule = proseRules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`unknown prose rule ${id}`);
  return rule;
}

/** The RFC 6901 pointer (without `#`) of the string that holds the rule's sentence in the loaded document. */
export function proseRulePointer(rule: ProseRule, operations: OperationPointers): string {
  const { place } = rule;
  if (!('role' in place)) return place.pointer;
  const operation = operations[place.role];
  if ('at' in place) return `${operation.pointer.replace(/^#/, '')}${place.at}`;
  // Where no response states it, the responses themselves: a place that holds no sentence, so the rule is missing.
  const stating = responseStating(operation.responses ?? [], rule);
  return `${(stating?.pointer ?? `${operation.pointer}/responses`).replace(/^#/, '')}${stating === undefined ? '' : '/description'}`;
}

/** The first of the responses whose description states the rule's sentence. */
export function responseStating<Response extends DescribedResponse>(responses: readonly Response[], rule: ProseRule): Response | undefined {
  return responses.find((response) => textStates(response.description, rule));
}

/**
 * The rules whose sentence no longer appears in the string at their place, comparing with runs of
 * whitespace collapsed (YAML folds and re-wraps lines). A rule whose place leads nowhere, or to
 * something other than a string, is missing too. Give it the document as written or dereferenced
 * (descriptions are not references), and the pointers of its operations.
 */
export function missingProseRules(document: unknown, operations: OperationPointers): ProseRule[] {
  return proseRules.filter((rule) => {
    const text = valueAt(document, proseRulePointer(rule, operations));
    return typeof text !== 'string' || !textStates(text, rule);
  });
}

/** Whether a text holds the rule's sentence, runs of whitespace collapsed (YAML folds and re-wraps lines). */
export function textStates(text: string, rule: ProseRule): boolean {
  return normalise(text).includes(normalise(rule.sentence));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The value a JSON pointer (without `#`) names in a document, or undefined. */
export function valueAt(document: unknown, pointer: string): unknown {
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
