import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { BackupModel } from '../../src/model/backup-model.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { judgeRefusedListed } from '../../suites/stateful/judges/judge-refused-listed.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeObservation } from '../helpers/make-observation.js';
import { gettingApi, recordingSystem, violationOfAsync } from '../helpers/recording-system.js';

// The stateful suite's judge of listed ids the run was refused: a refused take may leave traces
// (spec/NOTES.md#a-refused-take-may-leave-traces), but "Returns a list of all available backups"
// (#/paths/~1/get) lists only backups that exist, so a listed one must be found by GET
// (list-holds-live-backups).

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const entry = (backupId: number, state = 'COMPLETED', partitionState = state) => ({ backupId, state, details: [{ partitionId: 1, state: partitionState }] });
const listOf = (...entries: unknown[]) => makeObservation(index, 'list', 200, entries);

/** A system whose GET answers `status` with `body`, recording the ids read. */
function readingSystem(status: number, body: unknown) {
  const { api, gets } = gettingApi(index, () => ({ status, body }));
  return { ...recordingSystem(index, { api }), gets };
}

/** Backup 1003 live; a take of 1001, below it, refused. */
function modelWithRefused(): BackupModel {
  const model = new BackupModel(1000n);
  model.accepted(1003n);
  model.refused(1001n);
  return model;
}

describe('judge-refused-listed: list-holds-live-backups', () => {
  test('a refused id listed while GET does not find it breaks the rule, naming the id and the GET', async () => {
    const { system, gets } = readingSystem(404, { message: 'not found' });
    const violation = await violationOfAsync(() => judgeRefusedListed(modelWithRefused(), system, listOf(entry(1003), entry(1001))));
    assert.equal(violation.checkId, 'list-holds-live-backups');
    assert.equal(violation.operation, 'GET /');
    assert.equal(violation.expected, 'only backups that exist: backup 1001, whose take was refused, listed only if GET finds it');
    assert.equal(violation.received, 'backup 1001 listed, and then 404 to its GET');
    assert.deepEqual(gets, [1001n], 'the live backup is not read');
  });

  test('a 200 in which no partition has the backup is not finding it', async () => {
    const { system } = readingSystem(200, entry(1001, 'INCOMPLETE', 'DOES_NOT_EXIST'));
    const violation = await violationOfAsync(() => judgeRefusedListed(modelWithRefused(), system, listOf(entry(1001))));
    assert.equal(violation.received, 'backup 1001 listed, and then 200 to its GET');
  });

  test('a refused id GET finds, in any state, holds traces of the take: no violation, and it is read once per run', async () => {
    const { system, gets } = readingSystem(200, entry(1001, 'INCOMPLETE'));
    const model = modelWithRefused();
    await judgeRefusedListed(model, system, listOf(entry(1001, 'INCOMPLETE')));
    await judgeRefusedListed(model, system, listOf(entry(1001, 'INCOMPLETE')));
    assert.deepEqual(gets, [1001n]);
    await judgeRefusedListed(modelWithRefused(), system, listOf(entry(1001, 'INCOMPLETE')));
    assert.deepEqual(gets, [1001n, 1001n], 'another run reads it again');
  });

  test('a GET that gives no clear answer judges nothing', async () => {
    const { system, gets } = readingSystem(500, { message: 'boom' });
    await judgeRefusedListed(modelWithRefused(), system, listOf(entry(1001)));
    assert.deepEqual(gets, [1001n]);
  });

  test('nothing is read for a refused re-take of a deleted backup, an entry no partition has, a live backup, or no readable list', async () => {
    const { system, gets } = readingSystem(404, { message: 'not found' });
    const model = modelWithRefused();
    model.accepted(1005n);
    model.deleted(1005n, new Set(['get']));
    model.refused(1005n);
    await judgeRefusedListed(model, system, listOf(entry(1005), entry(1003), entry(1001, 'INCOMPLETE', 'DOES_NOT_EXIST')));
    await judgeRefusedListed(model, system, makeObservation(index, 'list', 500, { message: 'boom' }));
    assert.deepEqual(gets, []);
  });
});
