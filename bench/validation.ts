import { checkResponse } from '../src/checks/check-response.js';
import { responseChecks } from '../src/checks/response-checks.js';
import { DEFAULTS } from '../src/config.js';
import type { Exchange } from '../src/http/exchange.js';
import { createAjv } from '../src/spec/create-ajv.js';
import { indexOperations } from '../src/spec/index-operations.js';
import { loadSpec } from '../src/spec/load-spec.js';
import { startReferenceServer } from '../src/server/reference-server.js';
import { below, median, round, spread, type BenchResult } from './bench-result.js';
import { runCliMeasured } from '../test/helpers/run-cli-measured.js';

const BACKUPS = 10_000;
const PARTITIONS = 50;
const REPETITIONS = 5;

/**
 * A `GET /` answer of 10,000 backups × 50 partitions, validated and checked in full (parse,
 * schema, ordering, aggregation, partition sets, failure reasons, timestamps) against its own
 * `JSON.parse`, measured in turn, and the peak memory of a read-only run of the CLI against a
 * server holding that many.
 */
export async function benchValidation(): Promise<BenchResult[]> {
  const index = indexOperations((await loadSpec(DEFAULTS.specPath)).document, createAjv());
  const seedBackups = Array.from({ length: BACKUPS }, (_, i) => ({ id: i + 1 }));
  const server = await startReferenceServer({ partitions: PARTITIONS, seedBackups, settleMs: 0 });
  try {
    const bodyText = await (await fetch(server.url, { headers: { accept: 'application/json' } })).text();
    const exchange: Exchange = {
      seq: 1,
      startedAt: 0,
      request: { method: 'GET', url: server.url, headers: {} },
      response: { status: 200, headers: { 'content-type': 'application/json' }, bodyText, truncated: false, durationMs: 0 },
    };
    const times: number[] = [];
    const parses: number[] = [];
    let findings = 0;
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      const parseStart = performance.now();
      JSON.parse(bodyText);
      parses.push(performance.now() - parseStart);
      const start = performance.now();
      const checked = checkResponse(responseChecks, index.byRole.list, exchange, 'valid', false);
      times.push(performance.now() - start);
      findings = checked.results.reduce((sum, r) => sum + r.drafts.length, 0);
    }
    const parse = median(parses);
    const run = await runCliMeasured(['--target', server.url, '--read-only', '--quiet', '--max-body-bytes', String(128 * 2 ** 20)]);
    return [
      {
        name: `checking a GET / answer of ${BACKUPS} backups x ${PARTITIONS} partitions, ${round(bodyText.length / 2 ** 20)} MiB (median of ${REPETITIONS}; ${spread(times)} ms; ${findings} findings)`,
        value: round(median(times)),
        unit: 'ms',
      },
      { name: `JSON.parse of the same body (${spread(parses)} ms)`, value: round(parse), unit: 'ms' },
      { ...below('checking the list over its JSON.parse', median(times) / parse, 'x', 2), value: round(median(times) / parse, 2) },
      below(`peak RSS of a read-only run against ${BACKUPS} backups x ${PARTITIONS} partitions (exit ${run.code})`, run.peakRssBytes / 2 ** 20, 'MiB', 200),
    ];
  } finally {
    await server.close();
  }
}
