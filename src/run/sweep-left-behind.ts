import type { OnlineRun } from './online-run.js';

/** How many backups the closing sweep deletes at most: each is one bounded request. */
const MAX_SWEPT = 1_000;

/**
 * The fifth phase: whatever a suite could not delete (it was interrupted, or missed a 2xx it did not expect) is still
 * the run's: one delete each, --concurrency at a time, interrupt or not, unless --keep-backups.
 */
export async function sweepLeftBehind(run: OnlineRun): Promise<void> {
  const { config, connection, account, emit } = run;
  if (config.stateful.keepBackups) return;
  const limits = { most: MAX_SWEPT, concurrency: config.concurrency };
  await account.sweep(connection.client, limits, (message) => emit({ type: 'progress', suite: 'cleanup', message }));
}
