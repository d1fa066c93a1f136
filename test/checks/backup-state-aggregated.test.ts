import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { backupStateAggregated } from '../../src/checks/backup-state-aggregated.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

// backup-state-aggregated: the overall state of a backup follows its partitions' by the rule of
// #/components/schemas/BackupInfo/description: "If the backup of all partitions is in state
// 'COMPLETED', then the overall state is 'COMPLETED'. If one is 'FAILED', then the overall state is
// 'FAILED'. Otherwise, if one is 'DOES_NOT_EXIST', then the overall state is 'INCOMPLETE'.
// Otherwise, if one is 'IN_PROGRESS', then the overall state is 'IN_PROGRESS'."

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const backup = (state: string | undefined, partitionStates: (string | undefined)[], backupId: number | null = 7) => ({
  ...(backupId === null ? {} : { backupId }),
  ...(state === undefined ? {} : { state }),
  details: partitionStates.map((partitionState, i) => ({ partitionId: i + 1, ...(partitionState === undefined ? {} : { state: partitionState }) })),
});
const get = (body: object) => makeInput(index.byRole.get, 200, body);
const list = (...backups: object[]) => makeInput(index.byRole.list, 200, backups);

describe('backup-state-aggregated: applies', () => {
  test('to a backup with a state and a state on each of its partitions', () =>
    assert.equal(backupStateAggregated.applies(get(backup('COMPLETED', ['COMPLETED', 'COMPLETED']))), true));
  test('not to a backup without a state, without partitions, or with a partition without a state', () => {
    assert.equal(backupStateAggregated.applies(get(backup(undefined, ['COMPLETED']))), false);
    assert.equal(backupStateAggregated.applies(get(backup('COMPLETED', []))), false);
    assert.equal(backupStateAggregated.applies(get(backup('COMPLETED', ['COMPLETED', undefined]))), false);
  });
  test('to a list in which one backup can be judged', () => {
    assert.equal(backupStateAggregated.applies(list(backup('COMPLETED', []), backup('COMPLETED', ['COMPLETED'], 6))), true);
    assert.equal(backupStateAggregated.applies(list(backup('COMPLETED', []), backup(undefined, ['COMPLETED'], 6))), false);
  });
  test('not to an answer that holds no backup', () => assert.equal(backupStateAggregated.applies(makeInput(index.byRole.get, 404, { message: 'no' })), false));
});

describe('backup-state-aggregated: kinds and messages', () => {
  test('states by each line of the rule pass', () =>
    assert.deepEqual(
      backupStateAggregated.evaluate(
        list(
          backup('COMPLETED', ['COMPLETED', 'COMPLETED'], 5),
          backup('FAILED', ['COMPLETED', 'FAILED', 'DOES_NOT_EXIST'], 4),
          backup('INCOMPLETE', ['IN_PROGRESS', 'DOES_NOT_EXIST'], 3),
          backup('IN_PROGRESS', ['IN_PROGRESS', 'COMPLETED'], 2),
        ),
      ),
      [],
    ));
  test('a state the rule does not give is "<state>-where-<rule\'s>", naming the backup and its partition states', () =>
    assert.deepEqual(backupStateAggregated.evaluate(get(backup('COMPLETED', ['COMPLETED', 'FAILED']))), [
      { kind: 'COMPLETED-where-FAILED', backupId: 7n, expected: 'FAILED for backup 7 with partition states COMPLETED, FAILED', received: 'COMPLETED' },
    ]));
  test('each backup of a list is judged on its own; one without an id is named by where it is, and counted on none', () =>
    assert.deepEqual(
      backupStateAggregated.evaluate(list(backup('COMPLETED', ['COMPLETED'], 9), backup('COMPLETED', []), backup('IN_PROGRESS', ['COMPLETED'], null))),
      [{ kind: 'IN_PROGRESS-where-COMPLETED', expected: 'COMPLETED for backup /2 with partition states COMPLETED', received: 'IN_PROGRESS' }],
    ));
  test('a backup whose every partition does not exist is inconclusive: the rule says INCOMPLETE, Zeebe answers 404', () => {
    assert.deepEqual(backupStateAggregated.evaluate(get(backup('DOES_NOT_EXIST', ['DOES_NOT_EXIST', 'DOES_NOT_EXIST']))), [
      {
        kind: 'DOES_NOT_EXIST-for-all-does-not-exist',
        backupId: 7n,
        expected: 'INCOMPLETE by the rule, or no such backup at all',
        received: 'DOES_NOT_EXIST for backup 7 with partition states DOES_NOT_EXIST, DOES_NOT_EXIST',
        verdict: 'inconclusive',
        specPointer: 'spec/NOTES.md#all-partitions-does-not-exist',
      },
    ]);
    assert.deepEqual(backupStateAggregated.evaluate(get(backup('INCOMPLETE', ['DOES_NOT_EXIST']))), []);
  });
  test('one partition that does not exist beside others is judged by the rule', () =>
    assert.equal(backupStateAggregated.evaluate(get(backup('DOES_NOT_EXIST', ['DOES_NOT_EXIST', 'COMPLETED'])))[0]?.kind, 'DOES_NOT_EXIST-where-INCOMPLETE'));
  test('partition states the rule does not cover are inconclusive, whatever state the backup claims', () =>
    assert.deepEqual(backupStateAggregated.evaluate(get(backup('COMPLETED', ['INCOMPATIBLE', 'COMPLETED']))), [
      {
        kind: 'COMPLETED-for-uncovered-states',
        backupId: 7n,
        expected: 'a combination of partition states the aggregation rule covers',
        received: 'COMPLETED for backup 7 with partition states INCOMPATIBLE, COMPLETED',
        verdict: 'inconclusive',
        specPointer: 'spec/NOTES.md#incompatible-aggregation',
      },
    ]));
  test('a backup it cannot judge is passed over, not reported', () =>
    assert.deepEqual(backupStateAggregated.evaluate(get(backup('COMPLETED', ['FAILED', undefined]))), []));
});

describe('backup-state-aggregated: where it is told', () => {
  test('says what it needs to mean anything', () => assert.equal(backupStateAggregated.exercisedBy, 'backup with a state and a state on each partition'));
});
