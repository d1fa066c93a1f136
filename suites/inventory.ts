import type { Observation } from '../src/api/backup-api.js';
import { inFlight } from '../src/api/in-flight.js';
import type { BackupView } from '../src/checks/backup-views.js';
import type { Exchange } from '../src/http/exchange.js';
import { highestBackupId } from '../src/api/highest-backup-id.js';
import { plural } from '../src/text/plural.js';
import { sequenceFinding } from '../src/findings/sequence-finding.js';
import { samePartitionSet } from '../src/model/same-partition-set.js';
import type { Suite } from './suite.js';

const SUITE = 'inventory';
/** The newest backups read one by one; the list answer itself covers all of them. */
const MOST_BACKUPS_READ = 25;

/**
 * Reads what is there and changes nothing: the list, each of the newest backups by id, and an id
 * above every existing one (which must not be found). Safe against production: GET only.
 */
export const inventorySuite: Suite = {
  id: SUITE,
  title: 'Existing backups, read only',
  destructive: false,
  maxBackups: () => 0,
  async run(context) {
    const { api, index } = context;
    context.progress('list backups');
    const listing = readListing(await api.list());
    if (listing === undefined) {
      context.progress('the list answer is unreadable: nothing more to read');
      return;
    }
    const { entries, highest, listRequest } = listing;
    const chosen = entries.slice(0, MOST_BACKUPS_READ);
    context.progress(`${plural(entries.length, 'backup')} listed; reading ${chosen.length} of them`);
    // Each GET reads one listed backup: none depends on another, so --concurrency of them are in flight at once.
    const reads = await inFlight(chosen, context.config.concurrency, (entry) => api.get(entry.id), context.signal);
    for (const [at, entry] of chosen.entries()) {
      const got = reads[at];
      if (got === undefined) return;
      if (got.answer.kind !== 'found' || got.answer.backup === undefined) continue;
      const backup = got.answer.backup;
      const gotPartitions = partitionIds(backup);
      if (backup.backupId === entry.id && samePartitionSet(gotPartitions, entry.partitions)) {
        context.passed(index.byRole.get.label, 'get-agrees-with-list');
      } else {
        context.record(
          sequenceFinding({
            checkId: 'get-agrees-with-list',
            operation: index.byRole.get.label,
            expected: `backup ${entry.id} with ${partitionsText(entry.partitions)}, as listed`,
            received: `backup ${String(backup.backupId)} with ${partitionsText(gotPartitions)}`,
            operations: index.byRole,
            suite: SUITE,
            exchanges: [listRequest, got.exchange],
            redactedHeaders: context.redactedHeaders,
          }),
        );
      }
    }
    const above = highest + 1n;
    context.progress(`get backup ${above}, above every existing id`);
    const unknown = await api.get(above);
    if (unknown.answer.kind === 'not-found') context.passed(index.byRole.get.label, 'unknown-backup-not-found');
    else if (unknown.answer.kind !== 'unclear') {
      context.record(
        sequenceFinding({
          checkId: 'unknown-backup-not-found',
          operation: index.byRole.get.label,
          expected: `${index.statuses.notFound} for backup ${above}, above every listed id`,
          received: String(unknown.status),
          operations: index.byRole,
          suite: SUITE,
          exchanges: [listRequest, unknown.exchange],
          redactedHeaders: context.redactedHeaders,
        }),
      );
    }
  },
};

/**
 * The listed backups, newest first, and the list request for reproductions. The answer itself is
 * not kept: a large cluster's list is tens of megabytes.
 */
function readListing(listing: Observation<'list'>): { entries: { id: bigint; partitions: number[] }[]; highest: bigint; listRequest: Exchange } | undefined {
  const highest = highestBackupId(listing);
  if (highest === undefined || listing.answer.kind !== 'listed' || listing.answer.backups === undefined) return undefined;
  const entries = listing.answer.backups.flatMap(({ backupId, details }) =>
    backupId === undefined ? [] : [{ id: backupId, partitions: partitionIds({ details }) }],
  );
  entries.sort((a, b) => (a.id > b.id ? -1 : a.id < b.id ? 1 : 0));
  return { entries, highest, listRequest: { seq: listing.exchange.seq, startedAt: listing.exchange.startedAt, request: listing.exchange.request } };
}

function partitionIds(backup: Pick<BackupView, 'details'>): number[] {
  return backup.details.flatMap(({ partitionId }) => (partitionId === undefined ? [] : [partitionId]));
}

/** `partitions 1, 2, 3`, or `no partitions` for a backup that lists none. */
function partitionsText(ids: readonly number[]): string {
  return ids.length === 0 ? 'no partitions' : `partitions ${ids.join(', ')}`;
}
