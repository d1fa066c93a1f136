import { performance } from 'node:perf_hooks';
import { startReferenceServer } from '../src/server/reference-server.js';
import { below, median, round, type BenchResult } from './bench-result.js';

const BACKUPS = 10_000;
const PARTITIONS = 50;
const LIST_RUNS = 5;

/**
 * Start-up time of the reference server, empty and with 10,000 seeded backups of 50 partitions,
 * and the time and size of `GET /` on the large one: far more than a real cluster lists (Zeebe's
 * list timed out long before, camunda/camunda#36162), so the server never limits a test run.
 */
export async function benchReferenceServer(): Promise<BenchResult[]> {
  const empty = await timed(() => startReferenceServer());
  await empty.value.close();

  const seedBackups = Array.from({ length: BACKUPS }, (_, index) => ({ id: index + 1 }));
  const seeded = await timed(() => startReferenceServer({ partitions: PARTITIONS, seedBackups, settleMs: 0 }));
  const server = seeded.value;
  const listTimes: number[] = [];
  let bytes = 0;
  try {
    bytes = (await readList(server.url)).length; // warm-up
    for (let run = 0; run < LIST_RUNS; run++) listTimes.push((await timed(() => readList(server.url))).ms);
  } finally {
    await server.close();
  }

  return [
    below('reference server start-up, empty', empty.ms, 'ms', 100),
    { name: `reference server start-up, ${BACKUPS} backups x ${PARTITIONS} partitions seeded`, value: round(seeded.ms), unit: 'ms' },
    below(`reference server GET / with ${BACKUPS} backups x ${PARTITIONS} partitions (median of ${LIST_RUNS})`, median(listTimes), 'ms', 200),
    { name: `GET / body size with ${BACKUPS} backups x ${PARTITIONS} partitions`, value: round(bytes / 2 ** 20), unit: 'MiB' },
  ];
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function readList(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  return new Uint8Array(await response.arrayBuffer());
}
