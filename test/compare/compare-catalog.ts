import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareServers } from '../../src/compare/compare-servers.js';
import { DEFAULTS, resolveConfig } from '../../src/config.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { faultyVariants } from '../mutants/faulty-variants.js';
import type { Variant } from '../mutants/variant.js';

/** The run's defaults, where a compare needs the same. */
const defaults = resolveConfig({});

// Part of `npm run test:catalog` (named without .test so that `npm test` leaves its minute out): every faulty server of the project's catalog compared with the
// correct reference server must differ from it somewhere. (A correct variant of the catalog may
// differ too: it is odd, not wrong, so it is not held to anything here.)

async function differencesAgainstReference(variant: Variant): Promise<number> {
  const reference = await startReferenceServer({ settleMs: 20, jitterMs: 10, seedBackups: [{ id: 1 }, { id: 2 }] });
  const candidate = await startReferenceServer({ settleMs: 20, jitterMs: 10, ...(typeof variant.server === 'function' ? variant.server() : variant.server) });
  try {
    const outcome = await compareServers({
      target: { url: new URL(reference.url), headers: {} },
      against: { url: new URL(candidate.url), headers: {} },
      specPath: DEFAULTS.specPath,
      timeoutMs: 2_000,
      maxBodyBytes: defaults.maxBodyBytes,
      settleTimeoutMs: 2_000,
      redactedHeaders: new Set(),
      consent: false,
    });
    return outcome.differences.length;
  } catch {
    // A server the compare cannot run against (no take accepted, not the API) differs by that alone.
    return Number.POSITIVE_INFINITY;
  } finally {
    await Promise.all([reference.close(), candidate.close()]);
  }
}

test('every faulty server of the catalog differs from the reference server', { timeout: 600_000 }, async () => {
  const same: string[] = [];
  for (const variant of faultyVariants) if ((await differencesAgainstReference(variant)) === 0) same.push(variant.id);
  assert.deepEqual(same, [], `no difference from the reference server: ${same.join(', ')}`);
});
