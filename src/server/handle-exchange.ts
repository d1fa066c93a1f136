import type { IncomingMessage, ServerResponse } from 'node:http';
import { planResponse } from './endpoints/plan-response.js';
import type { PlannedResponse } from './endpoints/planned-response.js';
import { readRequestBody } from './request/read-request-body.js';
import type { ReceivedRequest } from './request/received-request.js';
import { sendPlannedResponse } from './rendering/send-planned-response.js';
import type { ServerContext } from './server-context.js';
import type { TimerSet } from './timer-set.js';

/**
 * One request from arrival to answer: read, plan, let `intercept` have the last word, wait the
 * latency, send. A piece of behaviour that throws becomes a 500 with its message, as an uncaught
 * exception in Zeebe's endpoint does (`mapErrorResponse`, research note §3.5).
 */
export async function handleExchange(ctx: ServerContext, timers: TimerSet, seq: number, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readRequestBody(request, ctx.config.maxBodyBytes);
  const url = request.url ?? '/';
  const received: ReceivedRequest = {
    seq,
    method: request.method ?? 'GET',
    url,
    path: url.split('?')[0] ?? url,
    headers: request.headers,
    bodyText: body.text,
    bodyOverLimit: body.overLimit,
    receivedAt: ctx.config.now(),
  };
  let planned: PlannedResponse;
  try {
    planned = planResponse(ctx, received);
    if (ctx.config.intercept !== undefined) planned = await ctx.config.intercept(received, planned);
    await timers.wait(ctx.behaviour.latencyMs(received));
  } catch (error) {
    planned = { status: 500, headers: { 'content-type': 'application/json' }, json: { message: String((error as Error)?.message ?? error) } };
  }
  if (response.destroyed) return;
  sendPlannedResponse(request, response, planned);
}
