import type { BackupApi } from '../src/api/backup-api.js';
import type { TakeLedger } from './take-ledger.js';

/** Deletes sent at once. */
const CONCURRENCY = 4;

/**
 * Deletes every backup the suite may have created and not deleted yet (the ledger's, all in the
 * ids reserved above the server's highest backup): only those, never another. A backup whose
 * delete is not answered 204 stays in the ledger, to be tried again and then named in the report.
 */
export async function removeCreatedBackups(api: BackupApi, ledger: TakeLedger): Promise<void> {
  const ids = ledger.created;
  for (let at = 0; at < ids.length; at += CONCURRENCY) {
    await Promise.all(
      ids.slice(at, at + CONCURRENCY).map(async (id) => {
        const answer = await api.delete(id);
        if (answer.status === 204) ledger.removed(id);
      }),
    );
  }
}
