import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BackupModel } from '../../src/model/backup-model.js';
import { possibleStatesAfter } from '../../src/model/possible-states.js';

// What one stateful run knows of the server, by the rules it serves. take-accepted-above-highest and
// take-conflict-not-above-highest: "A backup with same or higher id already exists"
// (#/paths/~1/post/responses/409/description); state-transition-allowed: a backup's life is a chain,
// COMPLETED and FAILED final ("changed state from IN_PROGRESS to COMPLETED",
// #/components/schemas/PartitionBackupInfo/properties/lastUpdatedAt/description); list-holds-live-backups:
// "Returns a list of all available backups" (#/paths/~1/get); deleted-backup-gone; backup-facts-fixed;
// checkpoint-position-monotonic: "each successive backup must use a higher ID than the previous one"
// (#/components/schemas/BackupId/description).

const sorted = <T>(set: ReadonlySet<T>): T[] => [...set].sort();

describe('BackupModel: the ids sent and taken (take-accepted-above-highest)', () => {
  test('the highest id sent for a take is kept, whatever order they came in', () => {
    const model = new BackupModel(100n);
    assert.equal(model.highestSentId, undefined);
    model.sent(105n);
    model.sent(103n);
    assert.equal(model.highestSentId, 105n);
    model.sent(107n);
    assert.equal(model.highestSentId, 107n);
  });
  test('the highest id accepted is kept, a deleted one included', () => {
    const model = new BackupModel(100n);
    assert.equal(model.highestTaken, undefined);
    model.accepted(104n);
    model.accepted(102n);
    assert.equal(model.highestTaken, 104n);
    model.deleted(104n, new Set(['get']));
    assert.equal(model.highestTaken, 104n);
    model.accepted(105n);
    assert.equal(model.highestTaken, 105n);
  });
  test('the highest live id is the highest accepted and not deleted, uncertain nor refused', () => {
    const model = new BackupModel(100n);
    assert.equal(model.highestLive, undefined);
    model.accepted(101n);
    model.accepted(103n);
    model.accepted(102n);
    assert.equal(model.highestLive, 103n);
    model.deleted(103n, new Set(['get']));
    model.uncertain(104n);
    model.refused(105n);
    assert.equal(model.highestLive, 102n);
  });
  test('a take at the id of an uncertain one may go either way; above it, only accepted', () => {
    const model = new BackupModel(100n);
    model.uncertain(105n);
    model.uncertain(103n);
    assert.deepEqual(sorted(model.expectedTake(105n)), ['accepted', 'conflict']);
    assert.deepEqual(sorted(model.expectedTake(104n)), ['accepted', 'conflict']);
    assert.deepEqual(sorted(model.expectedTake(106n)), ['accepted']);
  });
});

describe('BackupModel: why the run stopped', () => {
  test('no reason until it is abandoned, then the first reason given', () => {
    const model = new BackupModel(0n);
    assert.equal(model.abandoned, undefined);
    model.abandon('the target went away');
    model.abandon('a later reason');
    assert.equal(model.abandoned, 'the target went away');
  });
});

describe('BackupModel: the life of a backup (state-transition-allowed)', () => {
  test('a backup of no concern, or no longer live, may be seen in any state, and is not tracked by it', () => {
    const model = new BackupModel(100n);
    assert.deepEqual(model.sight(101n, 'COMPLETED'), { allowed: true, possible: possibleStatesAfter('accepted') });
    assert.equal(model.tracked(101n), undefined);
    model.accepted(102n);
    model.sight(102n, 'COMPLETED');
    model.deleted(102n, new Set(['get']));
    assert.deepEqual(model.sight(102n, 'IN_PROGRESS'), { allowed: true, possible: possibleStatesAfter('accepted') });
    assert.equal(model.tracked(102n)?.lastSeen, 'ABSENT');
  });
  test('a sighting answers with what was allowed before it, the last sighting only once there is one', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    assert.deepEqual(model.sight(101n, 'IN_PROGRESS'), { allowed: true, possible: possibleStatesAfter('accepted') });
    assert.deepEqual(model.sight(101n, 'COMPLETED'), { allowed: true, possible: possibleStatesAfter('IN_PROGRESS'), lastSeen: 'IN_PROGRESS' });
    assert.deepEqual(model.tracked(101n), { id: 101n, status: 'live', possible: possibleStatesAfter('COMPLETED'), lastSeen: 'COMPLETED' });
  });
  test('a refused sighting leaves the backup as it was', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.sight(101n, 'FAILED');
    assert.equal(model.sight(101n, 'COMPLETED').allowed, false);
    assert.deepEqual(model.tracked(101n), { id: 101n, status: 'live', possible: possibleStatesAfter('FAILED'), lastSeen: 'FAILED' });
  });
  test('an accepted take starts the life afresh; a refused take of an unknown id is tracked as refused', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    assert.deepEqual(model.tracked(101n), { id: 101n, status: 'live', possible: possibleStatesAfter('accepted') });
    model.refused(102n);
    assert.deepEqual(model.tracked(102n), { id: 102n, status: 'refused', possible: possibleStatesAfter('accepted') });
  });
  test('an uncertain take keeps the last sighting for messages, and has none when it was never seen', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.sight(101n, 'IN_PROGRESS');
    model.uncertain(101n);
    assert.deepEqual(model.tracked(101n), { id: 101n, status: 'uncertain', possible: possibleStatesAfter('accepted'), lastSeen: 'IN_PROGRESS' });
    model.uncertain(102n);
    assert.deepEqual(model.tracked(102n), { id: 102n, status: 'uncertain', possible: possibleStatesAfter('accepted') });
  });
});

describe('BackupModel: deleted backups (deleted-backup-gone)', () => {
  test('a deleted backup may be seen only absent, and is named with the endpoints that showed it gone', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.deleted(101n, new Set(['get']));
    assert.deepEqual(model.tracked(101n), { id: 101n, status: 'deleted', possible: new Set(['ABSENT']), lastSeen: 'ABSENT', goneFrom: new Set(['get']) });
  });
  test('a delete of an id never accepted, uncertain or refused changes nothing', () => {
    const model = new BackupModel(100n);
    model.deleted(101n, new Set(['get']));
    assert.equal(model.tracked(101n), undefined);
    model.uncertain(102n);
    model.deleted(102n, new Set(['get']));
    assert.equal(model.tracked(102n)?.status, 'uncertain');
    assert.deepEqual(model.deletedBackups, []);
  });
  test('only a deleted backup is seen gone, and each endpoint once', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.seenGone(101n, 'list');
    assert.deepEqual(model.tracked(101n)?.goneFrom, undefined);
    model.deleted(101n, new Set(['list']));
    model.seenGone(101n, 'list');
    assert.deepEqual(model.deletedBackups, [{ id: 101n, goneFrom: new Set(['list']) }]);
    model.seenGone(101n, 'get');
    assert.deepEqual(model.deletedBackups, [{ id: 101n, goneFrom: new Set(['list', 'get']) }]);
    model.seenGone(102n, 'get');
    assert.equal(model.tracked(102n), undefined);
  });
});

describe('BackupModel: what a list must hold (list-holds-live-backups)', () => {
  test('the live backups seen, by ascending id, whatever order they were taken in', () => {
    const model = new BackupModel(100n);
    for (const id of [103n, 101n, 104n, 102n, 105n]) model.accepted(id);
    for (const id of [103n, 101n, 104n, 102n]) model.sight(id, 'IN_PROGRESS');
    model.uncertain(104n);
    assert.deepEqual(
      model.visible.map((backup) => backup.id),
      [101n, 102n, 103n],
    );
  });
  test('a backup last seen COMPLETED whose take was then unclear is not settled', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.sight(101n, 'COMPLETED');
    model.uncertain(101n);
    assert.deepEqual(model.settledBackups, []);
  });
});

describe('BackupModel: fixed facts (backup-facts-fixed)', () => {
  test('a changed fact is reported and not recorded: the fact first reported still holds', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.sight(101n, 'COMPLETED');
    model.noteFacts(101n, new Map([[1, { snapshotId: 'a' }]]));
    assert.equal(model.noteFacts(101n, new Map([[1, { snapshotId: 'b' }]]))?.after, 'b');
    assert.equal(model.noteFacts(101n, new Map([[1, { snapshotId: 'a' }]])), undefined);
    assert.deepEqual(model.settledBackups, [{ id: 101n, state: 'COMPLETED', facts: new Map([[1, { snapshotId: 'a' }]]) }]);
  });
  test('a take accepted again forgets the facts of the id', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.noteFacts(101n, new Map([[1, { snapshotId: 'a' }]]));
    model.accepted(101n);
    assert.equal(model.noteFacts(101n, new Map([[1, { snapshotId: 'b' }]])), undefined);
  });
});

describe('BackupModel: partition set and checkpoint positions (partition-set-stable, checkpoint-position-monotonic)', () => {
  test('the first partition set is kept as it was, even if the array given is changed later', () => {
    const model = new BackupModel(0n);
    const first = [1, 2];
    model.notePartitions(first, 'backup 1 in GET /');
    first.push(3);
    assert.deepEqual(model.notePartitions([1, 2, 3], 'backup 2 in GET /'), { partitionIds: [1, 2], where: 'backup 1 in GET /' });
  });
  test("a backup's positions add up across answers, each partition compared with the other backups'", () => {
    const model = new BackupModel(0n);
    assert.equal(model.notePositions(1n, new Map([[1, 10n]])), undefined);
    assert.equal(model.notePositions(1n, new Map([[2, 10n]])), undefined);
    assert.deepEqual(model.notePositions(2n, new Map([[1, 5n]])), { partitionId: 1, lowerId: 1n, lowerIdPosition: 10n, higherId: 2n, higherIdPosition: 5n });
  });
  test('an answer without positions says nothing, even after a decrease', () => {
    const model = new BackupModel(0n);
    model.notePositions(1n, new Map([[1, 10n]]));
    assert.notEqual(model.notePositions(2n, new Map([[1, 5n]])), undefined);
    assert.equal(model.notePositions(3n, new Map()), undefined);
  });
});
