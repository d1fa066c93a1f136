import type { JsonValue } from '../rendering/json-value.js';

/**
 * What the server is about to do with a request. An `intercept` hook receives it and may return
 * another one: a different status, headers or body, or no answer at all.
 */
export type PlannedResponse = PlannedAnswer | { readonly hang: true } | { readonly destroy: true };

/** An HTTP answer. `hang`: the server never answers. `destroy`: it resets the connection. */
export interface PlannedAnswer {
  readonly status: number;
  /** Header names lower-case. `content-type` is set by the planner for JSON bodies. */
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON body (bigints written as exact numbers). */
  /** undefined (given or left out): the body is `text`, or none. */
  readonly json?: JsonValue | undefined;
  /** A raw body, used when `json` is undefined. */
  readonly text?: string;
}
