import { deletedBackupKinds } from '../findings/deleted-backup-kinds.js';
import type { Finding } from '../findings/finding.js';
import { listOrderKinds } from '../model/list-order.js';
import type { KnownDeviation } from './profile.js';

// Each entry names the evidence for the behaviour; see also the research behind spec/NOTES.md.

/**
 * How long a deleted backup may stay visible on Zeebe 8.9 and later before it is no longer a known
 * deviation: Zeebe's own acceptance test (BackupAcceptance.shouldDeleteBackup) waits up to 30 s for
 * the GET to answer 404, since the delete goes through the stream processor and tombstones the
 * manifests as DELETED first (see the delete's "Visibility after 204" in the research behind
 * spec/NOTES.md#asynchronous-visibility).
 */
export const ASYNCHRONOUS_DELETE_BOUND_MS = 30_000;

/** 8.2 to early 8.9 build the list through a HashMap: hash order, not "descending order of backupId". */
export const listUnsorted: KnownDeviation = {
  id: 'list-unsorted',
  description: 'GET / answers the backups in hash order, not sorted by backupId (sorted from later 8.9 builds)',
  source:
    'camunda/zeebe@8.5.4 zeebe/gateway/src/main/java/io/camunda/zeebe/gateway/admin/backup/BackupRequestHandler.java (aggregateBackupList, ' +
    'Collectors.groupingBy)',
  rule: 'list-sorted-descending',
  // The order only: a list that holds an id twice lists one backup twice, which no release explains.
  kinds: [listOrderKinds.ascendingPair],
  releases: { from: 2, to: 9 },
  bounds: 'the order of the entries only, never an id listed twice',
  excuses: () => true,
};

/** A partition at 100% backpressure or out of disk answers RESOURCE_EXHAUSTED, mapped to 503. */
export const backpressure503: KnownDeviation = {
  id: 'backpressure-503',
  description: 'POST / answers 503 (not in the spec) while a partition is under backpressure or out of disk space',
  source: 'camunda/camunda#20126 and #20177; BackupEndpoint.mapErrorResponse maps RESOURCE_EXHAUSTED to 503',
  rule: 'not-a-server-error',
  releases: { from: 2 },
  bounds: 'a 503 to a take only',
  excuses: (finding) => finding.operation.startsWith('POST ') && finding.status === 503,
};

/** Without a backup store every broker request is rejected, DELETE included, with a 400 the spec does not list. */
export const delete400: KnownDeviation = {
  id: 'delete-400',
  description: 'DELETE answers 400 (undocumented for DELETE) when the brokers reject backup requests',
  source: 'broker BackupApiRequestHandler (UNSUPPORTED_MESSAGE for every request type) mapped to 400 by BackupEndpoint.mapErrorResponse',
  rule: 'status-code-documented',
  releases: { from: 2 },
  bounds: 'a 400 to a delete only',
  excuses: (finding) => finding.operation.startsWith('DELETE ') && finding.status === 400,
};

/** 8.8+ refuses a take while partitions are scaling, with a 409 that is not about ids. */
export const scaling409: KnownDeviation = {
  id: 'scaling-409',
  description: 'POST / answers 409 "Cannot take backup while scaling is in progress" for an id above every other',
  source: 'camunda/camunda pull request #36955; issue #37004',
  rule: 'take-accepted-above-highest',
  releases: { from: 8 },
  bounds: 'a 409 whose message says scaling is in progress',
  excuses: (finding) => finding.operation.startsWith('POST ') && finding.status === 409 && /scaling is in progress/i.test(finding.answerMessage ?? ''),
};

/** 8.9+ tombstones deleted backups in a DELETED state that the spec's StateCode enum lacks. */
export const deletedState: KnownDeviation = {
  id: 'deleted-state',
  description: 'backups and partitions report the state DELETED, which is not in the StateCode enum',
  source: 'camunda/camunda pull request #46104; BackupRequestHandler at commit 00fbaf49',
  rule: 'response-schema-valid',
  releases: { from: 9 },
  bounds: 'answers whose only schema problem is the state DELETED',
  excuses: (finding) => onlyIssuesAbout(finding, /allowed values .*, got "DELETED"$/),
};

/** 8.9+ deletes through the stream processor, so a GET can lag behind the 204. */
export const asynchronousDelete: KnownDeviation = {
  id: 'asynchronous-delete',
  description: 'a deleted backup stays visible (often as DELETED) for a while after the 204',
  source: 'camunda/camunda pull requests #46479 and #46104',
  rule: 'deleted-backup-gone',
  // A backup that returns after an endpoint showed it gone is not a delete still on its way.
  kinds: [deletedBackupKinds.visibleAfterDelete],
  releases: { from: 9 },
  bounds: `visible for at most ${ASYNCHRONOUS_DELETE_BOUND_MS / 1000} s after the delete, and only before it was seen gone`,
  excuses: (_finding, evidence) => evidence.visibleAfterDeleteMs !== undefined && evidence.visibleAfterDeleteMs <= ASYNCHRONOUS_DELETE_BOUND_MS,
};

/** 8.9+ with continuous or scheduled backups refuses explicit ids. */
export const continuousBackups400: KnownDeviation = {
  id: 'continuous-backups-400',
  description: 'POST / with an explicit backupId answers 400 while continuous or scheduled backups are enabled',
  source: 'camunda/camunda BackupEndpoint (8.9), test shouldReturn400WhenContinuousBackupsAreEnabled; pull request #46784',
  rule: 'take-accepted-above-highest',
  releases: { from: 9 },
  bounds: 'a 400 whose message names continuous backups',
  excuses: (finding) => finding.operation.startsWith('POST ') && finding.status === 400 && /continuous backups/i.test(finding.answerMessage ?? ''),
};

/** Spring binds the body to Map<String, String>, so "100" is as good as 100. */
export const numericStringIds: KnownDeviation = {
  id: 'numeric-string-ids',
  description: 'POST / accepts a backupId written as a JSON string of digits, e.g. {"backupId": "100"}',
  source:
    'camunda/zeebe@8.5.4 zeebe/qa/util/src/main/java/io/camunda/zeebe/qa/util/actuator/BackupActuator.java sends string ids; Spring Boot ' +
    'AbstractWebMvcEndpointHandlerMapping.getArguments',
  rule: 'invalid-take-refused',
  releases: { from: 2 },
  bounds: 'a backupId written as a string of digits only',
  excuses: (finding) => finding.specPointer === 'spec/NOTES.md#numeric-string-ids',
};

/** Every known deviation, in the order a finding is matched against them. */
export const knownDeviations: readonly KnownDeviation[] = [
  numericStringIds,
  backpressure503,
  delete400,
  listUnsorted,
  scaling409,
  deletedState,
  asynchronousDelete,
  continuousBackups400,
];

/**
 * True when every schema issue in the finding's text matches `pattern`. A text that left issues out
 * (`…; and 3 more`) is never excused: what was left out may be another problem.
 */
function onlyIssuesAbout(finding: Finding, pattern: RegExp): boolean {
  return !finding.received.includes('; and ') && finding.received.split('; ').every((issue) => pattern.test(issue));
}
