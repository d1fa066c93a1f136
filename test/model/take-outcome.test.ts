import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectedTakeStatuses } from '../../src/model/take-outcome.js';

type Step = { readonly kind: 'take' | 'delete'; readonly id: bigint };

const steps = fc.array(fc.record({ kind: fc.constantFrom<'take' | 'delete'>('take', 'delete'), id: fc.bigInt({ min: 1n, max: 12n }) }), { maxLength: 30 });

function max(ids: Iterable<bigint>): bigint | undefined {
  let highest: bigint | undefined;
  for (const id of ids) if (highest === undefined || id > highest) highest = id;
  return highest;
}

/**
 * Plays a run against a server that accepts a take when `accepts` says so, and checks that each
 * answer is one `expectedTakeStatuses` allows, given what the run has seen so far.
 */
function play(run: readonly Step[], accepts: (id: bigint, accepted: ReadonlySet<bigint>, live: ReadonlySet<bigint>) => boolean): void {
  const accepted = new Set<bigint>();
  const live = new Set<bigint>();
  for (const step of run) {
    if (step.kind === 'delete') {
      live.delete(step.id);
      continue;
    }
    const status = accepts(step.id, accepted, live) ? 202 : 409;
    const allowed = expectedTakeStatuses(max(accepted), max(live), step.id);
    assert.ok(allowed.has(status), `take ${step.id} answered ${status}, allowed ${[...allowed].join('/')}`);
    if (status === 202) {
      accepted.add(step.id);
      live.add(step.id);
    }
  }
}

describe('expectedTakeStatuses', () => {
  it('expects 202 for the first take and for any id above every id taken', () => {
    assert.deepEqual([...expectedTakeStatuses(undefined, undefined, 1n)], [202]);
    assert.deepEqual([...expectedTakeStatuses(5n, 5n, 6n)], [202]);
    assert.deepEqual([...expectedTakeStatuses(2n ** 63n - 2n, 2n ** 63n - 2n, 2n ** 63n - 1n)], [202]);
  });

  it('expects 409 for the same or a lower id while a backup at or above it exists', () => {
    assert.deepEqual([...expectedTakeStatuses(5n, 5n, 5n)], [409]);
    assert.deepEqual([...expectedTakeStatuses(5n, 5n, 1n)], [409]);
    assert.deepEqual([...expectedTakeStatuses(9n, 5n, 4n)], [409]);
  });

  it('accepts either where only deleted backups are at or above the id (spec/NOTES.md#deleted-id-reuse)', () => {
    assert.deepEqual([...expectedTakeStatuses(7n, 5n, 6n)].sort(), [202, 409]);
    assert.deepEqual([...expectedTakeStatuses(7n, 5n, 7n)].sort(), [202, 409]);
    assert.deepEqual([...expectedTakeStatuses(7n, undefined, 3n)].sort(), [202, 409]);
  });

  it('expects 409 when an existing backup is above every id taken in the run', () => {
    assert.deepEqual([...expectedTakeStatuses(3n, 8n, 5n)], [409]);
  });

  it('allows every answer of a server whose ids never go back down, as Zeebe does', () => {
    fc.assert(fc.property(steps, (run) => play(run, (id, accepted) => id > (max(accepted) ?? 0n))));
  });

  it('allows every answer of a server that refuses only ids at or below an existing backup', () => {
    fc.assert(fc.property(steps, (run) => play(run, (id, _accepted, live) => id > (max(live) ?? 0n))));
  });

  it('rejects a server that accepts a duplicate id', () => {
    assert.throws(() =>
      play(
        [
          { kind: 'take', id: 3n },
          { kind: 'take', id: 3n },
        ],
        () => true,
      ),
    );
  });

  it('rejects a server that refuses a fresh higher id', () => {
    assert.throws(() =>
      play(
        [
          { kind: 'take', id: 3n },
          { kind: 'take', id: 4n },
        ],
        (id) => id === 3n,
      ),
    );
  });
});
