import { startReferenceServer } from '../src/server/reference-server.js';
import { below, median, type BenchResult } from './bench-result.js';
import { runCliMeasured } from '../test/helpers/run-cli-measured.js';

const REPETITIONS = 5;

/** From the moment the CLI process is spawned to the moment its first request reaches the server. */
export async function benchStartup(): Promise<BenchResult[]> {
  const delays: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    let firstRequestAt: number | undefined;
    const server = await startReferenceServer({
      settleMs: 0,
      intercept: (received, planned) => {
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
  return [below(`start-up: process start to first request (median of ${REPETITIONS})`, median(delays), 'ms', 300)];
}
