import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { BackupModel } from '../../src/model/backup-model.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { judgeList } from '../../suites/stateful/judges/judge-list.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeObservation } from '../helpers/make-observation.js';
import { recordingSystem, violationOf } from '../helpers/recording-system.js';

// The stateful suite's judge of a list answer: list-holds-live-backups ("Returns a list of all
// available backups", #/paths/~1/get: every backup of the run seen and not deleted is listed, and no
// id the run never took), deleted-backup-gone (a deleted backup seen gone does not come back) and,
// for each listed backup of the run, its sighting's rules (judge-backup.test.ts).

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const entry = (backupId: unknown, state = 'COMPLETED', partitionState = state) => ({ backupId, state, details: [{ partitionId: 1, state: partitionState }] });
const listOf = (...entries: unknown[]) => makeObservation(index, 'list', 200, entries);

/** A model in which backup 1001 was taken and seen COMPLETED, so that a list must show it. */
function modelWithVisible(): BackupModel {
  const model = new BackupModel(1000n);
  model.accepted(1001n);
  model.sight(1001n, 'COMPLETED');
  return model;
}

describe('judge-list: list-holds-live-backups', () => {
  test("a list holding the run's visible backup passes, and the entry is judged as a sighting", () => {
    const { system, passed } = recordingSystem(index);
    judgeList(modelWithVisible(), system, listOf(entry(1001)));
    assert.deepEqual(passed, ['GET / state-transition-allowed', 'GET / partition-set-stable', 'GET / backup-facts-fixed', 'GET / list-holds-live-backups']);
  });

  test('a listed backup in a state its life does not allow breaks state-transition-allowed', () => {
    const { system } = recordingSystem(index);
    const violation = violationOf(() => judgeList(modelWithVisible(), system, listOf(entry(1001, 'IN_PROGRESS'))));
    assert.equal(violation.checkId, 'state-transition-allowed');
    assert.equal(violation.received, 'listed with state IN_PROGRESS for backup 1001');
  });

  test('a list without the visible backup breaks the rule, naming it, when it was seen, and what was listed', () => {
    const { system, passed } = recordingSystem(index);
    const model = modelWithVisible();
    model.accepted(1003n);
    model.accepted(1002n);
    const violation = violationOf(() => judgeList(model, system, listOf(entry(1003, 'IN_PROGRESS'), entry(1002, 'IN_PROGRESS'))));
    assert.equal(violation.checkId, 'list-holds-live-backups');
    assert.equal(violation.operation, 'GET /');
    assert.equal(violation.expected, 'backup 1001 listed: it was seen COMPLETED and not deleted');
    assert.equal(violation.received, "a list without it (this run's backups listed: 1002, 1003)");
    assert.equal(passed.includes('GET / list-holds-live-backups'), false);
  });

  test('an empty list reads "none"; an entry no partition has does not list its backup', () => {
    const { system } = recordingSystem(index);
    const empty = violationOf(() => judgeList(modelWithVisible(), system, listOf()));
    assert.equal(empty.received, "a list without it (this run's backups listed: none)");
    const absent = violationOf(() => judgeList(modelWithVisible(), system, listOf(entry(1001, 'INCOMPLETE', 'DOES_NOT_EXIST'))));
    assert.equal(absent.expected, 'backup 1001 listed: it was seen COMPLETED and not deleted');
  });

  test('a listed backup of the run in a state its life does not place is listed, but not judged on its state', () => {
    const { system, passed } = recordingSystem(index);
    judgeList(modelWithVisible(), system, listOf(entry(1001, 'INCOMPATIBLE')));
    assert.deepEqual(passed, ['GET / list-holds-live-backups']);
  });

  test('an id the run sent no take for breaks the rule', () => {
    const { system } = recordingSystem(index);
    const violation = violationOf(() => judgeList(new BackupModel(1000n), system, listOf(entry(1004, 'FAILED'))));
    assert.equal(violation.checkId, 'list-holds-live-backups');
    assert.equal(violation.expected, 'only backups that exist; no take of backup 1004 was sent');
    assert.equal(violation.received, 'backup 1004 listed with state FAILED');
  });

  test("ids outside the run's range, entries without an id and repeats of a listed id are not the run's concern", () => {
    const { system, passed } = recordingSystem(index);
    judgeList(modelWithVisible(), system, listOf(entry(1000), entry(5_000_000), { state: 'COMPLETED', details: [] }, entry(1001), entry(1001, 'IN_PROGRESS')));
    assert.equal(passed.at(-1), 'GET / list-holds-live-backups');
    assert.equal(passed.filter((p) => p === 'GET / state-transition-allowed').length, 1);
  });

  test('a backup a racing request may have changed is neither required nor judged', () => {
    const { system, passed } = recordingSystem(index);
    judgeList(modelWithVisible(), system, listOf(), new Set([1001n]));
    judgeList(modelWithVisible(), system, listOf(entry(1001, 'IN_PROGRESS'), entry(1009)), new Set([1001n, 1009n]));
    assert.deepEqual(passed, ['GET / list-holds-live-backups', 'GET / list-holds-live-backups']);
  });

  test('a refused take listed is not judged on its state; an answer that is no readable list judges nothing', () => {
    const { system, passed } = recordingSystem(index);
    const model = new BackupModel(1000n);
    model.refused(1002n);
    judgeList(model, system, listOf(entry(1002, 'FAILED')));
    assert.deepEqual(passed, ['GET / list-holds-live-backups']);
    judgeList(modelWithVisible(), system, makeObservation(index, 'list', 500));
    judgeList(modelWithVisible(), system, makeObservation(index, 'list', 200, { backups: [] }));
    assert.deepEqual(passed, ['GET / list-holds-live-backups']);
  });
});

describe('judge-list: deleted-backup-gone', () => {
  test('a deleted backup left out of the list is seen gone from it; listed again after that, it breaks the rule', () => {
    const { system } = recordingSystem(index);
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    model.deleted(1001n, new Set(['get']));
    judgeList(model, system, listOf(entry(1001)));
    assert.deepEqual(model.deletedBackups, [{ id: 1001n, goneFrom: new Set(['get']) }]);
    judgeList(model, system, listOf());
    assert.deepEqual(model.deletedBackups, [{ id: 1001n, goneFrom: new Set(['get', 'list']) }]);
    const violation = violationOf(() => judgeList(model, system, listOf(entry(1001))));
    assert.equal(violation.checkId, 'deleted-backup-gone');
    assert.equal(violation.expected, 'backup 1001 not listed: it was deleted and seen gone');
    assert.equal(violation.received, 'backup 1001 listed with state COMPLETED');
    assert.equal(violation.details.kind, 'back-after-seen-gone');
  });

  test('a racing delete leaves the deleted backup not yet seen gone from the list', () => {
    const { system } = recordingSystem(index);
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    model.deleted(1001n, new Set());
    judgeList(model, system, listOf(), new Set([1001n]));
    assert.deepEqual(model.deletedBackups, [{ id: 1001n, goneFrom: new Set() }]);
  });
});
