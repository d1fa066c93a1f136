import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Observation } from '../../src/api/backup-api.js';
import { BackupModel } from '../../src/model/backup-model.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { RaceCommand } from '../../suites/stateful/commands/race-command.js';
import { TakeLedger } from '../../suites/stateful/model/take-ledger.js';
import type { StatefulSystemOptions } from '../../suites/stateful/model/stateful-system.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeObservation } from '../helpers/make-observation.js';
import { recordingSystem, violationOfAsync } from '../helpers/recording-system.js';

// The lists of a race are sent at once, so the server may answer them in any order, while the run's
// other backups keep settling: state-transition-allowed ("changed state from IN_PROGRESS to
// COMPLETED", #/components/schemas/PartitionBackupInfo/properties/lastUpdatedAt/description) holds
// them to an order that could have happened, not to the order they were sent in.

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const entry = (backupId: number, state: string) => ({ backupId, state, details: [{ partitionId: 1, state }] });

/** A system whose take answers 202 and whose lists answer, in the order they are sent, `lists`. */
function racingSystem(lists: readonly unknown[][]) {
  let sent = 0;
  const api = {
    take: async (): Promise<Observation<'take'>> => makeObservation(index, 'take', 202, { message: 'scheduled' }),
    list: async (): Promise<Observation<'list'>> => makeObservation(index, 'list', 200, lists[sent++]),
  } as unknown as StatefulSystemOptions['api'];
  return recordingSystem(index, { api, ledger: new TakeLedger(10), signal: new AbortController().signal }).system;
}

/** Backup 1001 taken and seen in `state`; the race takes 1002 with two lists. */
function modelWith(state: 'IN_PROGRESS' | 'COMPLETED'): BackupModel {
  const model = new BackupModel(1000n);
  model.sent(1001n);
  model.accepted(1001n);
  model.sight(1001n, state);
  return model;
}

const race = new RaceCommand({ take: 2, lists: 2 });

describe('race: lists sent at once', () => {
  test('a backup that settles between two lists may show COMPLETED in the first sent and IN_PROGRESS in the second', async () => {
    const model = modelWith('IN_PROGRESS');
    await race.run(model, racingSystem([[entry(1001, 'COMPLETED')], [entry(1001, 'IN_PROGRESS')]]));
    assert.equal(model.tracked(1001n)?.lastSeen, 'COMPLETED', 'the list that came last in the lifecycle is the last sighting');
    assert.equal(model.tracked(1002n)?.status, 'live');
  });

  test('a list that no order explains still breaks the rule: IN_PROGRESS after the run saw COMPLETED', async () => {
    const model = modelWith('COMPLETED');
    const violation = await violationOfAsync(() => race.run(model, racingSystem([[entry(1001, 'COMPLETED')], [entry(1001, 'IN_PROGRESS')]])));
    assert.equal(violation.checkId, 'state-transition-allowed');
    assert.equal(violation.received, 'listed with state IN_PROGRESS for backup 1001');
  });

  test('a list that leaves out a live backup breaks list-holds-live-backups in whichever order it is judged', async () => {
    const model = modelWith('IN_PROGRESS');
    const violation = await violationOfAsync(() => race.run(model, racingSystem([[entry(1001, 'COMPLETED')], []])));
    assert.equal(violation.checkId, 'list-holds-live-backups');
  });
});
