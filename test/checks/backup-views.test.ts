import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { backupViews, toBackupId } from '../../src/checks/backup-views.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeFailedInput, makeInput } from '../helpers/make-input.js';

// What the semantic rules (backup-state-aggregated, failure-reason-only-when-failed,
// list-sorted-descending, partition-ids-unique, timestamps-ordered) read of an answer: the backups
// of a successful list ("Returns a list of all available backups", #/paths/~1/get, 200) or get
// (#/paths/~1{backupId}/get, 200: BackupInfo), each with its partitions
// (#/components/schemas/PartitionBackupInfo). Anything else holds no backup for them to judge.

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const PARTITION = { partitionId: 1, state: 'COMPLETED', createdAt: '2024-01-01T00:00:00Z', lastUpdatedAt: '2024-01-01T00:00:01Z' };

describe('backup views: which answers hold backups', () => {
  test('a get answer of 200 is one backup, at the root of the body', () =>
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 200, { backupId: 7, state: 'COMPLETED', failureReason: 'x', details: [] })), [
      { at: '', backupId: 7n, state: 'COMPLETED', failureReason: 'x', details: [] },
    ]));
  test('a list answer of 200 is a backup per object entry, each at its index; other entries are skipped', () =>
    assert.deepEqual(
      backupViews(makeInput(index.byRole.list, 200, [{ backupId: 3 }, null, [], 5, { backupId: 1 }])).map((view) => [view.at, view.backupId]),
      [
        ['/0', 3n],
        ['/4', 1n],
      ],
    ));
  test('a get whose body is not an object, and a list whose body is not an array, hold none', () => {
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 200, [{ backupId: 1 }])), []);
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 200, 'null')), []);
    assert.deepEqual(backupViews(makeInput(index.byRole.list, 200, { backupId: 1 })), []);
  });
  test('an answer of another status, without a body, or not JSON holds none', () => {
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 404, { backupId: 1, state: 'COMPLETED' })), []);
    assert.deepEqual(backupViews(makeInput(index.byRole.list, 500, [{ backupId: 1 }])), []);
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 200)), []);
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 200, '{"backupId":')), []);
  });
  test('a request left unanswered holds none', () => assert.deepEqual(backupViews(makeFailedInput(index.byRole.get, 'timeout')), []));
  test("a take's or a delete's answer holds none, even one shaped like a backup", () => {
    assert.deepEqual(backupViews(makeInput(index.byRole.take, 202, { backupId: 1, state: 'COMPLETED' })), []);
    assert.deepEqual(backupViews(makeInput(index.byRole.take, 202, [{ backupId: 1 }])), []);
  });
  test('the same answer is read once: every rule gets the same views', () => {
    const input = makeInput(index.byRole.list, 200, [{ backupId: 2 }, { backupId: 1 }]);
    assert.equal(backupViews(input), backupViews(input));
  });
});

describe('backup views: the fields of a backup', () => {
  test('an id beyond 2^53 is read exactly', () =>
    assert.equal(backupViews(makeInput(index.byRole.get, 200, '{"backupId":9223372036854775807}'))[0]?.backupId, 9223372036854775807n));
  test('a mistyped id or state, and details that are not an array, read as absent', () =>
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 200, { backupId: '7', state: 3, details: { partitionId: 1 } })), [
      { at: '', backupId: undefined, state: undefined, failureReason: undefined, details: [] },
    ]));
  test('well-formed partition entries are read as they are', () => {
    const details = [PARTITION, { partitionId: 2 }, { failureReason: 'lost' }];
    assert.deepEqual(backupViews(makeInput(index.byRole.get, 200, { backupId: 1, details }))[0]?.details, details);
  });
});

describe('backup views: a partition entry with a mistyped field', () => {
  const viewsOf = (details: unknown[]) => backupViews(makeInput(index.byRole.get, 200, { backupId: 1, details }))[0]?.details;
  const view = (fields: object) => ({
    partitionId: 1,
    state: 'COMPLETED',
    createdAt: PARTITION.createdAt,
    lastUpdatedAt: PARTITION.lastUpdatedAt,
    failureReason: undefined,
    ...fields,
  });

  test('a partition id that is not a number reads as absent', () =>
    assert.deepEqual(viewsOf([{ ...PARTITION, partitionId: '1' }]), [view({ partitionId: undefined })]));
  test('a state that is not a string reads as absent', () => assert.deepEqual(viewsOf([{ ...PARTITION, state: 1 }]), [view({ state: undefined })]));
  test('a createdAt that is not a string reads as absent', () => assert.deepEqual(viewsOf([{ ...PARTITION, createdAt: 0 }]), [view({ createdAt: undefined })]));
  test('a lastUpdatedAt that is not a string reads as absent', () =>
    assert.deepEqual(viewsOf([{ ...PARTITION, lastUpdatedAt: null }]), [view({ lastUpdatedAt: undefined })]));
  test('one such entry has every entry of its backup rebuilt, its failure reason kept; entries that are not objects are skipped', () =>
    assert.deepEqual(viewsOf([{ ...PARTITION, failureReason: 'lost' }, null, 'x', [PARTITION], { ...PARTITION, partitionId: 2, state: false }]), [
      view({ failureReason: 'lost' }),
      view({ partitionId: 2, state: undefined }),
    ]));
  test('an entry that is not an object is not a partition: the others are rebuilt without it', () => assert.deepEqual(viewsOf([PARTITION, 7]), [view({})]));
});

describe('toBackupId', () => {
  test('an integer number, or a bigint, is a backup id', () => {
    assert.equal(toBackupId(7), 7n);
    assert.equal(toBackupId(0), 0n);
    assert.equal(toBackupId(9223372036854775807n), 9223372036854775807n);
  });
  test('a fraction, a string or nothing is none', () => {
    assert.equal(toBackupId(1.5), undefined);
    assert.equal(toBackupId('7'), undefined);
    assert.equal(toBackupId(undefined), undefined);
  });
});
