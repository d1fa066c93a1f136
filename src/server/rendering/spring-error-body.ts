import { STATUS_CODES } from 'node:http';
import type { JsonValue } from './json-value.js';
import type { ReceivedRequest } from '../request/received-request.js';

/**
 * Spring Boot's default error body, which Zeebe 8.3–8.5 (WebFlux) sends when the framework refuses a
 * request before the endpoint runs: `DefaultErrorAttributes` gives timestamp, path, status, error
 * and requestId, and no message by default since Boot 2.3 (research note §2, "[INFERRED]"). Not
 * the spec's `Error` shape. The timestamp is how Jackson writes a `java.util.Date`; the request id
 * mimics Reactor Netty's `<connection id>-<request count>`.
 */
export function springErrorBody(request: ReceivedRequest, status: number): JsonValue {
  return {
    timestamp: new Date(Math.floor(request.receivedAt)).toISOString().replace('Z', '+00:00'),
    path: request.path,
    status,
    error: STATUS_CODES[status] ?? 'Error',
    requestId: `${(Math.imul(request.seq, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')}-${request.seq}`,
  };
}
