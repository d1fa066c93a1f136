import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { samePartitionSet } from '../../src/model/same-partition-set.js';

const ids = fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 10 });

describe('samePartitionSet', () => {
  it('ignores order', () => {
    fc.assert(
      fc.property(
        ids.chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length }))),
        ([a, shuffled]) => {
          assert.equal(samePartitionSet(a, shuffled), true);
        },
      ),
    );
    assert.equal(samePartitionSet([1, 3, 2], [1, 2, 3]), true);
  });

  it('is false when one side has a partition the other lacks', () => {
    fc.assert(
      fc.property(ids, fc.integer({ min: 9, max: 20 }), (a, extra) => {
        assert.equal(samePartitionSet(a, [...a, extra]), false);
        assert.equal(samePartitionSet([...a, extra], a), false);
      }),
    );
    assert.equal(samePartitionSet([1, 2, 3], [1, 2]), false);
    assert.equal(samePartitionSet([1, 2], [1, 3]), false);
  });

  it('agrees with comparing the sorted distinct ids', () => {
    const canonical = (list: readonly number[]) => [...new Set(list)].sort((x, y) => x - y).join(',');
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        assert.equal(samePartitionSet(a, b), canonical(a) === canonical(b));
        assert.equal(samePartitionSet(a, b), samePartitionSet(b, a));
      }),
    );
  });

  it('ignores repetition, which partitionSetIssues reports instead', () => {
    assert.equal(samePartitionSet([1, 1, 2], [2, 1]), true);
  });
});
