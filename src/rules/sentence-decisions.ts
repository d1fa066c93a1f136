import { specSentences, type SpecSentence } from '../spec/spec-sentences.js';
import type { RuleId } from './rules.js';

/**
 * What the suite does with one sentence of the spec's prose: the rules that enforce it, or the
 * spec/NOTES.md section that says why it is not enforced (or only inconclusive).
 */
export type SentenceDecision = { readonly enforcedBy: readonly RuleId[] } | { readonly note: string };

const schema: SentenceDecision = { enforcedBy: ['response-schema-valid'] };
const serverError: SentenceDecision = { enforcedBy: ['not-a-server-error'] };
const notConfigured: SentenceDecision = { note: 'backups-not-configured' };
const returnsBackup: SentenceDecision = { enforcedBy: ['get-returns-requested-backup'] };
const listsBackups: SentenceDecision = { enforcedBy: ['list-holds-live-backups', 'get-agrees-with-list'] };
const aggregation: SentenceDecision = { enforcedBy: ['backup-state-aggregated'] };
const failureReason: SentenceDecision = { enforcedBy: ['failure-reason-only-when-failed'] };
const fixedFact: SentenceDecision = { enforcedBy: ['backup-facts-fixed'] };

/**
 * Every sentence of the bundled spec's descriptions (src/spec/spec-sentences.ts), by its text. A
 * sentence of a loaded document that is not here is listed by `conformance rules` as undecided; a
 * test holds the bundled spec to none. The property sentences of `PartitionBackupInfo` each say
 * what the value means and, read with the rest of the spec, when it may change: a partition's
 * `createdAt`, `snapshotId`, `checkpointPosition`, `brokerId` and `brokerVersion` are facts of
 * the backup taken (fixed once reported), `lastUpdatedAt` moves with its state.
 */
export const sentenceDecisions: ReadonlyMap<string, SentenceDecision> = new Map<string, SentenceDecision>([
  // POST /
  ['Start taking a backup with the given backupId', { enforcedBy: ['take-accepted-above-highest'] }],
  ['A backup has been successfully scheduled', { enforcedBy: ['take-accepted-above-highest', 'taken-backup-visible'] }],
  ['Backup is not enabled or configured on the brokers.', notConfigured],
  ['Backup is not enabled or configured on the brokers', notConfigured],
  ['Or the given BackupId is not valid.', { enforcedBy: ['invalid-take-refused', 'refused-take-creates-nothing'] }],
  ['A backup with same or higher id already exists', { enforcedBy: ['take-conflict-not-above-highest'] }],
  ['Internal Error', serverError],
  ['Internal error', serverError],
  ['Gateway failed to send request to the broker.', serverError],
  ['Request from gateway to broker timed out', serverError],
  // GET /
  [
    'Returns a list of all available backups with their state and additional info, sorted in descending order of backupId.',
    {
      enforcedBy: ['list-holds-live-backups', 'list-sorted-descending'],
    },
  ],
  ['OK', { enforcedBy: ['status-code-documented'] }],
  // GET /{backupId}
  ['A detailed information of the backup with the give backup id.', returnsBackup],
  ['A backup with given backupId does not exist', { enforcedBy: ['unknown-backup-not-found'] }],
  // DELETE /{backupId}
  ['Delete a backup with the given id', { enforcedBy: ['deleted-backup-gone'] }],
  ['Backup is deleted', { enforcedBy: ['deleted-backup-gone'] }],
  // components
  ['Id of the backup', { enforcedBy: ['get-returns-requested-backup', 'invalid-path-id-refused'] }],
  ['Generic error response', schema],
  ['List of all available backups.', listsBackups],
  ['Detailed information of a backup', returnsBackup],
  ['Response for take backup request', schema],
  ['Generic response for all errors', schema],
  ['Error message', schema],
  ['The ID of the backup.', returnsBackup],
  ['The ID of the backup must be a positive numerical value.', { enforcedBy: ['invalid-take-refused', 'invalid-path-id-refused'] }],
  [
    'As backups are logically ordered by their IDs (ascending), each successive backup must use a higher ID than the previous one.',
    { enforcedBy: ['take-conflict-not-above-highest', 'checkpoint-position-monotonic'] },
  ],
  ['The ID of a partition.', { enforcedBy: ['partition-ids-unique'] }],
  ['This is always a positive number greater than or equal to 1.', schema],
  ['The state of the backup.', { enforcedBy: ['response-schema-valid', 'state-transition-allowed'] }],
  ['List of backups with their state and additional info', listsBackups],
  ['Detailed status of a backup.', returnsBackup],
  ['The aggregated state is computed from the backup state of each partition as:', aggregation],
  ["If the backup of all partitions is in state 'COMPLETED', then the overall state is 'COMPLETED'.", aggregation],
  ["If one is 'FAILED', then the overall state is 'FAILED'.", aggregation],
  ["Otherwise, if one is 'DOES_NOT_EXIST', then the overall state is 'INCOMPLETE'.", aggregation],
  ["Otherwise, if one is 'IN_PROGRESS', then the overall state is 'IN_PROGRESS'.", aggregation],
  ["Reason for failure if the state is 'FAILED'", failureReason],
  ['Detailed list of the status of the backup per partition.', { enforcedBy: ['partition-ids-unique'] }],
  ['It should always contain all partitions known to the cluster.', { enforcedBy: ['partition-set-stable'] }],
  ['Detailed info of the backup for a given partition.', { enforcedBy: ['partition-ids-unique', 'backup-state-aggregated'] }],
  ["Failure reason if stats is 'FAILED'", failureReason],
  ['The timestamp at which the backup was started on this partition.', { enforcedBy: ['backup-facts-fixed', 'timestamps-ordered'] }],
  [
    'The timestamp at which the backup was last updated on this partition, e.g. changed state from IN_PROGRESS to COMPLETED.',
    { enforcedBy: ['timestamps-ordered', 'state-transition-allowed'] },
  ],
  ['The ID of the snapshot which is included in this backup.', fixedFact],
  ['The position of the checkpoint for this backup.', { enforcedBy: ['backup-facts-fixed', 'checkpoint-position-monotonic'] }],
  ['The ID of the broker from which the backup was taken for this partition.', fixedFact],
  ['The version of the broker from which the backup was taken for this partition.', fixedFact],
  // Also the description of TakeBackupResponse, a slip (spec/NOTES.md#wording-slips).
  ['Request body for take backup', { enforcedBy: ['invalid-take-refused'] }],
  ['The ID of the backup to be taken', { enforcedBy: ['take-accepted-above-highest', 'int64-id-taken-exactly'] }],
  ['A message indicating backup has been triggered', schema],
]);

/** A sentence of the loaded document with what the suite does with it; no decision: nothing reads it. */
export interface DecidedSentence extends SpecSentence {
  readonly decision?: SentenceDecision;
}

/** Every sentence of the document's descriptions, each with its decision when there is one. */
export function decideSentences(document: unknown): DecidedSentence[] {
  return specSentences(document).map((sentence) => {
    const decision = sentenceDecisions.get(sentence.text);
    return decision === undefined ? sentence : { ...sentence, decision };
  });
}
