import { mediaTypeMatches } from '../checks/media-type-matches.js';
import type { Exchange } from '../http/exchange.js';
import type { Operation, ResponseSpec } from '../spec/operation.js';

/** One documented response of an operation and how often the run received it. */
export interface ResponseCoverage {
  /** As the spec writes it: `202`, `5XX` or `default`. */
  readonly status: string;
  readonly description: string;
  /** Answers the run received that the spec documents under this status. */
  readonly observed: number;
  /** Each documented media type, and how many of those answers carried it. */
  readonly mediaTypes: readonly { readonly mediaType: string; readonly observed: number }[];
  /** Why the run cannot make the server send it, when that can be said from the spec alone. */
  readonly notProvokable?: string;
}

/** The documented responses of one operation, observed or not, and the statuses it answered that no response documents. */
export interface OperationCoverage {
  readonly operation: string;
  readonly responses: readonly ResponseCoverage[];
  readonly undocumented: readonly { readonly status: number; readonly observed: number }[];
}

/**
 * Why a documented response cannot be provoked from outside, from what the spec says of it: a
 * 5xx is the server or its gateway failing, and a response described as backups not being
 * configured only comes from a cluster that the run refuses to test (exit code 2 before any suite).
 */
export function whyNotProvokable(response: Pick<ResponseSpec, 'key' | 'description'>): string | undefined {
  if (/^5/.test(response.key))
    return `a failure of the server or its gateway ("${response.description.trim()}"), which no request of a client can cause on a healthy cluster`;
  if (/not (enabled|configured)/i.test(response.description) && !/not valid|invalid/i.test(response.description)) {
    return (
      `only when no backup store is configured ("${response.description.trim()}"), and against such a target the run stops with exit code 2 ` +
      `before any suite`
    );
  }
  return undefined;
}

interface Tally {
  readonly byKey: Map<string, { count: number; mediaTypes: Map<string, number> }>;
  readonly undocumented: Map<number, number>;
}

/**
 * Which documented statuses and media types the run's judged answers had, per operation.
 */
export class ResponseCoverageLog {
  private readonly tallies = new Map<Operation, Tally>();

  constructor(private readonly operations: readonly Operation[]) {
    for (const operation of operations) this.tallies.set(operation, { byKey: new Map(), undocumented: new Map() });
  }

  /**
   * Counts an answer the response checks judged, under the operation it was sent to. Only judged
   * answers count: the discovery, the preflight and the closing cleanup's deletes bypass the checks,
   * so a status listed as covered is one a check looked at.
   */
  observe(operation: Operation, exchange: Exchange): void {
    const response = exchange.response;
    const tally = this.tallies.get(operation);
    if (response === undefined || tally === undefined) return;
    const documented = operation.responseFor(response.status);
    if (documented === undefined) {
      tally.undocumented.set(response.status, (tally.undocumented.get(response.status) ?? 0) + 1);
      return;
    }
    const entry = tally.byKey.get(documented.key) ?? { count: 0, mediaTypes: new Map<string, number>() };
    entry.count++;
    const contentType = response.headers['content-type'];
    for (const mediaType of documented.mediaTypes) {
      if (contentType !== undefined && mediaTypeMatches(contentType, mediaType)) entry.mediaTypes.set(mediaType, (entry.mediaTypes.get(mediaType) ?? 0) + 1);
    }
    tally.byKey.set(documented.key, entry);
  }

  entries(): OperationCoverage[] {
    return this.operations.map((operation) => {
      const tally = this.tallies.get(operation)!;
      return {
        operation: operation.label,
        responses: operation.responses.map((response) => {
          const entry = tally.byKey.get(response.key);
          const observed = entry?.count ?? 0;
          const reason = observed === 0 ? whyNotProvokable(response) : undefined;
          return {
            status: response.key,
            description: response.description,
            observed,
            mediaTypes: response.mediaTypes.map((mediaType) => ({ mediaType, observed: entry?.mediaTypes.get(mediaType) ?? 0 })),
            ...(reason === undefined ? {} : { notProvokable: reason }),
          };
        }),
        undocumented: [...tally.undocumented].sort(([a], [b]) => a - b).map(([status, observed]) => ({ status, observed })),
      };
    });
  }
}

/** The operation a request was for: same method, and its path under the base URL fits the operation's template. */
export function operationOf(method: string, url: string, baseUrl: string, operations: readonly Operation[]): Operation | undefined {
  if (!url.startsWith(baseUrl)) return undefined;
  const rest = url.slice(baseUrl.length).replace(/[?#].*$/, '');
  const path = rest === '' ? '/' : rest;
  return operations.find((operation) => operation.method.toUpperCase() === method.toUpperCase() && templatePattern(operation.path).test(path));
}

function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}$`);
}
