import { prosePointer } from '../src/checks/prose-pointer.js';
import type { Severity } from '../src/findings/finding.js';
import type { OperationIndex } from '../src/spec/index-operations.js';

/** The ids of the rules the stateful suite judges across a sequence of requests. */
export type StatefulCheckId =
  | 'take-accepted-above-highest'
  | 'take-conflict-not-above-highest'
  | 'get-returns-requested-backup'
  | 'unknown-backup-not-found'
  | 'deleted-backup-gone'
  | 'list-holds-live-backups'
  | 'partition-set-stable'
  | 'checkpoint-position-monotonic'
  | 'backup-settles'
  | 'state-transition-allowed';

/** A rule about a sequence of requests: its title, weight, and where the spec states it. */
export interface StatefulProperty {
  readonly title: string;
  readonly severity: Severity;
  /** A JSON pointer into the spec (`#/...`), or a heading of spec/NOTES.md. */
  specPointer(index: OperationIndex): string;
}

/**
 * Every stateful rule, with the sentence of the spec it enforces. Single-response rules (schema,
 * aggregation, list order, failureReason, timestamps) are the response checks' and are applied to
 * every answer already; these need the history of the run.
 */
export const statefulProperties: Readonly<Record<StatefulCheckId, StatefulProperty>> = Object.freeze({
  // "A backup with same or higher id already exists" (409): so an id above every id taken has no
  // reason to be refused. "A backup has been successfully scheduled" (202).
  'take-accepted-above-highest': {
    title: 'A take of an id above every id taken is accepted',
    severity: 'high',
    specPointer: () => prosePointer('take-conflict-same-or-higher'),
  },
  // "A backup with same or higher id already exists" (409); "each successive backup must use a
  // higher ID than the previous one." After the highest backup was deleted either answer passes
  // (spec/NOTES.md#deleted-id-reuse).
  'take-conflict-not-above-highest': {
    title: 'A take of an id at or below the highest taken is refused with 409',
    severity: 'high',
    specPointer: () => prosePointer('take-conflict-same-or-higher'),
  },
  // "A detailed information of the backup with the give backup id." (sic)
  'get-returns-requested-backup': {
    title: 'GET of a backup returns that backup',
    severity: 'high',
    specPointer: (index) => `${index.byRole.get.pointer}/description`,
  },
  // 404: "A backup with given backupId does not exist"
  'unknown-backup-not-found': {
    title: 'A backup that was never taken is not found',
    severity: 'medium',
    specPointer: () => prosePointer('get-unknown-not-found'),
  },
  // 204: "Backup is deleted". Real Zeebe deletes asynchronously, so the backup may stay visible for
  // a bounded grace period (spec/NOTES.md#asynchronous-visibility).
  'deleted-backup-gone': {
    title: 'A deleted backup is no longer found or listed',
    severity: 'high',
    specPointer: () => prosePointer('delete-removes'),
  },
  // "Returns a list of all available backups with their state and additional info"
  'list-holds-live-backups': {
    title: 'The list holds every backup that exists, and none that does not',
    severity: 'high',
    specPointer: (index) => `${index.byRole.list.pointer}/description`,
  },
  // details: "It should always contain all partitions known to the cluster."
  'partition-set-stable': {
    title: 'Every backup lists the same partitions in its details',
    severity: 'medium',
    specPointer: () => prosePointer('details-all-partitions'),
  },
  // BackupId: "As backups are logically ordered by their IDs (ascending), each successive backup
  // must use a higher ID than the previous one."
  'checkpoint-position-monotonic': {
    title: 'Checkpoint positions do not decrease as backup ids grow',
    severity: 'medium',
    specPointer: () => prosePointer('backup-id-increasing'),
  },
  // 202: "A backup has been successfully scheduled"; StateCode names COMPLETED and FAILED as the
  // outcomes. The spec sets no deadline: the suite's --settle-timeout does.
  'backup-settles': {
    title: 'A backup reaches COMPLETED or FAILED within the settle timeout',
    severity: 'high',
    specPointer: () => 'spec/NOTES.md#asynchronous-visibility',
  },
  // lastUpdatedAt: "changed state from IN_PROGRESS to COMPLETED"; with the aggregation rule this
  // orders the states (see possibleStatesAfter).
  'state-transition-allowed': {
    title: 'A backup\'s state only moves forward',
    severity: 'high',
    specPointer: () => prosePointer('state-changes-forward'),
  },
});
