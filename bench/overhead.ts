import { request } from 'undici';
import { resolveConfig } from '../src/config.js';
import type { HttpRequest } from '../src/http/exchange.js';
import { runConformance } from '../src/run.js';
import { startReferenceServer } from '../src/server/reference-server.js';
import { below, median, round, spread, type BenchResult } from './bench-result.js';

const REPETITIONS = 5;

/**
 * The suite's own cost: a default run against the reference server (settle delay 0) against the
 * floor — the same requests, in the same order, sent by a bare undici loop that validates nothing,
 * to a fresh server of the same kind. Both servers live in this process, as in the run.
 */
export async function benchOverhead(): Promise<BenchResult[]> {
  const runs: number[] = [];
  const requestPhases: number[] = [];
  const floors: number[] = [];
  let requestCount = 0;
  const requestsPerRule: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    const sent: HttpRequest[] = [];
    const server = await startReferenceServer({ settleMs: 0 });
    const start = performance.now();
    let outcome;
    try {
      outcome = await runConformance(resolveConfig({ target: server.url, seed: String(repetition + 1) }), {
        onEvent: (event) => {
          if (event.type === 'exchange') sent.push(event.exchange.request);
        },
      });
    } finally {
      await server.close();
    }
    runs.push(performance.now() - start);
    requestPhases.push(outcome.suites.reduce((sum, suite) => sum + suite.durationMs, 0));
    requestCount = sent.length;
    requestsPerRule.push(outcome.requests / outcome.rules.filter((rule) => rule.exercised > 0).length);

    const fresh = await startReferenceServer({ settleMs: 0 });
    try {
      floors.push(await replay(sent, server.url, fresh.url));
    } finally {
      await fresh.close();
    }
  }
  const floor = median(floors);
  // Each repetition's suites over its own floor, measured back to back, for the range.
  const ratios = requestPhases.map((phase, i) => phase / (floors[i] as number));
  return [
    {
      name: `default run against the reference server (${requestCount} requests, median of ${REPETITIONS}; ${spread(runs)} ms)`,
      value: round(median(runs)),
      unit: 'ms',
    },
    { name: `of which in the suites, spec loading and start-up excluded (${spread(requestPhases)} ms)`, value: round(median(requestPhases)), unit: 'ms' },
    { name: `floor: the same requests by a bare undici loop (${spread(floors)} ms)`, value: round(floor), unit: 'ms' },
    {
      ...below(`overhead: suites over the floor (each run over its own floor: ${spread(ratios)} x)`, median(requestPhases) / floor, 'x', 1.5),
      value: round(median(requestPhases) / floor, 2),
    },
    { name: 'overhead: whole run over the floor', value: round(median(runs) / floor, 2), unit: 'x' },
    { name: 'requests per rule exercised, in that run', value: round(median(requestsPerRule)), unit: 'requests' },
  ];
}

/** Sends the recorded requests, in order, to another server; returns the wall time. */
async function replay(requests: readonly HttpRequest[], recordedBase: string, base: string): Promise<number> {
  const start = performance.now();
  for (const sent of requests) {
    const response = await request(sent.url.replace(recordedBase, base), {
      method: sent.method as 'GET',
      headers: sent.headers,
      ...(sent.body === undefined ? {} : { body: sent.body }),
    });
    await response.body.text();
  }
  return performance.now() - start;
}
