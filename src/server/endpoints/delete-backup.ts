import { endpointAnswer } from './endpoint-answer.js';
import type { PlannedAnswer } from './planned-response.js';
import type { ReceivedRequest } from '../request/received-request.js';
import type { ServerContext } from '../server-context.js';

/**
 * `DELETE /{backupId}`: 204 whether or not the backup exists (Zeebe's delete of an unknown id is a
 * no-op, `BackupServiceImpl.deleteBackup`, research note §3.4). The highest id stays taken.
 */
export function deleteBackup(ctx: ServerContext, request: ReceivedRequest, id: bigint): PlannedAnswer {
  const { behaviour, store } = ctx;
  const failure = behaviour.clusterError('delete');
  if (failure !== undefined) return endpointAnswer(ctx, request, failure.status, behaviour.renderError(failure.message));
  behaviour.onDelete(store, id);
  return { status: 204, headers: {} };
}
