import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectedTakeOutcomes } from '../../src/model/take-outcome.js';

type Step = { readonly kind: 'take' | 'delete'; readonly id: bigint };

const steps = fc.array(fc.record({ kind: fc.constantFrom<'take' | 'delete'>('take', 'delete'), id: fc.bigInt({ min: 1n, max: 12n }) }), { maxLength: 30 });

function max(ids: Iterable<bigint>): bigint | undefined {
  let highest: bigint | undefined;
  for (const id of ids) if (highest === undefined || id > highest) highest = id;
  return highest;
}

/**
 * Plays a run against a server that accepts a take when `accepts` says so, and checks that each
 * answer is one `expectedTakeOutcomes` allows, given what the run has seen so far.
 */
function play(run: readonly Step[], accepts: (id: bigint, accepted: ReadonlySet<bigint>, live: ReadonlySet<bigint>) => boolean): void {
  const accepted = new Set<bigint>();
  const live = new Set<bigint>();
  for (const step of run) {
    if (step.kind === 'delete') {
      live.delete(step.id);
      continue;
    }
    const status = accepts(step.id, accepted, live) ? 'accepted' : 'conflict';
    const allowed = expectedTakeOutcomes(max(accepted), max(live), step.id);
    assert.ok(allowed.has(status), `take ${step.id} answered ${status}, allowed ${[...allowed].join('/')}`);
    if (status === 'accepted') {
      accepted.add(step.id);
      live.add(step.id);
    }
  }
}

describe('expectedTakeOutcomes', () => {
  it('expects an accepted take for the first take and for any id above every id taken', () => {
    assert.deepEqual([...expectedTakeOutcomes(undefined, undefined, 1n)], ['accepted']);
    assert.deepEqual([...expectedTakeOutcomes(5n, 5n, 6n)], ['accepted']);
    assert.deepEqual([...expectedTakeOutcomes(2n ** 63n - 2n, 2n ** 63n - 2n, 2n ** 63n - 1n)], ['accepted']);
  });

  it('expects a conflict for the same or a lower id while a backup at or above it exists', () => {
    assert.deepEqual([...expectedTakeOutcomes(5n, 5n, 5n)], ['conflict']);
    assert.deepEqual([...expectedTakeOutcomes(5n, 5n, 1n)], ['conflict']);
    assert.deepEqual([...expectedTakeOutcomes(9n, 5n, 4n)], ['conflict']);
  });

  it('accepts either where only deleted backups are at or above the id (spec/NOTES.md#deleted-id-reuse)', () => {
    assert.deepEqual([...expectedTakeOutcomes(7n, 5n, 6n)].sort(), ['accepted', 'conflict']);
    assert.deepEqual([...expectedTakeOutcomes(7n, 5n, 7n)].sort(), ['accepted', 'conflict']);
    assert.deepEqual([...expectedTakeOutcomes(7n, undefined, 3n)].sort(), ['accepted', 'conflict']);
  });

  it('expects a conflict when an existing backup is above every id taken in the run', () => {
    assert.deepEqual([...expectedTakeOutcomes(3n, 8n, 5n)], ['conflict']);
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
