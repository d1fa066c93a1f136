import { composeSuiteContext } from '../suites/compose-suite-context.js';
import { DEFAULTS, resolveConfig } from '../src/config.js';
import { createClient } from '../src/http/client.js';
import type { ReferenceServerOptions } from '../src/server/options.js';
import { startReferenceServer } from '../src/server/reference-server.js';
import { createAjv } from '../src/spec/create-ajv.js';
import { indexOperations } from '../src/spec/index-operations.js';
import { loadSpec } from '../src/spec/load-spec.js';
import { statefulSuite } from '../suites/stateful/stateful.js';
import { below, median, round, type BenchResult } from './bench-result.js';

const SEEDS = [1, 2, 3, 4, 5];

/**
 * The stateful suite alone, with its default settings: its wall time and request rate against the
 * reference server (settle delay 0, median of five seeds), and its wall time against a server
 * that answers in 150 ms and completes a backup in 1.5 s (one seed), which should stay under
 * 30 seconds. Spec loading is left out; every answer goes through the response checks, as in a run.
 */
export async function benchStateful(): Promise<BenchResult[]> {
  const times: number[] = [];
  const rates: number[] = [];
  let requests = 0;
  for (const seed of SEEDS) {
    const run = await runSuite({ settleMs: 0 }, seed);
    times.push(run.durationMs);
    rates.push(run.requests / (run.durationMs / 1000));
    requests = run.requests;
  }
  const slow = await runSuite({ latencyMs: 150, settleMs: 1500, jitterMs: 0 }, SEEDS[0] as number);
  return [
    below(`stateful suite against the reference server (about ${requests} requests, median of ${SEEDS.length} seeds)`, median(times), 'ms', 3000),
    { name: 'stateful suite: requests per second against the reference server', value: round(median(rates)), unit: 'req/s' },
    below(`stateful suite against a server answering in 150 ms, backups completing in 1.5 s (${slow.requests} requests)`, slow.durationMs / 1000, 's', 30),
  ];
}

async function runSuite(server: ReferenceServerOptions, seed: number): Promise<{ durationMs: number; requests: number }> {
  const spec = await loadSpec(DEFAULTS.specPath);
  const index = indexOperations(spec.document, createAjv());
  const target = await startReferenceServer(server);
  const base = resolveConfig({ target: target.url });
  const config = { ...base, stateful: { ...base.stateful, seed } };
  let requests = 0;
  const client = createClient({
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    defaultHeaders: { accept: 'application/json' },
    onExchange: () => requests++,
  });
  const ignore = (): void => undefined;
  const started = performance.now();
  try {
    await statefulSuite.run(
      composeSuiteContext({
        config,
        spec,
        index,
        client,
        baseUrl: target.url,
        suite: statefulSuite,
        signal: new AbortController().signal,
        record: ignore,
        passed: ignore,
        progress: ignore,
      }),
    );
    return { durationMs: performance.now() - started, requests };
  } finally {
    await client.close();
    await target.close();
  }
}
