import type { OnlineRun } from './online-run.js';

/** How many backups the closing sweep deletes at most: each is one bounded request. */
const MAX_SWEPT = 1_000;

/**
 * The fifth phase: whatever a suite could not delete (it was interrupted, or missed a 2xx it did not expect) is still
 * the run's: one delete each, interrupt or not, unless --keep-backups.
 */
export async function sweepLeftBehind(run: OnlineRun): Promise<void> {
  const { config, plan, connection, target, account, emit } = run;
  if (config.stateful.keepBackups) return;
  const left = account.leftBehind.slice(0, MAX_SWEPT);
  if (left.length === 0) return;
  const message = `delete ${left.length === 1 ? 'backup' : 'backups'} ${left.join(', ')}, taken by this run and not deleted yet`;
  emit({ type: 'progress', suite: 'cleanup', message });
  for (const id of left) await connection.client.send({ method: plan.index.byRole.delete.method, url: `${target.routes.deleteUrlPrefix}${id}` });
}
