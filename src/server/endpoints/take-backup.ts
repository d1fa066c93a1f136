import { endpointAnswer } from './endpoint-answer.js';
import type { PlannedAnswer } from './planned-response.js';
import type { ReceivedRequest } from '../request/received-request.js';
import type { ServerContext } from '../server-context.js';
import { zeebeMessages } from '../behaviour/zeebe-messages.js';

/**
 * `POST /`, in Zeebe's order of checks: the framework binds the body (415, 400), the endpoint
 * refuses ids <= 0 (400), then the cluster answers (its errors, 409, or 202 once every partition
 * has recorded the checkpoint, before any data is copied). `BackupEndpoint.take`, research note §3.1.
 */
export function takeBackup(ctx: ServerContext, request: ReceivedRequest): PlannedAnswer {
  const { behaviour, store } = ctx;
  const contentType = request.headers['content-type'];
  if (!behaviour.acceptsContentType(contentType)) {
    const sent = contentType === undefined ? 'no Content-Type' : `Content-Type '${contentType}'`;
    return behaviour.renderFrameworkError(request, 415, `POST with ${sent} is not supported: send the body as application/json.`);
  }
  const reading = behaviour.readTakeId(request.bodyText);
  if ('error' in reading) return behaviour.renderFrameworkError(request, 400, reading.error);
  const id = reading.id;
  if (id <= 0n) return endpointAnswer(ctx, request, 400, behaviour.renderError(zeebeMessages.idNotPositive));
  const failure = behaviour.clusterError('take');
  if (failure !== undefined) return endpointAnswer(ctx, request, failure.status, behaviour.renderError(failure.message));
  const decision = behaviour.decideTake(id, store.latestId);
  if (!decision.accepted) {
    return endpointAnswer(ctx, request, 409, behaviour.renderError(zeebeMessages.conflict(id, decision.latestId)));
  }
  store.add(behaviour.planBackup(id, request.receivedAt, store.lastAdded));
  return endpointAnswer(ctx, request, 202, { message: zeebeMessages.scheduled(id) });
}
