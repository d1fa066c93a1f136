import type { TransportFailure, TransportFailureKind } from './exchange.js';
import { IncompleteBody } from './read-body.js';

/** How far the response had come when it failed: its status and headers, if they arrived. */
export interface ResponseStart {
  readonly status: number;
  /** The body length the Content-Length header announced, when it did. */
  readonly announcedBytes?: number;
}

/**
 * Turns whatever undici or the body reader threw into a failure whose message says what happened
 * and how far the response had come, so a finding about it reads on its own.
 */
export function describeFailure(error: unknown, durationMs: number, timeoutMs: number, start?: ResponseStart): TransportFailure {
  const received = error instanceof IncompleteBody ? error.receivedBytes : 0;
  if (error instanceof IncompleteBody && error.undecodable !== undefined) {
    return {
      kind: 'protocol',
      message: `${start === undefined ? 'the response came' : `status ${start.status} came`}, but ${error.undecodable}`,
      durationMs,
      ...(start === undefined ? {} : { responseStarted: true }),
    };
  }
  const { code, name, message, error: cause } = innermost(error instanceof IncompleteBody ? error.reason : error);
  const kind = kindOf(code, name);
  return {
    kind,
    message: explain(kind, code, message, timeoutMs, start, received, cause),
    durationMs,
    ...(start === undefined ? {} : { responseStarted: true }),
  };
}

function kindOf(code: string | undefined, name: string | undefined): TransportFailureKind {
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  )
    return 'timeout';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'connection-reset';
  if (
    code?.startsWith('HPE_') ||
    name === 'HTTPParserError' ||
    code === 'UND_ERR_HEADERS_OVERFLOW' ||
    code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' ||
    code === 'UND_ERR_INFO'
  )
    return 'protocol';
  return 'other';
}

function explain(
  kind: TransportFailureKind,
  code: string | undefined,
  message: string,
  timeoutMs: number,
  start: ResponseStart | undefined,
  received: number,
  error: TlsErrorFields | undefined,
): string {
  if (start !== undefined) {
    if (kind === 'timeout') return `no complete response within ${timeoutMs} ms: ${afterHeaders(start, received)}`;
    if (code === 'UND_ERR_SOCKET') return `the server closed the connection before the body was complete: ${afterHeaders(start, received)}`;
    if (kind === 'connection-reset') return `the connection was reset before the body was complete: ${afterHeaders(start, received)}`;
    return `${message || code || 'the body could not be read'}: ${afterHeaders(start, received)}`;
  }
  const tls = tlsCause(code, error);
  if (tls !== undefined) return tls;
  if (kind === 'timeout') return `no response within ${timeoutMs} ms`;
  if (code === 'UND_ERR_SOCKET') return 'the server closed the connection without sending a response';
  if (kind === 'connection-reset') return `the connection was reset before a response came (${message || code})`;
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return 'the status line and headers are larger than this client reads';
  if (kind === 'protocol') return `the answer is not a valid HTTP response: ${message || code}`;
  return message || code || 'request failed';
}

/** "status 200 and its headers came, then 12 bytes of the body[ of the 120 its Content-Length announced]" */
function afterHeaders(start: ResponseStart, received: number): string {
  const announced = start.announcedBytes === undefined ? '' : ` of the ${start.announcedBytes} its Content-Length announced`;
  return `status ${start.status} and its headers came, then ${received} ${received === 1 ? 'byte' : 'bytes'} of the body${announced}`;
}

/** What a TLS error carries besides its code (node:tls sets these on a host name mismatch). */
interface TlsErrorFields {
  readonly host?: string;
  readonly cert?: { readonly subjectaltname?: string; readonly subject?: { readonly CN?: string } };
}

/** These mean that the certificate itself is not trusted: --ca or --insecure is the fix. */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

/**
 * The cause of a TLS failure in words that name the fix, instead of OpenSSL's: a plain-HTTP
 * server reached by https (its answer is no TLS record: "wrong version number"), a certificate
 * for another name, one that is not trusted. Undefined for anything else.
 */
function tlsCause(code: string | undefined, error: TlsErrorFields | undefined): string | undefined {
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' || code === 'ERR_SSL_HTTP_REQUEST')
    return 'the server speaks plain HTTP, not TLS: use http://';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = (error?.cert?.subjectaltname ?? '')
      .split(',')
      .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
      .filter((name) => name !== '');
    const holder = names.length > 0 ? names.join(', ') : (error?.cert?.subject?.CN ?? 'another name');
    return `the certificate is for ${holder}, not ${error?.host ?? 'this host'}`;
  }
  if (code !== undefined && UNTRUSTED_CERTIFICATE.has(code)) return `the certificate is not trusted (${code.toLowerCase().replaceAll('_', ' ')})`;
  return undefined;
}

/** undici wraps the socket error; the useful code is usually on the innermost cause. */
function innermost(error: unknown): { code?: string | undefined; name?: string | undefined; message: string; error?: TlsErrorFields | undefined } {
  let current = error as { code?: string; name?: string; message?: string; cause?: unknown } | undefined;
  let best = { code: current?.code, name: current?.name, message: current?.message ?? String(error), error: current as TlsErrorFields | undefined };
  for (let depth = 0; current?.cause !== undefined && depth < 5; depth++) {
    current = current.cause as typeof current;
    if (current?.code !== undefined)
      best = { code: current.code, name: current.name ?? best.name, message: current.message ?? best.message, error: current as TlsErrorFields };
  }
  if (best.name === undefined && (error as { name?: string } | undefined)?.name) best.name = (error as { name: string }).name;
  return best;
}
