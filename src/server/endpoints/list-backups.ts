import { describeBackup } from '../cluster/describe-backup.js';
import { endpointAnswer } from './endpoint-answer.js';
import type { PlannedAnswer } from './planned-response.js';
import type { ReceivedRequest } from '../request/received-request.js';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /`: every backup some partition knows, with one entry per partition in its details
 * (partitions without it show DOES_NOT_EXIST). `BackupRequestHandler.aggregateBackupList`.
 */
export function listBackups(ctx: ServerContext, request: ReceivedRequest): PlannedAnswer {
  const { behaviour, store } = ctx;
  const failure = behaviour.clusterError('list');
  if (failure !== undefined) return endpointAnswer(ctx, request, failure.status, behaviour.renderError(failure.message));
  const views = store.list().flatMap((backup) => describeBackup(behaviour, backup, request.receivedAt) ?? []);
  return endpointAnswer(
    ctx,
    request,
    200,
    behaviour.orderList(views).map((view) => behaviour.renderListEntry(view)),
  );
}
