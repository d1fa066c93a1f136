import { quirkProfiles } from '../../src/server/behaviour/quirk-profiles.js';
import type { DescribedBackup } from '../../src/server/cluster/described-backup.js';
import type { PartitionStatus } from '../../src/server/cluster/partition-status.js';
import type { Variant } from './variant.js';

// Servers that are correct but unusual: the suite must report no violation on any of them.

const seeded = [{ id: 3 }, { id: 10, state: 'FAILED' as const }, { id: 20 }];
const everyState = [{ id: 4, state: 'INCOMPLETE' as const }, { id: 7, state: 'IN_PROGRESS' as const }, { id: 9, state: 'FAILED' as const }, { id: 12 }];
const incompatibleSeeded = [{ id: 3 }, { id: 6 }];
/**
 * Backup 6 as Operate and Tasklist can report one (spec/NOTES.md#incompatible-aggregation):
 * INCOMPATIBLE, partition 1 too, for ever. The brokers' own states have no INCOMPATIBLE, hence the cast.
 */
const asIncompatible = (view: DescribedBackup): DescribedBackup =>
  view.backupId !== 6n
    ? view
    : {
        ...view,
        state: 'INCOMPATIBLE',
        details: view.details.map((status) => (status.partitionId === 1 ? { ...status, state: 'INCOMPATIBLE' as PartitionStatus['state'] } : status)),
      };
const timestampSeeded = [{ id: 20261130235959, state: 'IN_PROGRESS' as const }, { id: 20261201080000, state: 'FAILED' as const }, { id: 20261201120000 }];

export const correctVariants: readonly Variant[] = [
  { id: 'slow-answers', fault: 'every answer takes 60 ms', server: { latencyMs: 60 }, slow: true },
  {
    id: 'many-partitions-scrambled',
    fault: '12 partitions led by 5 brokers, details in scrambled order',
    server: {
      partitions: 12,
      brokers: 5,
      behaviour: (base) => ({
        orderDetails: (statuses) => [...base.orderDetails(statuses)].sort((a, b) => ((a.partitionId * 7) % 12) - ((b.partitionId * 7) % 12)),
      }),
    },
  },
  {
    id: 'optional-fields-absent',
    fault: 'no brokerId, snapshotId, checkpointPosition or lastUpdatedAt anywhere',
    server: {
      behaviour: (base) => ({
        orderDetails: (statuses) =>
          base.orderDetails(statuses).map(({ partitionId, state, failureReason, createdAt, brokerVersion }) => ({
            partitionId,
            state,
            ...(failureReason === undefined ? {} : { failureReason }),
            ...(createdAt === undefined ? {} : { createdAt }),
            ...(brokerVersion === undefined ? {} : { brokerVersion }),
          })),
      }),
    },
  },
  {
    id: 'unknown-extra-fields',
    fault: 'unknown fields in every backup and error',
    server: {
      behaviour: (base) => ({
        renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as object), zone: 'eu-1', physicalTenants: [] }),
        renderListEntry: (view) => ({ ...(base.renderListEntry(view) as object), labels: { team: 'ops' } }),
        renderError: (message) => ({ message, code: 'E42' }),
      }),
    },
  },
  {
    id: 'actuator-media-type',
    fault: 'answers application/vnd.spring-boot.actuator.v3+json;charset=UTF-8',
    server: {
      intercept: (_r, p) =>
        'status' in p && p.json !== undefined
          ? { ...p, headers: { ...p.headers, 'content-type': 'application/vnd.spring-boot.actuator.v3+json;charset=UTF-8' } }
          : p,
    },
  },
  { id: 'partition-failures-aggregated', fault: 'partition 2 fails every backup, aggregated as FAILED with a reason', server: { faults: ['partition-fails'] } },
  { id: 'pre-existing-backups', fault: 'three backups exist before the run (one FAILED) and must survive it', server: { seedBackups: seeded } },
  {
    id: 'pre-existing-in-every-state',
    fault: 'backups from before the run in each state a backup can stand in (COMPLETED, FAILED, IN_PROGRESS for ever, INCOMPLETE)',
    server: { seedBackups: everyState },
  },
  {
    id: 'pre-existing-incompatible',
    fault: 'a backup from before the run stands in INCOMPATIBLE, partition 1 too, in every answer (the spec lists it; Zeebe never reports it)',
    server: {
      seedBackups: incompatibleSeeded,
      behaviour: (base) => ({
        renderBackupInfo: (view) => base.renderBackupInfo(asIncompatible(view)),
        renderListEntry: (view) => base.renderListEntry(asIncompatible(view)),
      }),
    },
  },
  { id: 'max-int64-accepted', fault: 'takes 2^63 - 1 like any valid id', server: {}, args: ['--take-huge-ids'] },
  {
    id: 'zeebe-quirks-as-8-5',
    fault: 'Zeebe 8.5 quirks, judged with --profile zeebe-8.5',
    server: { quirks: 'zeebe-8.5', seedBackups: [{ id: 1 }, { id: 2 }] },
    args: ['--profile', 'zeebe-8.5'],
  },
  // Each quirk alone, too: a profile's excuse of one departure must not lean on another being there,
  // and a rule must not misread a server that departs in one way only.
  ...quirkProfiles['zeebe-8.5'].map((quirk): Variant => ({
    id: `zeebe-8-5-${quirk}-alone`,
    fault: `the Zeebe 8.5 quirk ${quirk} alone, judged with --profile zeebe-8.5`,
    server: { quirks: [quirk] },
    args: ['--profile', 'zeebe-8.5'],
  })),
  { id: 'slow-completion', fault: 'backups take 1.5 s to complete', server: { settleMs: 1_500 }, slow: true },
  { id: 'incomplete-for-good', fault: 'partition 2 never takes any backup, so every backup stays INCOMPLETE', server: { faults: ['partition-never-starts'] } },
  {
    id: 'delete-unknown-204',
    fault: 'DELETE of any valid id answers 204, whether or not the backup exists (as Zeebe does)',
    server: { intercept: (r, p) => (r.method === 'DELETE' && 'status' in p && p.status === 204 ? { status: 204, headers: {} } : p) },
  },
  {
    id: 'timestamp-like-ids',
    fault: 'backups exist before the run at ids made of a date and time (20261201120000), one FAILED, one IN_PROGRESS for ever',
    server: { seedBackups: timestampSeeded },
  },
];

/** Ids of the backups each correct variant holds before the run, which it must still hold after. */
export const preExistingIds: ReadonlyMap<string, readonly bigint[]> = new Map([
  ['pre-existing-backups', seeded.map((b) => BigInt(b.id))],
  ['pre-existing-in-every-state', everyState.map((b) => BigInt(b.id))],
  ['timestamp-like-ids', timestampSeeded.map((b) => BigInt(b.id))],
  ['pre-existing-incompatible', incompatibleSeeded.map((b) => BigInt(b.id))],
]);
