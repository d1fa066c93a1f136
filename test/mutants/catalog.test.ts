import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { correctVariants } from './correct-variants.js';
import { faultyVariants } from './faulty-variants.js';
import { runCatalog } from './run-catalog.js';

// The proof that the checks bite: every faulty variant is caught by its own check, and no correct
// variant raises anything. Runs the real CLI against each, three at a time.

describe('the catalog of servers', { timeout: 600_000 }, () => {
  test('has at least 40 faulty variants, one fault each, and 8 correct ones', () => {
    assert.ok(faultyVariants.length >= 40, `${faultyVariants.length} faulty variants`);
    assert.ok(correctVariants.length >= 8, `${correctVariants.length} correct variants`);
    const ids = [...faultyVariants, ...correctVariants].map((v) => v.id);
    assert.equal(new Set(ids).size, ids.length, 'variant ids are unique');
  });

  test('every faulty variant exits 1 with its expected check among the violations', async () => {
    const results = await runCatalog(faultyVariants, 3);
    const survivors = results.filter((r) => !r.ok).map((r) => `${r.variant.id}: exit ${r.exitCode}, expected ${r.variant.expectedCheck}, caught by [${r.violations.join(', ')}]\n${r.output.slice(-1500)}`);
    assert.deepEqual(survivors, []);
  });

  test('every correct variant exits 0 with no violation, and pre-existing backups survive', async () => {
    const results = await runCatalog(correctVariants, 3);
    const alarms = results.filter((r) => !r.ok).map((r) => `${r.variant.id}: exit ${r.exitCode}, violations [${r.violations.join(', ')}], lost [${r.lostBackups.join(', ')}]\n${r.output.slice(-1500)}`);
    assert.deepEqual(alarms, []);
  });
});
