/** One HTTP request as the suite sent it. Header names are lower-case. */
export interface HttpRequest {
  readonly method: string;
  /** Absolute URL, exactly as sent. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text, or undefined when no body was sent. */
  readonly body?: string;
}

/** What came back. Every status is data: a 500 is a response, not an error. */
export interface HttpResponse {
  readonly status: number;
  /** Header names lower-case; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body as text: its Content-Encoding (gzip, deflate, br) undone, then read as UTF-8 with
   * replacement characters for invalid bytes.
   */
  readonly bodyText: string;
  /** True when the body was cut at the size cap (in decoded bytes); bodyText then holds only the prefix. */
  readonly truncated: boolean;
  readonly durationMs: number;
  /** When the status line and headers had come, in milliseconds from the start (the rest was the body). */
  readonly headersMs?: number;
}

/** Why a request produced no response. */
export type TransportFailureKind = 'timeout' | 'connection-refused' | 'connection-reset' | 'protocol' | 'other';

export interface TransportFailure {
  readonly kind: TransportFailureKind;
  /** What happened and how far the response had come, e.g. "... status 200 and its headers came, then 12 bytes of the body". */
  readonly message: string;
  /** True when the status line and headers had arrived: the server is there, its answer broke. */
  readonly responseStarted?: boolean;
  readonly durationMs: number;
}

/** A request and its outcome: a response, or a transport failure (timeout, reset, ...). */
export interface Exchange {
  /** Sequence number within the run, from 1. */
  readonly seq: number;
  /** When the request was sent, in epoch milliseconds. */
  readonly startedAt: number;
  readonly request: HttpRequest;
  readonly response?: HttpResponse;
  readonly failure?: TransportFailure;
}
