import { Agent, type Dispatcher } from 'undici';
import { ConformanceError } from '../errors.js';
import { describeFailure, type ResponseStart } from './describe-failure.js';
import type { Exchange, HttpRequest } from './exchange.js';
import { readBody } from './read-body.js';

export interface ClientOptions {
  /** Whole-request budget: connect, headers and body together. */
  readonly timeoutMs: number;
  /** Bodies longer than this, once decoded, are cut (the exchange says so) instead of filling memory. */
  readonly maxBodyBytes: number;
  /** Sent with every request unless the request sets the same header. Names lower-case. */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  /** Called with every exchange, in order, once it is complete. */
  readonly onExchange?: (exchange: Exchange) => void;
  /** Called as each request leaves, before its answer: a caller that must quit mid-request knows what was under way. */
  readonly onRequest?: (request: HttpRequest) => void;
  /** Extra certificate authorities (PEM) to trust for https targets. */
  readonly ca?: string;
  /** Skip TLS certificate verification (self-signed test clusters). */
  readonly insecure?: boolean;
  /** At most this many requests start per second; undefined: no limit. */
  readonly ratePerSecond?: number;
  /**
   * When set, any other method is refused before it leaves the process: the guarantee behind
   * --read-only does not rest on every suite being careful.
   */
  readonly allowedMethods?: ReadonlySet<string>;
}

export interface RequestSpec {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** A smaller body cap for this request only (probes that need the status, not the body). */
  readonly maxBodyBytes?: number;
}

export interface HttpClient {
  /** Sends one request. Never throws for an HTTP status or a network failure: both are data. */
  send(request: RequestSpec): Promise<Exchange>;
  close(): Promise<void>;
}

export function createClient(options: ClientOptions): HttpClient {
  const agent = new Agent({
    connect: {
      timeout: options.timeoutMs,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      ...(options.insecure === true ? { rejectUnauthorized: false } : {}),
    },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    // Conformance runs are short; keep-alive helps, but never hold sockets after the run.
    keepAliveTimeout: 1_000,
  });
  let seq = 0;
  const interval = options.ratePerSecond === undefined ? 0 : 1_000 / options.ratePerSecond;
  let nextStart = 0;
  let gate: Promise<void> = Promise.resolve();

  async function send(spec: RequestSpec): Promise<Exchange> {
    if (options.allowedMethods !== undefined && !options.allowedMethods.has(spec.method)) {
      throw new ConformanceError(
        'CONF_INTERNAL',
        `a ${spec.method} request to ${spec.url} was stopped: this run may only send ${[...options.allowedMethods].join(', ')}`,
      );
    }
    let start: Start | undefined;
    if (interval > 0) {
      // One request at a time through the gate, the next spaced from when this one really starts:
      // spacing from the planned start would let a late start (a busy event loop) crowd the next.
      // The moment read here is the exchange's start too, so that no pause of the process between
      // the two can bring the recorded starts closer than the gate let them.
      const turn = gate.then(async () => {
        const wait = nextStart - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        start = { started: performance.now(), startedAt: Date.now() };
        nextStart = start.started + interval;
      });
      gate = turn;
      await turn;
    }
    const headers: Record<string, string> = { ...options.defaultHeaders };
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers[name.toLowerCase()] = value;
    const request: HttpRequest = { method: spec.method, url: spec.url, headers, ...(spec.body === undefined ? {} : { body: spec.body }) };
    const limit = Math.min(spec.maxBodyBytes ?? options.maxBodyBytes, options.maxBodyBytes);
    options.onRequest?.(request);
    const exchange = await perform(agent, request, ++seq, options.timeoutMs, limit, start);
    options.onExchange?.(exchange);
    return exchange;
  }

  return { send, close: () => agent.close() };
}

/** When a request starts, on the monotonic clock and as epoch milliseconds. */
interface Start {
  readonly started: number;
  readonly startedAt: number;
}

async function perform(
  agent: Agent,
  request: HttpRequest,
  seq: number,
  timeoutMs: number,
  maxBodyBytes: number,
  { started, startedAt }: Start = { started: performance.now(), startedAt: Date.now() },
): Promise<Exchange> {
  // One timer for the whole exchange, cleared when it ends: AbortSignal.timeout would leave a
  // live timer (and its bookkeeping) behind for every request of the run.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no complete response within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  try {
    return await exchange(agent, request, seq, startedAt, started, timeoutMs, maxBodyBytes, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function exchange(
  agent: Agent,
  request: HttpRequest,
  seq: number,
  startedAt: number,
  started: number,
  timeoutMs: number,
  maxBodyBytes: number,
  signal: AbortSignal,
): Promise<Exchange> {
  const failed = (error: unknown, start?: ResponseStart): Exchange => ({
    seq,
    startedAt,
    request,
    failure: describeFailure(error, performance.now() - started, timeoutMs, start),
  });
  let response: Dispatcher.ResponseData;
  try {
    const url = new URL(request.url);
    response = await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method as 'GET',
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
    });
  } catch (error) {
    return failed(error);
  }
  const headersMs = performance.now() - started;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const announced = Number(headers['content-length']);
  try {
    const { text, truncated } = await readBody(response.body, {
      limit: maxBodyBytes,
      ...(headers['content-encoding'] === undefined ? {} : { contentEncoding: headers['content-encoding'] }),
    });
    return {
      seq,
      startedAt,
      request,
      response: { status: response.statusCode, headers, bodyText: text, truncated, durationMs: performance.now() - started, headersMs },
    };
  } catch (error) {
    // The status and headers came, the body did not: the failure says how far it got.
    return failed(error, { status: response.statusCode, ...(Number.isSafeInteger(announced) ? { announcedBytes: announced } : {}) });
  }
}
