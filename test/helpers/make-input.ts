import type { CheckInput } from '../../src/checks/check.js';
import type { Exchange } from '../../src/http/exchange.js';
import { parseJson } from '../../src/http/parse-json.js';
import type { Operation } from '../../src/spec/operation.js';

/** A check input for a response with the given status and body (an object is sent as JSON). */
export function makeInput(
  operation: Operation,
  status: number,
  body?: unknown,
  options: { contentType?: string | null; intent?: 'valid' | 'invalid'; repeated?: boolean; truncated?: boolean } = {},
): CheckInput {
  const bodyText = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = options.contentType === undefined ? (bodyText === '' ? undefined : 'application/json') : options.contentType;
  const exchange: Exchange = {
    seq: 1,
    startedAt: 0,
    request: { method: operation.method, url: 'http://127.0.0.1:9600/actuator/backups', headers: {} },
    response: {
      status,
      headers: contentType === undefined || contentType === null ? {} : { 'content-type': contentType },
      bodyText,
      truncated: options.truncated ?? false,
      durationMs: 1,
    },
  };
  return {
    operation,
    exchange,
    intent: options.intent ?? 'valid',
    ...(options.repeated === undefined ? {} : { repeated: options.repeated }),
    ...(bodyText === '' ? {} : { body: parseJson(bodyText) }),
  };
}

/** A check input for a request that got no response. */
export function makeFailedInput(operation: Operation, kind: 'timeout' | 'connection-reset'): CheckInput {
  return {
    operation,
    intent: 'valid',
    exchange: {
      seq: 1,
      startedAt: 0,
      request: { method: operation.method, url: 'http://127.0.0.1:9600/actuator/backups', headers: {} },
      failure: { kind, message: 'gone', durationMs: 5 },
    },
  };
}
