import { startReferenceServer } from '../../src/server/reference-server.js';
import { runCli } from '../helpers/run-cli.js';
import { preExistingIds } from './correct-variants.js';
import type { Variant } from './variant.js';

/** What one run of the CLI against one variant showed. */
export interface VariantResult {
  readonly variant: Variant;
  readonly exitCode: number;
  /** Check ids with a violation in the run's findings.json. */
  readonly violations: readonly string[];
  readonly seconds: number;
  /** For a correct variant: the backups it held before the run that are gone after it. */
  readonly lostBackups: readonly bigint[];
  /** The CLI's output, for diagnosing a result that surprises. */
  readonly output: string;
  /** Killed (faulty: caught by its expected check) or passed (correct: nothing reported). */
  readonly ok: boolean;
  /** The seed the run was given, if any. */
  readonly seed?: number;
}

/**
 * Runs the real CLI against a server made from the variant, on loopback, and reads its verdict.
 * The run keeps the default flags a user gets (its number of stateful runs above all), so the
 * catalog proves what a default run catches; `seed` fixes the random parts of the run.
 */
export async function runVariant(variant: Variant, seed?: number): Promise<VariantResult> {
  const server = await startReferenceServer({ settleMs: 20, jitterMs: 10, ...(typeof variant.server === 'function' ? variant.server() : variant.server) });
  const started = performance.now();
  try {
    // The reference server settles backups in tens of milliseconds; a short settle timeout (which
    // also bounds the grace for deletes) keeps a faulty server from costing minutes of waiting.
    const result = await runCli([
      '--target',
      server.url,
      '--quiet',
      '--settle-timeout',
      '2s',
      ...(seed === undefined ? [] : ['--seed', String(seed)]),
      ...(variant.args ?? []),
    ]);
    let violations: string[] = [];
    try {
      violations = [...new Set((await result.findings()).findings.filter((f) => f.verdict === 'violation').map((f) => f.checkId))];
    } catch {
      // No findings.json: the run could not judge; exitCode says so.
    }
    const lostBackups = (preExistingIds.get(variant.id) ?? []).filter((id) => server.store.get(id) === undefined);
    const ok =
      variant.expectedExitCode !== undefined
        ? result.code === variant.expectedExitCode
        : variant.expectedCheck === undefined
          ? result.code === 0 && violations.length === 0 && lostBackups.length === 0
          : result.code === 1 && violations.includes(variant.expectedCheck);
    return {
      variant,
      exitCode: result.code,
      violations,
      seconds: (performance.now() - started) / 1000,
      lostBackups,
      output: result.stdout + result.stderr,
      ok,
      ...(seed === undefined ? {} : { seed }),
    };
  } finally {
    await server.close();
  }
}

/** Runs every variant, `concurrency` at a time; results in catalog order. */
export async function runCatalog(variants: readonly Variant[], concurrency: number, onResult?: (result: VariantResult) => void): Promise<VariantResult[]> {
  return runJobs(
    variants.map((variant) => ({ variant })),
    concurrency,
    onResult,
  );
}

/** Runs every variant once with each seed, `concurrency` runs at a time; results by variant, then seed. */
export async function runCatalogOnSeeds(variants: readonly Variant[], seeds: readonly number[], concurrency: number): Promise<VariantResult[]> {
  return runJobs(
    variants.flatMap((variant) => seeds.map((seed) => ({ variant, seed }))),
    concurrency,
  );
}

async function runJobs(
  jobs: readonly { readonly variant: Variant; readonly seed?: number }[],
  concurrency: number,
  onResult?: (result: VariantResult) => void,
): Promise<VariantResult[]> {
  const results: VariantResult[] = new Array(jobs.length);
  // The slow variants first, the others in catalog order (the sort is stable); results keep the jobs' order.
  const startOrder = jobs.map((_, index) => index).sort((a, b) => Number(jobs[b]?.variant.slow === true) - Number(jobs[a]?.variant.slow === true));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = startOrder[next++] as number;
      const job = jobs[index] as { readonly variant: Variant; readonly seed?: number };
      const result = await runVariant(job.variant, job.seed);
      results[index] = result;
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return results;
}
