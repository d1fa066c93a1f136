import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { BackupModel } from '../../src/model/backup-model.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { judgeLiveGet } from '../../suites/stateful/judges/judge-live-get.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeObservation } from '../helpers/make-observation.js';
import { recordingSystem, violationOf } from '../helpers/recording-system.js';

// The stateful suite's judge of `GET /{backupId}` for a live backup, get-returns-requested-backup:
// "Returns the status of the backup with the given id" (200 with that backup, #/paths/~1{backupId}/get),
// or 404 while it starts ("Backup with the given ID does not exist"), then the sighting's own rules
// (judge-backup.test.ts) on what it returned.

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const backup = (backupId: unknown, state = 'COMPLETED') => ({ backupId, state, details: [{ partitionId: 1, state }] });

describe('judge-live-get: get-returns-requested-backup', () => {
  test('a 200 with the requested backup passes the rule and returns its state, judged as a sighting', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system, passed } = recordingSystem(index);
    assert.equal(judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', 200, backup(1001))), 'COMPLETED');
    assert.deepEqual(passed, [
      'GET /{backupId} get-returns-requested-backup',
      'GET /{backupId} state-transition-allowed',
      'GET /{backupId} partition-set-stable',
      'GET /{backupId} backup-facts-fixed',
    ]);
    assert.deepEqual(model.tracked(1001n)?.possible, new Set(['COMPLETED']));
  });

  test('a 200 with another backup id breaks the rule, naming both ids', () => {
    const { system, passed } = recordingSystem(index);
    const violation = violationOf(() => judgeLiveGet(new BackupModel(1000n), system, 1001n, makeObservation(index, 'get', 200, backup(1002))));
    assert.equal(violation.checkId, 'get-returns-requested-backup');
    assert.equal(violation.operation, 'GET /{backupId}');
    assert.equal(violation.expected, 'backupId 1001');
    assert.equal(violation.received, 'backupId 1002 in the answer for backup 1001');
    assert.deepEqual(passed, []);
  });

  test('a 200 without a backupId breaks it too, the id read "(none)"', () => {
    const { system } = recordingSystem(index);
    const violation = violationOf(() => judgeLiveGet(new BackupModel(1000n), system, 1001n, makeObservation(index, 'get', 200, { state: 'COMPLETED' })));
    assert.equal(violation.received, 'backupId (none) in the answer for backup 1001');
  });

  test('a refusal other than 404 breaks it, saying what the spec allows and what came', () => {
    const { system } = recordingSystem(index);
    const answer = makeObservation(index, 'get', 400, { message: 'bad id' });
    const violation = violationOf(() => judgeLiveGet(new BackupModel(1000n), system, 1001n, answer));
    assert.equal(violation.checkId, 'get-returns-requested-backup');
    assert.equal(violation.expected, '200 with backup 1001 (or 404 while it starts)');
    assert.equal(violation.received, '400 ("bad id")');
  });

  test('a 404 is a sighting of absence, judged against the model: allowed while the backup starts', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system, passed } = recordingSystem(index);
    assert.equal(judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', 404)), 'ABSENT');
    assert.deepEqual(passed, ['GET /{backupId} state-transition-allowed']);
  });

  test('a 404 after COMPLETED breaks state-transition-allowed, the answer described as received', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system } = recordingSystem(index);
    judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', 200, backup(1001)));
    const violation = violationOf(() => judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', 404, { message: 'gone' })));
    assert.equal(violation.checkId, 'state-transition-allowed');
    assert.equal(violation.received, '404 ("gone") for backup 1001');
  });

  test('a 200 in a state the lifecycle does not place is returned as undefined after the id is judged', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system, passed } = recordingSystem(index);
    assert.equal(judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', 200, backup(1001, 'INCOMPATIBLE'))), undefined);
    assert.deepEqual(passed, ['GET /{backupId} get-returns-requested-backup']);
  });

  test('an answer that says nothing of the backup (a 5xx, no answer, a body that is no backup) is not judged', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system, passed } = recordingSystem(index);
    assert.equal(judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', 503)), undefined);
    assert.equal(judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', undefined)), undefined);
    assert.equal(judgeLiveGet(model, system, 1001n, makeObservation(index, 'get', 200, [backup(1001)])), undefined);
    assert.deepEqual(passed, []);
    assert.deepEqual(model.tracked(1001n)?.possible, new Set(['ABSENT', 'INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED']));
  });
});
