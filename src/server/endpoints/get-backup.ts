import { describeBackup } from '../cluster/describe-backup.js';
import { endpointAnswer } from './endpoint-answer.js';
import type { PlannedAnswer } from './planned-response.js';
import type { ReceivedRequest } from '../request/received-request.js';
import type { ServerContext } from '../server-context.js';
import { zeebeMessages } from '../behaviour/zeebe-messages.js';

/**
 * `GET /{backupId}`: 404 for an id no partition knows, never 200 with DOES_NOT_EXIST (8.2+,
 * camunda/camunda#11122). `BackupEndpoint.status`, research note §3.2.
 */
export function getBackup(ctx: ServerContext, request: ReceivedRequest, id: bigint): PlannedAnswer {
  const { behaviour, store } = ctx;
  const failure = behaviour.clusterError('get');
  if (failure !== undefined) return endpointAnswer(ctx, request, failure.status, behaviour.renderError(failure.message));
  const backup = store.get(id);
  const view = backup === undefined ? undefined : describeBackup(behaviour, backup, request.receivedAt);
  if (view === undefined) return endpointAnswer(ctx, request, 404, behaviour.renderError(zeebeMessages.notFound(id)));
  return endpointAnswer(ctx, request, 200, behaviour.renderBackupInfo(view));
}
