import { backupRoutes, type BackupRoutes } from '../api/backup-account.js';
import { describeUnreachable } from '../api/describe-unreachable.js';
import { discoverBaseUrl, specServerPaths, type DiscoveredTarget } from '../api/discover-base-url.js';
import { preflight } from '../api/preflight.js';
import { waitForTarget } from '../api/wait-for-target.js';
import type { RunConfig } from '../config.js';
import { ConformanceError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import type { RunPlan } from './plan-run.js';
import type { Connection } from './open-connection.js';
import type { Emit } from './run-event.js';

/** Where the API answers, found and checked before any suite: its base URL and the routes of its backups. */
export interface ReachedTarget {
  readonly baseUrl: string;
  readonly routes: BackupRoutes;
}

/**
 * The third phase: wait for the target if asked to, discover its base path, and check that it answers like the API
 * (preflight). A target that cannot be reached or is not the API is a ConformanceError: nothing was tested.
 */
export async function reachTarget(config: RunConfig, plan: RunPlan, connection: Connection, signal: AbortSignal, emit: Emit): Promise<ReachedTarget> {
  const { client } = connection;
  if (config.target !== undefined && config.waitForTargetMs !== undefined) await waitUntilUp(client, config.target, config.waitForTargetMs, signal, emit);
  const serverPaths = specServerPaths(plan.spec.document.servers);
  let discovered: DiscoveredTarget = { baseUrl: connection.embeddedUrl ?? '' };
  if (config.target !== undefined) discovered = await discoverBaseUrl(config.target, serverPaths, client);
  const { baseUrl, discoveredPath } = discovered;
  emit({ type: 'target', url: baseUrl, embedded: connection.embeddedUrl !== undefined, ...(discoveredPath === undefined ? {} : { discoveredPath }) });
  // The list's own URL, from its path template: a spec with renamed paths is probed where it says.
  await preflight(baseUrl, client, plan.index, serverPaths);
  return { baseUrl, routes: backupRoutes(baseUrl, plan.index) };
}

async function waitUntilUp(client: HttpClient, target: URL, waitMs: number, signal: AbortSignal, emit: Emit): Promise<void> {
  const url = target.href.replace(/\/+$/, '');
  const waited = await waitForTarget(client, url, waitMs, signal, (message) => emit({ type: 'progress', suite: 'wait', message }));
  if (signal.aborted) throw new ConformanceError('CONF_INTERRUPTED', 'the run was interrupted while it waited for the target; nothing was tested');
  if (!waited.up && waited.last.failure !== undefined && waited.last.failure.responseStarted !== true) {
    const why = await describeUnreachable(url, waited.last.failure, 'its Backup Management API base URL');
    throw new ConformanceError('CONF_TARGET_UNREACHABLE', `${why} It did not answer within --wait-for-target (${(waitMs / 1000).toFixed(1)} s).`);
  }
}
