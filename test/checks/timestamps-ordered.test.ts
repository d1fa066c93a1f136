import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { timestampsOrdered } from '../../src/checks/timestamps-ordered.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { Operation } from '../../src/spec/operation.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

// timestamps-ordered: a partition "changed state from IN_PROGRESS to COMPLETED" at lastUpdatedAt
// (#/components/schemas/PartitionBackupInfo/properties/lastUpdatedAt/description), so it cannot be
// before createdAt; on a FAILED partition the two may come from different clocks (spec/NOTES.md#timestamps).

let index: OperationIndex;
let get: Operation;
before(async () => {
  index = await bundledIndex();
  get = index.byRole.get;
});
const EARLY = '2024-01-01T00:00:00Z';
const LATE = '2024-01-01T00:00:01Z';

const answer = (partitions: Record<string, unknown>[], backup: Record<string, unknown> = { backupId: 5 }) =>
  makeInput(get, 200, { state: 'COMPLETED', ...backup, details: partitions.map((p, at) => ({ partitionId: at + 1, state: 'COMPLETED', ...p })) });

describe('timestamps-ordered', () => {
  test('applies only to a partition with both timestamps', () => {
    assert.equal(timestampsOrdered.applies(answer([{ createdAt: EARLY, lastUpdatedAt: LATE }])), true);
    assert.equal(timestampsOrdered.applies(answer([{ createdAt: EARLY }, { lastUpdatedAt: LATE }])), false);
    assert.deepEqual(timestampsOrdered.evaluate(answer([{ createdAt: LATE }, { lastUpdatedAt: EARLY }])), []);
  });

  test('lastUpdatedAt equal to or after createdAt passes', () => {
    assert.deepEqual(
      timestampsOrdered.evaluate(
        answer([
          { createdAt: EARLY, lastUpdatedAt: EARLY },
          { createdAt: EARLY, lastUpdatedAt: LATE },
        ]),
      ),
      [],
    );
  });

  test('lastUpdatedAt before createdAt is a violation naming the backup, partition and both times', () => {
    assert.deepEqual(
      timestampsOrdered.evaluate(
        answer([
          { createdAt: EARLY, lastUpdatedAt: EARLY },
          { createdAt: LATE, lastUpdatedAt: EARLY },
        ]),
      ),
      [
        {
          kind: 'lastUpdatedAt-before-createdAt',
          backupId: 5n,
          expected: 'lastUpdatedAt at or after createdAt',
          received: `backup 5, partition 2: createdAt ${LATE}, lastUpdatedAt ${EARLY}`,
        },
      ],
    );
  });

  test('on a FAILED partition it is inconclusive, pointing at the note on clocks', () => {
    assert.deepEqual(timestampsOrdered.evaluate(answer([{ state: 'FAILED', createdAt: LATE, lastUpdatedAt: EARLY }], { backupId: 5, state: 'FAILED' })), [
      {
        kind: 'lastUpdatedAt-before-createdAt-on-failed',
        backupId: 5n,
        verdict: 'inconclusive',
        expected: 'lastUpdatedAt at or after createdAt',
        received: `backup 5, partition 1: createdAt ${LATE}, lastUpdatedAt ${EARLY}`,
        specPointer: 'spec/NOTES.md#timestamps',
      },
    ]);
  });

  test('timestamps that do not read as times are not compared', () =>
    assert.deepEqual(timestampsOrdered.evaluate(answer([{ createdAt: 'tomorrow', lastUpdatedAt: 'yesterday' }])), []));

  test('a backup without a readable id is named by its place, without a backupId', () => {
    const [draft] = timestampsOrdered.evaluate(answer([{ createdAt: LATE, lastUpdatedAt: EARLY }], {}));
    assert.equal(draft !== undefined && 'backupId' in draft, false);
    assert.doesNotMatch(draft?.received ?? '', /^backup undefined/);
  });
});
