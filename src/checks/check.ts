import type { Exchange } from '../http/exchange.js';
import type { ParsedJson } from '../http/parse-json.js';
import type { ProseRuleId } from '../spec/prose-rules.js';
import { rule as ruleOf, type RuleId, type Severity, type Verdict } from '../rules/rules.js';
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
  /**
   * The kind of deviation, without ids or values (`lastUpdatedAt-before-createdAt`, `status-418`):
   * with the check and operation it is the fault's identity, so one fault seen on a thousand
   * backups is one finding, counted, and not a thousand.
   */
  readonly kind: string;
  /** The backup the sighting is about, when it is about one: counts "seen on N backups". */
  readonly backupId?: bigint;
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
  /**
   * What the check needs to mean anything, for people, without an article: "list answer holding two
   * backups or more". A check the run never met one for is reported as not exercised, saying so.
   */
  readonly exercisedBy: string;
  /** Whether the check applies to this exchange: only then is it counted, passed or failed. */
  applies(input: CheckInput): boolean;
  evaluate(input: CheckInput): readonly FindingDraft[];
}

/**
 * Builds a check from the rule it enforces (its title and severity live in the rule catalogue) and
 * where it applies, and a `run` that only decides, calling `fail` per problem. A draft without a
 * pointer gets the rule's. A check that fails an exchange applies to it, whatever `applies` says.
 */
export function defineCheck(definition: {
  rule: RuleId;
  exercisedBy: string;
  /** @default every exchange */
  applies?(input: CheckInput): boolean;
  run(input: CheckInput, fail: (draft: FindingDraft) => void): void;
}): Check {
  const { run, exercisedBy, applies } = definition;
  const { id, title, severity } = ruleOf(definition.rule);
  return {
    id: id as RuleId,
    title,
    severity,
    exercisedBy,
    applies: applies ?? (() => true),
    evaluate(input) {
      const drafts: FindingDraft[] = [];
      run(input, (draft) => drafts.push(draft));
      return drafts;
    },
  };
}
