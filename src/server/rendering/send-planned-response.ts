import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlannedResponse } from '../endpoints/planned-response.js';
import { stringifyJson } from './stringify-json.js';

/** Carries out a plan: writes the answer, resets the connection, or leaves the client waiting. */
export function sendPlannedResponse(request: IncomingMessage, response: ServerResponse, planned: PlannedResponse): void {
  if ('hang' in planned) return;
  if ('destroy' in planned) {
    request.socket.destroy();
    return;
  }
  const text = planned.json !== undefined ? stringifyJson(planned.json) : planned.text;
  const body = text === undefined ? undefined : Buffer.from(text, 'utf8');
  const headers: Record<string, string | number> = { ...planned.headers };
  if (planned.json !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  if (body !== undefined) headers['content-length'] = body.length;
  response.writeHead(planned.status, headers);
  response.end(body);
}
