import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { partitionSetIssues } from '../../src/model/partition-set-issues.js';

describe('partitionSetIssues', () => {
  it('finds nothing wrong with distinct ids from 1 up, in any order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { maxLength: 10 }), (ids) => {
        assert.deepEqual(partitionSetIssues(ids), []);
      }),
    );
    // A real 8.7.8 answer lists partitions 1, 3, 2.
    assert.deepEqual(partitionSetIssues([1, 3, 2]), []);
    assert.deepEqual(partitionSetIssues([]), []);
  });

  it('reports each repeated id once, with its count', () => {
    const issues = partitionSetIssues([1, 2, 2, 3, 2]);
    assert.equal(issues.length, 1);
    assert.match(issues[0] ?? '', /partitionId 2 appears 3 times/);
  });

  it('reports ids below 1', () => {
    const issues = partitionSetIssues([0, 1, -4]);
    assert.equal(issues.length, 2);
    assert.match(issues[0] ?? '', /partitionId 0 is not a positive number greater than or equal to 1/);
    assert.match(issues[1] ?? '', /partitionId -4 /);
    assert.equal(partitionSetIssues([Number.NaN]).length, 1);
  });

  it('counts one issue per distinct low id and one per distinct repeated id', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 5 }), { maxLength: 12 }), (ids) => {
        const distinct = new Set(ids);
        const low = [...distinct].filter((id) => id < 1).length;
        const repeated = [...distinct].filter((id) => ids.indexOf(id) !== ids.lastIndexOf(id)).length;
        assert.equal(partitionSetIssues(ids).length, low + repeated);
      }),
    );
  });

  it('finds the same issues whatever the order of the details', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: -2, max: 4 }), { maxLength: 10 })
          .chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }))),
        ([ids, shuffled]) => {
          assert.deepEqual([...partitionSetIssues(shuffled)].sort(), [...partitionSetIssues(ids)].sort());
        },
      ),
    );
  });
});
