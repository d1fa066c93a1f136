import type { BackupApi } from '../../../src/api/backup-api.js';
import { inFlight } from '../../../src/api/in-flight.js';
import { flag } from '../../../src/flags.js';
import type { TakeLedger } from '../model/take-ledger.js';

/**
 * How long the end-of-suite pass keeps starting deletes. Each delete is bounded by --timeout too, so
 * against a server whose DELETE never answers the pass ends within this plus one request timeout.
 */
export const END_OF_SUITE_CLEANUP_MS = 30_000;

export interface CleanupPass {
  /**
   * The end-of-suite pass: the deletes that got no 204 after earlier runs are sent once more, and
   * no delete starts after this signal aborts.
   */
  readonly retryUntil?: AbortSignal;
  /** Deletes in flight at once (--concurrency); its default when absent. */
  readonly concurrency?: number;
}

/**
 * Deletes the backups the suite may have created and not deleted yet (the ledger's, all in the
 * ids reserved above the server's highest backup): only those, never another. After a run, each
 * is sent one delete; one not answered as deleted (204) stays in the ledger as unconfirmed and is not sent
 * again after the next runs (a server whose DELETE hangs would cost a timeout per backup per run),
 * but once more in the end-of-suite pass, which is bounded in time. What is still in the ledger
 * then is named in the suite's closing line.
 */
export async function removeCreatedBackups(api: Pick<BackupApi, 'delete'>, ledger: TakeLedger, pass: CleanupPass = {}): Promise<void> {
  const { retryUntil, concurrency = flag('concurrency').default } = pass;
  const ids = retryUntil === undefined ? ledger.awaitingCleanup : ledger.created;
  await inFlight(
    ids,
    concurrency,
    async (id) => {
      const answer = await api.delete(id);
      if (answer.answer.kind === 'deleted') ledger.removed(id);
      else ledger.deleteUnconfirmed(id);
    },
    retryUntil,
  );
}
