import type { JsonValue } from '../rendering/json-value.js';
import type { PlannedAnswer } from './planned-response.js';
import type { ReceivedRequest } from '../request/received-request.js';
import type { ServerContext } from '../server-context.js';

/** An answer of the endpoint itself, with the media type the behaviour negotiates. */
export function endpointAnswer(ctx: ServerContext, request: ReceivedRequest, status: number, json: JsonValue): PlannedAnswer {
  return { status, headers: { 'content-type': ctx.behaviour.responseContentType(request) }, json };
}
