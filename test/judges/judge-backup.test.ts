import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BackupModel } from '../../src/model/backup-model.js';
import type { PartitionFacts } from '../../src/model/changed-facts.js';
import type { Operation } from '../../src/spec/operation.js';
import { judgeBackup } from '../../suites/stateful/judges/judge-backup.js';
import type { ObservedBackup } from '../../suites/stateful/model/observed-backups.js';
import { recordingSystem, violationOf } from '../helpers/recording-system.js';

// The stateful suite's judge of one sighting, rule by rule: state-transition-allowed ("changed
// state from IN_PROGRESS to COMPLETED", #/components/schemas/PartitionBackupInfo/properties/
// lastUpdatedAt/description), partition-set-stable, backup-facts-fixed ("The timestamp at which the
// backup was started on this partition") and checkpoint-position-monotonic ("each successive backup
// must use a higher ID than the previous one", #/components/schemas/BackupId/description).

const get = { label: 'GET /{backupId}' } as Operation;

function observed(id: bigint, partitions: { id: number; position?: bigint; facts?: PartitionFacts }[]): ObservedBackup {
  return {
    backupId: id,
    state: 'COMPLETED',
    partitionIds: partitions.map((p) => p.id),
    partitionStates: partitions.map(() => 'COMPLETED'),
    positions: new Map(partitions.flatMap((p) => (p.position === undefined ? [] : [[p.id, p.position] as const]))),
    partitions: partitions.map((p) => ({ partitionId: p.id, state: 'COMPLETED', facts: p.facts ?? {} })),
  };
}

describe('judge-backup: state-transition-allowed', () => {
  test('a live backup seen in an allowed state passes the rule', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system, passed } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'IN_PROGRESS', undefined, '200 IN_PROGRESS');
    assert.deepEqual(passed, ['GET /{backupId} state-transition-allowed']);
  });

  test('COMPLETED then IN_PROGRESS breaks it, saying what was allowed and what it was before', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'COMPLETED', undefined, '200 COMPLETED');
    const violation = violationOf(() => judgeBackup(model, system, get, 1001n, 'IN_PROGRESS', undefined, '200 IN_PROGRESS'));
    assert.equal(violation.checkId, 'state-transition-allowed');
    assert.equal(violation.operation, 'GET /{backupId}');
    assert.equal(violation.expected, 'backup 1001 COMPLETED (it was COMPLETED before)');
    assert.equal(violation.received, '200 IN_PROGRESS for backup 1001');
  });

  test('a backup seen IN_PROGRESS and then not found names the states still allowed and the last one seen', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'IN_PROGRESS', undefined, '200');
    const violation = violationOf(() => judgeBackup(model, system, get, 1001n, 'ABSENT', undefined, '404'));
    assert.equal(violation.expected, 'backup 1001 IN_PROGRESS or COMPLETED or FAILED (it was IN_PROGRESS before)');
  });

  test('a backup that is not live (refused, uncertain or unknown) is not judged on its state', () => {
    const model = new BackupModel(1000n);
    model.refused(1002n);
    const { system, passed } = recordingSystem();
    judgeBackup(model, system, get, 1002n, 'ABSENT', undefined, '404');
    judgeBackup(model, system, get, 1003n, 'COMPLETED', undefined, '200');
    assert.deepEqual(passed, []);
  });
});

describe('judge-backup: partition-set-stable, backup-facts-fixed, checkpoint-position-monotonic', () => {
  test('an absent backup, or one without a readable body, is judged on its state only', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system, passed } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'ABSENT', observed(1001n, [{ id: 1 }]), '404');
    assert.deepEqual(passed, ['GET /{backupId} state-transition-allowed']);
  });

  test('a backup seen whole passes each rule in turn; without positions the monotonic rule is not judged', () => {
    const model = new BackupModel(1000n);
    model.accepted(1001n);
    const { system, passed } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'COMPLETED', observed(1001n, [{ id: 1 }, { id: 2 }]), '200');
    assert.deepEqual(passed, ['GET /{backupId} state-transition-allowed', 'GET /{backupId} partition-set-stable', 'GET /{backupId} backup-facts-fixed']);
  });

  test('a different partition set names the first set, where it was seen, and the new one, sorted and without repeats', () => {
    const model = new BackupModel(1000n);
    const { system } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'COMPLETED', observed(1001n, [{ id: 2 }, { id: 1 }, { id: 2 }]), '200');
    const violation = violationOf(() => judgeBackup(model, system, get, 1002n, 'COMPLETED', observed(1002n, [{ id: 3 }, { id: 1 }]), '200'));
    assert.equal(violation.checkId, 'partition-set-stable');
    assert.equal(violation.expected, 'partitions 1, 2 in details, as for backup 1001 in GET /{backupId}');
    assert.equal(violation.received, 'partitions 1, 3 for backup 1002');
  });

  test('a backup with no partitions after one with some reads "(none)"', () => {
    const model = new BackupModel(1000n);
    const { system } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'COMPLETED', observed(1001n, [{ id: 10 }, { id: 9 }]), '200');
    const violation = violationOf(() => judgeBackup(model, system, get, 1002n, 'COMPLETED', observed(1002n, []), '200'));
    assert.equal(violation.expected, 'partitions 9, 10 in details, as for backup 1001 in GET /{backupId}');
    assert.equal(violation.received, 'partitions (none) for backup 1002');
  });

  test('a changed createdAt breaks backup-facts-fixed, naming the fact, partition and both values', () => {
    const model = new BackupModel(1000n);
    const { system } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'COMPLETED', observed(1001n, [{ id: 1, facts: { createdAt: '2024-01-01T00:00:00Z' } }]), '200');
    const violation = violationOf(() =>
      judgeBackup(model, system, get, 1001n, 'COMPLETED', observed(1001n, [{ id: 1, facts: { createdAt: '2024-02-01T00:00:00Z' } }]), '200'),
    );
    assert.equal(violation.checkId, 'backup-facts-fixed');
    assert.equal(violation.expected, 'createdAt 2024-01-01T00:00:00Z on partition 1 of backup 1001, as reported before');
    assert.equal(violation.received, 'createdAt 2024-02-01T00:00:00Z');
  });

  test('a higher id at a lower checkpoint position breaks checkpoint-position-monotonic; equal or higher passes', () => {
    const model = new BackupModel(1000n);
    const { system, passed } = recordingSystem();
    judgeBackup(model, system, get, 1001n, 'COMPLETED', observed(1001n, [{ id: 1, position: 500n }]), '200');
    judgeBackup(model, system, get, 1002n, 'COMPLETED', observed(1002n, [{ id: 1, position: 500n }]), '200');
    assert.equal(passed.filter((p) => p.endsWith('checkpoint-position-monotonic')).length, 2);
    const violation = violationOf(() => judgeBackup(model, system, get, 1003n, 'COMPLETED', observed(1003n, [{ id: 1, position: 499n }]), '200'));
    assert.equal(violation.checkId, 'checkpoint-position-monotonic');
    assert.equal(violation.expected, 'on partition 1, a checkpointPosition of backup 1003 at or after 500, the position of backup 1001');
    assert.equal(violation.received, 'checkpointPosition 499 for backup 1003');
  });
});
