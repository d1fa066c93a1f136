import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { correctVariants } from './correct-variants.js';
import { faultyVariants } from './faulty-variants.js';
import { runCatalogOnSeeds, type VariantResult } from './run-catalog.js';

// The proof that the checks bite, and that their verdict does not depend on luck: every faulty
// variant is caught by its own check on each seed, and no correct variant raises anything on any
// of them. Runs the real CLI at its default flags against each. The seeds are new on every test
// run (a fixed set would only prove those) and named in any failure, to replay it. `npm run
// test:catalog` runs five; CATALOG_SEEDS says how many (CI runs one more on Node 24).

const SEED_COUNT = Number(process.env['CATALOG_SEEDS'] ?? '5');
if (!Number.isInteger(SEED_COUNT) || SEED_COUNT < 1 || SEED_COUNT > 20)
  throw new Error(`CATALOG_SEEDS must be a whole number from 1 to 20, not ${process.env['CATALOG_SEEDS']}`);
const SEEDS = Array.from({ length: SEED_COUNT }, () => Math.floor(Math.random() * 2 ** 31));
/** Runs at once: most of a run's time is spent waiting on the server, not computing. */
const CONCURRENCY = 5;

function describeMiss(result: VariantResult): string {
  return `${result.variant.id} with --seed ${result.seed}: exit ${result.exitCode}, expected ${result.variant.expectedCheck ?? 'nothing'}, violations [${result.violations.join(', ')}], lost [${result.lostBackups.join(', ')}]\n${result.output.slice(-1500)}`;
}

describe('the catalog of servers', { timeout: 900_000 }, () => {
  test('has at least 40 faulty variants, one fault each, and 8 correct ones', () => {
    assert.ok(faultyVariants.length >= 40, `${faultyVariants.length} faulty variants`);
    assert.ok(correctVariants.length >= 8, `${correctVariants.length} correct variants`);
    const ids = [...faultyVariants, ...correctVariants].map((v) => v.id);
    assert.equal(new Set(ids).size, ids.length, 'variant ids are unique');
  });

  test(`every faulty variant exits 1 with its expected check, and every correct one exits 0 with nothing, on each of the seeds ${SEEDS.join(', ')}`, async () => {
    const results = await runCatalogOnSeeds([...faultyVariants, ...correctVariants], SEEDS, CONCURRENCY);
    assert.deepEqual(results.filter((r) => !r.ok).map(describeMiss), []);
  });
});
