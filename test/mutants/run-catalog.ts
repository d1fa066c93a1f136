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
}

/** Runs the real CLI against a server made from the variant, on loopback, and reads its verdict. */
export async function runVariant(variant: Variant): Promise<VariantResult> {
  const server = await startReferenceServer({ settleMs: 20, jitterMs: 10, ...variant.server });
  const started = performance.now();
  try {
    // The reference server settles backups in tens of milliseconds; a short settle timeout (which
    // also bounds the grace for deletes) keeps a faulty server from costing minutes of waiting.
    // Sixty stateful runs (a fraction of a second against it) make faults that need two backups
    // and a delete between them show up on every seed, not on most.
    const result = await runCli(['--target', server.url, '--quiet', '--settle-timeout', '2s', '--runs', '60', ...(variant.args ?? [])]);
    let violations: string[] = [];
    try {
      violations = [...new Set((await result.findings()).findings.filter((f) => f.verdict === 'violation').map((f) => f.checkId))];
    } catch {
      // No findings.json: the run could not judge; exitCode says so.
    }
    const lostBackups = (preExistingIds.get(variant.id) ?? []).filter((id) => server.store.get(id) === undefined);
    const ok = variant.expectedCheck === undefined ? result.code === 0 && violations.length === 0 && lostBackups.length === 0 : result.code === 1 && violations.includes(variant.expectedCheck);
    return { variant, exitCode: result.code, violations, seconds: (performance.now() - started) / 1000, lostBackups, output: result.stdout + result.stderr, ok };
  } finally {
    await server.close();
  }
}

/** Runs every variant, `concurrency` at a time; results in catalog order. */
export async function runCatalog(variants: readonly Variant[], concurrency: number, onResult?: (result: VariantResult) => void): Promise<VariantResult[]> {
  const results: VariantResult[] = new Array(variants.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < variants.length) {
      const index = next++;
      const result = await runVariant(variants[index] as Variant);
      results[index] = result;
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, variants.length) }, worker));
  return results;
}
