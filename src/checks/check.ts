import type { Exchange } from '../http/exchange.js';
import type { ParsedJson } from '../http/parse-json.js';
import type { Severity, Verdict } from '../findings/finding.js';
import type { ProseRuleId } from '../model/prose-rules.js';
import { rule as ruleOf, type RuleId } from '../rules/rules.js';
import type { Operation } from '../spec/operation.js';

/** Everything a response check may look at. Checks get their history as input, never from context. */
export interface CheckInput {
  readonly operation: Operation;
  readonly exchange: Exchange;
  /** The response body parsed once; undefined when there was no response or an empty body. */
  readonly body?: ParsedJson;
  /**
   * `valid`: a request the spec says a correct server accepts or answers with a documented error.
   * `invalid`: a deliberately malformed request, which deserves a 4xx.
   */
  readonly intent: 'valid' | 'invalid';
  /** True when this exchange retried one that got a 5xx, and got a 5xx again. */
  readonly repeated?: boolean;
}

/** What a check reports; the API layer adds identity, operation and reproduction. */
export interface FindingDraft {
  readonly expected: string;
  readonly received: string;
  /** Where the spec says it, when not where the rule's catalogue entry points: `#/...` or a spec/NOTES.md section. */
  readonly specPointer?: string;
  /** The prose sentence broken, when it is not the rule's own (resolved against the loaded document). */
  readonly prose?: ProseRuleId;
  /** Defaults to `violation`. */
  readonly verdict?: Verdict;
}

/** A response check: one pure function from (operation, exchange) to findings. */
export interface Check {
  readonly id: RuleId;
  readonly title: string;
  readonly severity: Severity;
  evaluate(input: CheckInput): readonly FindingDraft[];
}

/**
 * Builds a check from the rule it enforces (its title and severity live in the rule catalogue) and
 * a `run` that only decides, calling `fail` per problem. A draft without a pointer gets the rule's.
 */
export function defineCheck(definition: { rule: RuleId; run(input: CheckInput, fail: (draft: FindingDraft) => void): void }): Check {
  const { run } = definition;
  const { id, title, severity } = ruleOf(definition.rule);
  return {
    id: id as RuleId,
    title,
    severity,
    evaluate(input) {
      const drafts: FindingDraft[] = [];
      run(input, (draft) => drafts.push(draft));
      return drafts;
    },
  };
}
