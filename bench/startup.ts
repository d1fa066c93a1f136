import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startReferenceServer } from '../src/server/reference-server.js';
import { below, median, round, spread, type BenchResult } from './bench-result.js';
import { runCliMeasured } from '../test/helpers/run-cli-measured.js';

const REPETITIONS = 7;
const BIN = fileURLToPath(new URL('../../bin/conformance.js', import.meta.url));

/** Wall time of one process from spawn to exit, in ms. */
function timeProcess(args: readonly string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [...args], (error) => (error === null ? resolve(performance.now() - started) : reject(error))),
  );
}

/** The medians of repeated runs, taken in turn so that a burst of load hits every command alike. */
async function interleaved(commands: readonly (readonly string[])[]): Promise<number[][]> {
  const samples = commands.map(() => [] as number[]);
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    for (const [i, args] of commands.entries()) samples[i]?.push(await timeProcess(args));
  }
  return samples;
}

/**
 * Against a bare Node start, measured side by side: `--version` and `--help` (which should load
 * nothing else), and the time from spawning a run to its first request reaching the server.
 */
export async function benchStartup(): Promise<BenchResult[]> {
  const [bare = [], version = [], help = []] = await interleaved([
    ['-e', '0'],
    [BIN, '--version'],
    [BIN, '--help'],
  ]);
  const delays: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    let firstRequestAt: number | undefined;
    const server = await startReferenceServer({
      settleMs: 0,
      intercept: (_received, planned) => {
        firstRequestAt ??= Date.now();
        return planned;
      },
    });
    try {
      const spawnedAt = Date.now();
      await runCliMeasured(['--target', server.url, '--suite', 'inventory', '--quiet']);
      if (firstRequestAt !== undefined) delays.push(firstRequestAt - spawnedAt);
    } finally {
      await server.close();
    }
  }
  const node = median(bare);
  return [
    { name: `bare Node start, node -e 0 (median of ${REPETITIONS}; ${spread(bare)} ms)`, value: round(node), unit: 'ms' },
    below(`conformance --version over a bare Node start (${round(median(version))} ms; ${spread(version)} ms)`, median(version) / node, 'x', 1.5),
    below(`conformance --help over a bare Node start (${round(median(help))} ms; ${spread(help)} ms)`, median(help) / node, 'x', 1.5),
    below(`start-up to the first request over a bare Node start (${round(median(delays))} ms; ${spread(delays)} ms)`, median(delays) / node, 'x', 3),
  ];
}
