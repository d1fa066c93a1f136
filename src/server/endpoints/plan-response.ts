import { deleteBackup } from './delete-backup.js';
import { getBackup } from './get-backup.js';
import { listBackups } from './list-backups.js';
import type { PlannedAnswer } from './planned-response.js';
import type { ReceivedRequest } from '../request/received-request.js';
import { routeRequest } from '../request/route-request.js';
import type { ServerContext } from '../server-context.js';
import { takeBackup } from './take-backup.js';

const COLLECTION_METHODS = ['GET', 'HEAD', 'POST'];
const ITEM_METHODS = ['DELETE', 'GET', 'HEAD'];

/**
 * The answer the server means to give to a request: the framework's checks (size, path, method,
 * path id) first, then the operation. HEAD is answered as GET without a body, as Spring MVC does.
 */
export function planResponse(ctx: ServerContext, request: ReceivedRequest): PlannedAnswer {
  const { behaviour, config } = ctx;
  if (request.bodyOverLimit) {
    return behaviour.renderFrameworkError(request, 413, `The request body is larger than ${config.maxBodyBytes} bytes.`);
  }
  const route = routeRequest(config.basePath, request.path);
  if (route.kind === 'none') {
    return behaviour.renderFrameworkError(request, 404, `No resource at ${request.path}: the API is at ${config.basePath || '/'}.`);
  }
  const allowed = route.kind === 'collection' ? COLLECTION_METHODS : ITEM_METHODS;
  if (!allowed.includes(request.method)) {
    const refusal = behaviour.renderFrameworkError(request, 405, `${request.method} is not allowed here; use ${allowed.join(', ')}.`);
    return { ...refusal, headers: { ...refusal.headers, allow: allowed.join(', ') } };
  }
  if (route.kind === 'collection') {
    return request.method === 'POST' ? takeBackup(ctx, request) : listBackups(ctx, request);
  }
  const reading = behaviour.readPathId(decodeSegment(route.segment));
  if ('error' in reading) return behaviour.renderFrameworkError(request, 400, reading.error);
  return request.method === 'DELETE' ? deleteBackup(ctx, request, reading.id) : getBackup(ctx, request, reading.id);
}

/** The segment percent-decoded; a malformed escape is kept as is, and fails to bind as an id. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
