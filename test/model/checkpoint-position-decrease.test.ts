import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkpointPositionDecrease } from '../../src/model/checkpoint-position-decrease.js';

// checkpoint-position-monotonic: "As backups are logically ordered by their IDs (ascending), each
// successive backup must use a higher ID than the previous one" (#/components/schemas/BackupId/
// description): a later backup's checkpoint lies at or after an earlier one's. "Equal positions are
// allowed: the spec does not say strictly."

const positions = (entries: [bigint, [number, bigint][]][]) => new Map(entries.map(([id, parts]) => [id, new Map(parts)]));

describe('checkpoint position decrease (checkpoint-position-monotonic)', () => {
  test('nothing to say of no backups, or of one', () => {
    assert.equal(checkpointPositionDecrease(new Map()), undefined);
    assert.equal(checkpointPositionDecrease(positions([[5n, [[1, 100n]]]])), undefined);
  });
  test('positions that grow with ids, or stay equal, pass', () =>
    assert.equal(
      checkpointPositionDecrease(
        positions([
          [5n, [[1, 100n]]],
          [6n, [[1, 100n]]],
          [7n, [[1, 150n]]],
        ]),
      ),
      undefined,
    ));
  test('a higher id at a lower position is reported with both backups, given in any order', () =>
    assert.deepEqual(
      checkpointPositionDecrease(
        positions([
          [7n, [[1, 90n]]],
          [5n, [[1, 100n]]],
        ]),
      ),
      { partitionId: 1, lowerId: 5n, lowerIdPosition: 100n, higherId: 7n, higherIdPosition: 90n },
    ));
  test('the decrease is measured against the highest position so far, not only the previous id', () =>
    assert.deepEqual(
      checkpointPositionDecrease(
        positions([
          [5n, [[1, 200n]]],
          [6n, [[1, 300n]]],
          [7n, [[1, 250n]]],
        ]),
      ),
      { partitionId: 1, lowerId: 6n, lowerIdPosition: 300n, higherId: 7n, higherIdPosition: 250n },
    ));
  test('a lower position after a higher one that was not the highest still counts against the highest', () =>
    assert.deepEqual(
      checkpointPositionDecrease(
        positions([
          [5n, [[1, 300n]]],
          [6n, [[1, 300n]]],
          [7n, [[1, 299n]]],
        ]),
      ),
      { partitionId: 1, lowerId: 5n, lowerIdPosition: 300n, higherId: 7n, higherIdPosition: 299n },
    ));
  test('the first partition by id is reported, whatever order the partitions came in', () =>
    assert.equal(
      checkpointPositionDecrease(
        positions([
          [
            5n,
            [
              [10, 100n],
              [2, 100n],
            ],
          ],
          [
            6n,
            [
              [10, 50n],
              [2, 50n],
            ],
          ],
        ]),
      )?.partitionId,
      2,
    ));
  test('partitions are compared apart: a backup silent on one partition is not compared there', () =>
    assert.equal(
      checkpointPositionDecrease(
        positions([
          [5n, [[1, 100n]]],
          [6n, [[2, 50n]]],
        ]),
      ),
      undefined,
    ));
});
