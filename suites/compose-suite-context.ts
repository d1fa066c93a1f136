import { createBackupApi, type Observation } from '../src/api/backup-api.js';
import { responseChecks } from '../src/checks/response-checks.js';
import type { RunConfig } from '../src/config.js';
import type { Finding } from '../src/findings/finding.js';
import type { HttpClient } from '../src/http/client.js';
import type { OperationIndex } from '../src/spec/index-operations.js';
import type { LoadedSpec } from '../src/spec/load-spec.js';
import type { Operation, OperationRole } from '../src/spec/operation.js';
import type { Exchange } from '../src/http/exchange.js';
import type { RuleId } from '../src/rules/rules.js';
import type { Suite, SuiteContext } from './suite.js';

/** What a suite's context is made from: the run's parts, and where its results go. */
export interface SuiteContextParts {
  readonly config: RunConfig;
  readonly spec: LoadedSpec;
  readonly index: OperationIndex;
  readonly client: HttpClient;
  readonly baseUrl: string;
  readonly suite: Suite;
  readonly signal: AbortSignal;
  /** Records a finding: a judgement of its rule that did not pass. */
  record(finding: Finding): void;
  /** Records a judgement of a rule that passed. */
  passed(operation: string, rule: RuleId): void;
  /** Told of every answer the response checks judged (the coverage of documented responses). */
  onJudgedAnswer?(operation: Operation, exchange: Exchange): void;
  progress(message: string): void;
  /** Defaults to a progress line: a suite run on its own has no summary. */
  note?(message: string): void;
  /** Defaults to none: a suite run on its own has no earlier suite's takes to stay above. */
  highestTakenId?(): bigint | undefined;
  /** Defaults to none, likewise. */
  highestAcceptedId?(): bigint | undefined;
  onObservation?(observation: Observation, target: { role: OperationRole; id?: bigint }): void;
}

/**
 * The context one suite runs in: the checked API bound to it (every response through the response
 * checks) and the run's hooks. The run composes it this way, and so do the tests and benchmarks that
 * run a suite on its own, so they exercise the same wiring.
 */
export function composeSuiteContext(parts: SuiteContextParts): SuiteContext {
  const { config, spec, index, client, baseUrl, suite, signal, record, passed, progress } = parts;
  const redactedHeaders = config.redactedHeaders;
  const api = createBackupApi({
    baseUrl,
    index,
    client,
    checks: responseChecks,
    suite: suite.id,
    redactedHeaders,
    retryDelayMs: config.retryDelayMs,
    record,
    passed,
    ...(parts.onJudgedAnswer === undefined ? {} : { onJudgedAnswer: parts.onJudgedAnswer }),
    ...(parts.onObservation === undefined ? {} : { onObservation: parts.onObservation }),
  });
  return {
    config,
    spec,
    index,
    api,
    redactedHeaders,
    record,
    passed,
    progress,
    note: parts.note ?? progress,
    signal,
    highestTakenId: parts.highestTakenId ?? (() => undefined),
    highestAcceptedId: parts.highestAcceptedId ?? (() => undefined),
  };
}
