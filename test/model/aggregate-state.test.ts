import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { aggregateState } from '../../src/model/aggregate-state.js';

const PARTITION_STATES = ['DOES_NOT_EXIST', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'INCOMPLETE', 'INCOMPATIBLE'] as const;
const anyStates = fc.array(fc.constantFrom(...PARTITION_STATES), { minLength: 1, maxLength: 8 });

describe('aggregateState', () => {
  it('is COMPLETED when every partition is COMPLETED', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (count) => {
        assert.equal(aggregateState(Array.from({ length: count }, () => 'COMPLETED')), 'COMPLETED');
      }),
    );
  });

  it('is FAILED whenever one partition is FAILED', () => {
    fc.assert(
      fc.property(anyStates, fc.nat(), (states, at) => {
        const withFailure = [...states];
        withFailure.splice(at % (states.length + 1), 0, 'FAILED');
        assert.equal(aggregateState(withFailure), 'FAILED');
      }),
    );
  });

  it('is INCOMPLETE when one is DOES_NOT_EXIST and none FAILED', () => {
    fc.assert(
      fc.property(anyStates, (states) => {
        const rest = states.filter((state) => state !== 'FAILED');
        assert.equal(aggregateState([...rest, 'DOES_NOT_EXIST']), 'INCOMPLETE');
      }),
    );
  });

  it('is IN_PROGRESS when one is IN_PROGRESS and none FAILED or DOES_NOT_EXIST', () => {
    fc.assert(
      fc.property(anyStates, (states) => {
        const rest = states.filter((state) => state !== 'FAILED' && state !== 'DOES_NOT_EXIST');
        assert.equal(aggregateState(['IN_PROGRESS', ...rest]), 'IN_PROGRESS');
      }),
    );
  });

  it('never depends on the order of the partitions', () => {
    fc.assert(
      fc.property(
        anyStates.chain((states) => fc.tuple(fc.constant(states), fc.shuffledSubarray(states, { minLength: states.length, maxLength: states.length }))),
        ([states, shuffled]) => {
          assert.equal(aggregateState(shuffled), aggregateState(states));
        },
      ),
    );
  });

  it('gives only the four states the rule names, or undefined', () => {
    fc.assert(
      fc.property(anyStates, (states) => {
        assert.ok([undefined, 'COMPLETED', 'FAILED', 'INCOMPLETE', 'IN_PROGRESS'].includes(aggregateState(states)));
      }),
    );
  });

  it('is undefined where the rule is silent (spec/NOTES.md#incompatible-aggregation)', () => {
    assert.equal(aggregateState([]), undefined);
    assert.equal(aggregateState(['COMPLETED', 'INCOMPATIBLE']), undefined);
    assert.equal(aggregateState(['INCOMPLETE']), undefined);
  });

  it('says INCOMPLETE where Zeebe answers 404 (spec/NOTES.md#all-partitions-does-not-exist)', () => {
    assert.equal(aggregateState(['DOES_NOT_EXIST', 'DOES_NOT_EXIST']), 'INCOMPLETE');
  });

  it('agrees with the real payloads in the research notes', () => {
    // The docs' 8.2 GET example and the Zeebe unit test's FAILED example.
    assert.equal(aggregateState(['COMPLETED', 'COMPLETED']), 'COMPLETED');
    assert.equal(aggregateState(['COMPLETED', 'FAILED']), 'FAILED');
    // Right after a take: one partition started, one not yet.
    assert.equal(aggregateState(['IN_PROGRESS', 'DOES_NOT_EXIST']), 'INCOMPLETE');
    assert.equal(aggregateState(['IN_PROGRESS', 'COMPLETED']), 'IN_PROGRESS');
  });
});
