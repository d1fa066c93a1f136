import { performance } from 'node:perf_hooks';
import { compareServers } from '../src/compare/compare-servers.js';
import { DEFAULTS, resolveConfig } from '../src/config.js';
import { startReferenceServer } from '../src/server/reference-server.js';
import { below, median, round, spread, type BenchResult } from './bench-result.js';

/** The run's defaults: a compare as the command line runs it. */
const defaults = resolveConfig({});

const RUNS = 5;

/**
 * `conformance compare` of two reference servers (backups settling in 50 ms, as the server's
 * default): the time of the whole sequence against both, and the requests it sent to each.
 */
export async function benchCompare(): Promise<BenchResult[]> {
  const a = await startReferenceServer({ seedBackups: [{ id: 1 }] });
  const b = await startReferenceServer({ seedBackups: [{ id: 1 }] });
  const times: number[] = [];
  let requests = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const outcome = await compareServers({
        target: { url: new URL(a.url), headers: {} },
        against: { url: new URL(b.url), headers: {} },
        specPath: DEFAULTS.specPath,
        timeoutMs: defaults.timeoutMs,
        maxBodyBytes: defaults.maxBodyBytes,
        settleTimeoutMs: defaults.stateful.settleTimeoutMs,
        redactedHeaders: new Set(),
        consent: false,
      });
      times.push(performance.now() - started);
      requests = outcome.a.steps.reduce((sum, step) => sum + step.curl.length, 0);
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  return [
    below(`compare of two reference servers (median of ${RUNS}, ${spread(times)} ms)`, median(times), 'ms', 2_000),
    { name: 'compare: distinct requests of the sequence, per target (a poll counted once)', value: round(requests, 0), unit: 'requests' },
  ];
}
