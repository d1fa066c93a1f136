import { composeSuiteContext } from '../../suites/compose-suite-context.js';
import { DEFAULTS, resolveConfig, type RunConfig } from '../../src/config.js';
import type { Finding } from '../../src/findings/finding.js';
import { FindingLog } from '../../src/findings/finding-log.js';
import { createClient } from '../../src/http/client.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations, type OperationIndex } from '../../src/spec/index-operations.js';
import { loadSpec, type LoadedSpec } from '../../src/spec/load-spec.js';
import { statefulSuite } from '../../suites/stateful/stateful.js';

/** What one in-process run of the stateful suite left behind. */
export interface StatefulOutcome {
  readonly findings: readonly Finding[];
  /** Every (operation, check id) the run evaluated, with repeats. */
  readonly notes: readonly string[];
  readonly progress: readonly string[];
  readonly requests: number;
  readonly durationMs: number;
}

let loaded: Promise<{ spec: LoadedSpec; index: OperationIndex }> | undefined;

/**
 * Runs the stateful suite against `url` as `src/run.ts` would (checked API, every response through
 * the response checks), with the given stateful settings over `base`, and returns what it recorded.
 */
export async function runStateful(
  url: string,
  stateful: Partial<RunConfig['stateful']> = {},
  signal?: AbortSignal,
  base: RunConfig = resolveConfig({ target: url }),
  /** Receives every finding as it is recorded, to read them when the suite throws. */
  findings: Finding[] = [],
): Promise<StatefulOutcome> {
  loaded ??= loadSpec(DEFAULTS.specPath).then((spec) => ({ spec, index: indexOperations(spec.document, createAjv()) }));
  const { spec, index } = await loaded;
  const config: RunConfig = { ...base, stateful: { ...base.stateful, ...stateful } };
  let requests = 0;
  const client = createClient({
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    defaultHeaders: { accept: 'application/json' },
    onExchange: () => requests++,
  });
  // The run's own log: a fault seen again is counted, and its best reproduction kept, as in a run.
  const log = new FindingLog();
  const notes: string[] = [];
  const progress: string[] = [];
  const started = performance.now();
  try {
    await statefulSuite.run(
      composeSuiteContext({
        config: { ...config, retryDelayMs: 5 },
        spec,
        index,
        client,
        baseUrl: url,
        suite: statefulSuite,
        signal: signal ?? new AbortController().signal,
        record: (finding) => {
          findings.push(finding);
          log.add(finding);
        },
        passed: (operation, checkId) => void notes.push(`${operation} ${checkId}`),
        progress: (message) => void progress.push(message),
      }),
    );
  } finally {
    await client.close();
  }
  return { findings: log.all(), notes, progress, requests, durationMs: performance.now() - started };
}
