import type { IncomingHttpHeaders } from 'node:http';

/** A request as the server received it, plain data (the body already read). */
export interface ReceivedRequest {
  /** 1 for the first request this server received, then 2, 3 ... */
  readonly seq: number;
  readonly method: string;
  /** The request target as sent, query included. */
  readonly url: string;
  /** The path without the query, not yet percent-decoded. */
  readonly path: string;
  /** Header names lower-case. */
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text; empty when the body was over the size limit. */
  readonly bodyText: string;
  /** True when the body was larger than the server's limit (it was read and dropped). */
  readonly bodyOverLimit: boolean;
  /** Epoch milliseconds of the server's clock when the request arrived. */
  readonly receivedAt: number;
}
