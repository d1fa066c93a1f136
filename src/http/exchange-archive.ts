import type { Exchange } from './exchange.js';

/** A body as the archive keeps it: at most a bounded prefix, with its full size. */
export interface ArchivedBody {
  /** The kept text; absent when the archive's budget for bodies was spent. */
  readonly text?: string;
  /** Bytes of the body as read (after decoding), whether kept or not. */
  readonly bytes: number;
  /**
   * Why the text is not the whole body, when it is not: the client stopped reading at
   * --max-body-bytes, the archive kept only its per-body share, or its budget for all bodies was spent.
   */
  readonly cut?: 'max-body-bytes' | 'kept-body-bytes' | 'total-body-bytes';
}

/** One exchange as the archive keeps it: redacted header values, bodies bounded. */
export interface ArchivedExchange {
  readonly seq: number;
  readonly startedAt: number;
  readonly request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body?: ArchivedBody };
  readonly response?: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: ArchivedBody;
    readonly durationMs: number;
    readonly headersMs?: number;
  };
  readonly failure?: { readonly kind: string; readonly message: string; readonly durationMs: number };
}

/** The run's exchanges and the bounds they were kept under. */
export interface ExchangeRecord {
  readonly exchanges: readonly ArchivedExchange[];
  /** --max-body-bytes: the client read no more of any response body. */
  readonly readBodyBytes: number;
  /** The most kept of any one body. */
  readonly keptBodyBytes: number;
  /** The most kept of all bodies together; later bodies are left out. */
  readonly totalBodyBytes: number;
}

// A run sends a few thousand requests; their bodies could hold gigabytes at the run's body limit.
// The archive keeps this much of each, and this much in all, so its memory stays bounded.
export const KEPT_BODY_BYTES = 1024 * 1024;
export const TOTAL_BODY_BYTES = 64 * 1024 * 1024;

/** Header values printed as `***`: those the run redacts, and the cookies a server sets. */
const ALWAYS_REDACTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['set-cookie']);

/**
 * Every exchange of a run, for exchanges.har: header values the run redacts are `***` from the
 * moment they are recorded (no secret is kept), and bodies are cut to bounds fixed at the start.
 */
export class ExchangeArchive {
  private readonly kept: ArchivedExchange[] = [];
  private budget: number;

  constructor(
    private readonly redactedHeaders: ReadonlySet<string>,
    private readonly readBodyBytes: number,
    private readonly keptBodyBytes = Math.min(KEPT_BODY_BYTES, readBodyBytes),
    private readonly totalBodyBytes = TOTAL_BODY_BYTES,
  ) {
    this.budget = totalBodyBytes;
  }

  record(exchange: Exchange): void {
    const { request, response, failure } = exchange;
    this.kept.push({
      seq: exchange.seq,
      startedAt: exchange.startedAt,
      request: {
        method: request.method,
        url: request.url,
        headers: redact(request.headers, this.redactedHeaders),
        ...(request.body === undefined ? {} : { body: this.keep(request.body, false) }),
      },
      ...(response === undefined
        ? {}
        : {
            response: {
              status: response.status,
              headers: redact(response.headers, ALWAYS_REDACTED_RESPONSE_HEADERS, this.redactedHeaders),
              body: this.keep(response.bodyText, response.truncated),
              durationMs: response.durationMs,
              ...(response.headersMs === undefined ? {} : { headersMs: response.headersMs }),
            },
          }),
      ...(failure === undefined ? {} : { failure: { kind: failure.kind, message: failure.message, durationMs: failure.durationMs } }),
    });
  }

  contents(): ExchangeRecord {
    return {
      exchanges: [...this.kept].sort((a, b) => a.seq - b.seq),
      readBodyBytes: this.readBodyBytes,
      keptBodyBytes: this.keptBodyBytes,
      totalBodyBytes: this.totalBodyBytes,
    };
  }

  private keep(text: string, cutByClient: boolean): ArchivedBody {
    const bytes = Buffer.byteLength(text);
    if (this.budget <= 0 && bytes > 0) return { bytes, cut: 'total-body-bytes' };
    const room = Math.min(this.keptBodyBytes, this.budget);
    const kept = bytes <= room ? text : Buffer.from(text).subarray(0, room).toString();
    this.budget -= Math.min(bytes, room);
    const cut = bytes > room ? (room < this.keptBodyBytes ? 'total-body-bytes' : 'kept-body-bytes') : cutByClient ? 'max-body-bytes' : undefined;
    return { text: kept, bytes, ...(cut === undefined ? {} : { cut }) };
  }
}

function redact(headers: Readonly<Record<string, string>>, ...redacted: readonly ReadonlySet<string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = redacted.some((set) => set.has(name.toLowerCase())) ? '***' : value;
  return out;
}
