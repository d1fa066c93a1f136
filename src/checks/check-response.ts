import type { Exchange } from '../http/exchange.js';
import { parseJson, type ParsedJson } from '../http/parse-json.js';
import type { Operation } from '../spec/operation.js';
import type { Check, CheckInput, FindingDraft } from './check.js';

/** What every check said about one exchange, with the body parsed once for all of them. */
export interface CheckedResponse {
  /** What every check was given: the answer's other readers use it too, so its body's views are read once. */
  readonly input: CheckInput;
  readonly body?: ParsedJson;
  /** Each check with what it found, and whether it applied at all (a check that found something did). */
  readonly results: readonly { readonly check: Check; readonly applied: boolean; readonly drafts: readonly FindingDraft[] }[];
}

/** Runs each check on one exchange. Pure: no I/O, nothing recorded. */
export function checkResponse(
  checks: readonly Check[],
  operation: Operation,
  exchange: Exchange,
  intent: CheckInput['intent'],
  repeated: boolean,
): CheckedResponse {
  const text = exchange.response?.bodyText ?? '';
  const body = text.length > 0 && exchange.response?.truncated !== true ? parseJson(text) : undefined;
  const input: CheckInput = { operation, exchange, intent, repeated, ...(body === undefined ? {} : { body }) };
  return {
    input,
    ...(body === undefined ? {} : { body }),
    results: checks.map((check) => {
      const drafts = check.evaluate(input);
      return { check, applied: drafts.length > 0 || check.applies(input), drafts };
    }),
  };
}
