import type { Exchange } from '../http/exchange.js';
import type { ParsedJson } from '../http/parse-json.js';
import type { Operation } from '../spec/operation.js';

/** What the run's observers read of an answer: the API's `Observation` has it, and findings/ does not depend on api/. */
export interface ObservedAnswer {
  readonly operation: Operation;
  readonly exchange: Exchange;
  readonly status?: number;
  readonly body?: ParsedJson;
}
