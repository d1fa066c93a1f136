import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { failureReasonOnlyWhenFailed } from '../../src/checks/failure-reason-only-when-failed.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { Operation } from '../../src/spec/operation.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

// failure-reason-only-when-failed: "Failure reason if state is 'FAILED'" (BackupInfo) and "Failure
// reason if stats is 'FAILED'" (PartitionBackupInfo): a reason on a state that did not fail is wrong.

let index: OperationIndex;
let get: Operation;
before(async () => {
  index = await bundledIndex();
  get = index.byRole.get;
});
const EXPECTED = "no failureReason unless the state is 'FAILED'";

describe('failure-reason-only-when-failed', () => {
  test('applies to a backup with a state, or with a partition that has one, and not otherwise', () => {
    assert.equal(failureReasonOnlyWhenFailed.applies(makeInput(get, 200, { backupId: 1, state: 'COMPLETED', details: [] })), true);
    assert.equal(failureReasonOnlyWhenFailed.applies(makeInput(get, 200, { backupId: 1, details: [{ partitionId: 1, state: 'FAILED' }] })), true);
    assert.equal(failureReasonOnlyWhenFailed.applies(makeInput(get, 200, { backupId: 1, details: [{ partitionId: 1 }] })), false);
    assert.equal(failureReasonOnlyWhenFailed.applies(makeInput(get, 404, { message: 'no' })), false);
  });

  test('a reason on a COMPLETED backup is reported, naming the backup and the state', () => {
    const drafts = failureReasonOnlyWhenFailed.evaluate(makeInput(get, 200, { backupId: 7, state: 'COMPLETED', failureReason: 'disk', details: [] }));
    assert.deepEqual(drafts, [
      {
        kind: 'backup-reason-on-COMPLETED',
        backupId: 7n,
        expected: EXPECTED,
        received: 'backup 7: failureReason "disk" is given although the state is "COMPLETED", not "FAILED"',
      },
    ]);
  });

  test('a reason on an IN_PROGRESS partition is reported with the partition sentence, naming the partition', () => {
    const body = { backupId: 7, state: 'FAILED', failureReason: 'disk', details: [{ partitionId: 2, state: 'IN_PROGRESS', failureReason: 'slow' }] };
    assert.deepEqual(failureReasonOnlyWhenFailed.evaluate(makeInput(get, 200, body)), [
      {
        kind: 'partition-reason-on-IN_PROGRESS',
        backupId: 7n,
        expected: EXPECTED,
        received: 'backup 7, partition 2: failureReason "slow" is given although the state is "IN_PROGRESS", not "FAILED"',
        prose: 'partition-failure-reason-when-failed',
      },
    ]);
  });

  test('a backup without a readable id is named by its place, and its draft has no backupId', () => {
    const list = index.byRole.list;
    const [draft] = failureReasonOnlyWhenFailed.evaluate(makeInput(list, 200, [{ state: 'COMPLETED', failureReason: 'x', details: [{ partitionId: 1 }] }]));
    assert.equal(draft !== undefined && 'backupId' in draft, false);
    assert.match(draft?.received ?? '', /^backup \S+: failureReason "x"/);
    assert.doesNotMatch(draft?.received ?? '', /^backup undefined/);
  });

  test('reasons where the state FAILED, or where no state is given, are not reported', () => {
    const body = {
      backupId: 7,
      failureReason: 'x',
      details: [
        { partitionId: 1, failureReason: 'y' },
        { partitionId: 2, state: 'FAILED', failureReason: 'z' },
      ],
    };
    assert.deepEqual(failureReasonOnlyWhenFailed.evaluate(makeInput(get, 200, body)), []);
  });
});
