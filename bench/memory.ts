import { below, type BenchResult } from './bench-result.js';
import { runCliMeasured } from '../test/helpers/run-cli-measured.js';

/** Peak memory of a default run: every suite against the embedded reference server. */
export async function benchMemory(): Promise<BenchResult[]> {
  const run = await runCliMeasured(['--quiet']);
  return [below(`peak RSS of a default run against the embedded server (exit ${run.code})`, run.peakRssBytes / 2 ** 20, 'MiB', 150)];
}
