import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { changedFact, FIXED_FACTS, mergeFacts, type PartitionFacts } from '../../src/model/changed-facts.js';

const facts = (entries: [number, PartitionFacts][]): Map<number, PartitionFacts> => new Map(entries);

describe('changedFact', () => {
  it('finds a fact reported one way and later another, on the lowest partition first', () => {
    const before = facts([
      [1, { snapshotId: '1-2-3' }],
      [2, { checkpointPosition: '10' }],
    ]);
    const after = facts([
      [2, { checkpointPosition: '11' }],
      [1, { snapshotId: '1-2-4' }],
    ]);
    assert.deepEqual(changedFact(before, after), { partitionId: 1, fact: 'snapshotId', before: '1-2-3', after: '1-2-4' });
  });
  it('compares createdAt as an instant', () => {
    const before = facts([[1, { createdAt: '2026-12-01T12:00:00.50Z' }]]);
    assert.equal(changedFact(before, facts([[1, { createdAt: '2026-12-01T13:00:00.5+01:00' }]])), undefined);
    assert.equal(changedFact(before, facts([[1, { createdAt: '2026-12-01T12:00:01Z' }]]))?.fact, 'createdAt');
  });
  it('does not compare a fact left out on either side, nor a partition on one side only', () => {
    const before = facts([[1, { brokerId: '0', brokerVersion: '8.5.0' }]]);
    assert.equal(
      changedFact(
        before,
        facts([
          [1, { brokerVersion: '8.5.0' }],
          [2, { brokerId: '1' }],
        ]),
      ),
      undefined,
    );
    assert.equal(changedFact(facts([]), before), undefined);
  });
  it('never reports a backup compared with itself, or with the facts it added', () => {
    const fact = fc.record(
      { createdAt: fc.constant('2026-12-01T12:00:00Z'), snapshotId: fc.string(), checkpointPosition: fc.bigInt({ min: 0n }).map(String) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fact)), fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fact)), (a, b) => {
        const first = new Map(a);
        assert.equal(changedFact(first, first), undefined);
        const merged = mergeFacts(first, new Map(b));
        assert.equal(changedFact(first, merged), undefined);
      }),
    );
  });
  it('knows the five facts the spec describes as having happened', () => {
    assert.deepEqual([...FIXED_FACTS], ['createdAt', 'snapshotId', 'checkpointPosition', 'brokerId', 'brokerVersion']);
  });
});
