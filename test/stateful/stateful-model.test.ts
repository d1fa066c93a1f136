import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BackupTarget } from '../../suites/stateful/commands/backup-target.js';
import { TakeLedger } from '../../suites/stateful/model/take-ledger.js';
import { backupSighting, type Sighting } from '../../src/model/backup-sighting.js';
import { BackupModel } from '../../src/model/backup-model.js';
import { checkpointPositionDecrease } from '../../src/model/checkpoint-position-decrease.js';
import { possibleStatesAfter } from '../../src/model/possible-states.js';
import { runBaseId } from '../../src/model/run-base-id.js';
import { statefulBudget } from '../../suites/stateful/driver/stateful-budget.js';

const ORDER: readonly Sighting[] = ['ABSENT', 'INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED'];
const rank = (sighting: Sighting): number => Math.min(ORDER.indexOf(sighting), 3);

describe('backupSighting', () => {
  it('reads not found and DOES_NOT_EXIST as absent, and the four lifecycle states as themselves', () => {
    assert.equal(backupSighting('not-found'), 'ABSENT');
    assert.equal(backupSighting('found', 'DOES_NOT_EXIST'), 'ABSENT');
    for (const state of ['INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED']) assert.equal(backupSighting('found', state), state);
  });
  it('reads a found backup of which no partition has the backup as absent, whatever its overall state', () => {
    assert.equal(backupSighting('found', 'INCOMPLETE', ['DOES_NOT_EXIST', 'DOES_NOT_EXIST']), 'ABSENT');
    assert.equal(backupSighting('found', 'INCOMPLETE', ['IN_PROGRESS', 'DOES_NOT_EXIST']), 'INCOMPLETE');
    assert.equal(backupSighting('found', 'COMPLETED', []), 'COMPLETED');
  });
  it('tells nothing for errors, INCOMPATIBLE and unknown states', () => {
    for (const [status, state] of [
      ['other', 'COMPLETED'],
      ['other', undefined],
      ['found', 'INCOMPATIBLE'],
      ['found', 'DELETED'],
      ['found', 3],
    ] as const) {
      assert.equal(backupSighting(status, state), undefined, `${status} ${state}`);
    }
  });
});

describe('possibleStatesAfter', () => {
  it('allows everything right after a 202, and a 404 narrows nothing', () => {
    assert.deepEqual([...possibleStatesAfter('accepted')].sort(), [...ORDER].sort());
    assert.deepEqual(possibleStatesAfter('ABSENT'), possibleStatesAfter('accepted'));
  });
  it('never goes back: every state allowed after a sighting ranks at or after it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER), (seen) => {
        const next = possibleStatesAfter(seen);
        assert.ok(next.has(seen), `${seen} may be seen again`);
        for (const state of next) assert.ok(rank(state) >= rank(seen), `${state} after ${seen}`);
      }),
    );
  });
  it('keeps COMPLETED and FAILED final, and a seen backup never absent again', () => {
    assert.deepEqual([...possibleStatesAfter('COMPLETED')], ['COMPLETED']);
    assert.deepEqual([...possibleStatesAfter('FAILED')], ['FAILED']);
    assert.equal(possibleStatesAfter('INCOMPLETE').has('ABSENT'), false);
    assert.equal(possibleStatesAfter('IN_PROGRESS').has('INCOMPLETE'), false);
  });
});

describe('checkpointPositionDecrease', () => {
  const positions = (entries: [bigint, [number, bigint][]][]) => new Map(entries.map(([id, parts]) => [id, new Map(parts)]));

  it('accepts positions that grow or stay with the id', () => {
    assert.equal(
      checkpointPositionDecrease(
        positions([
          [
            1n,
            [
              [1, 10n],
              [2, 5n],
            ],
          ],
          [
            2n,
            [
              [1, 10n],
              [2, 9n],
            ],
          ],
          [3n, [[2, 9n]]],
        ]),
      ),
      undefined,
    );
  });
  it('names the partition and both backups of a decrease', () => {
    assert.deepEqual(
      checkpointPositionDecrease(
        positions([
          [3n, [[1, 4n]]],
          [
            1n,
            [
              [1, 7n],
              [2, 1n],
            ],
          ],
          [2n, [[2, 2n]]],
        ]),
      ),
      {
        partitionId: 1,
        lowerId: 1n,
        lowerIdPosition: 7n,
        higherId: 3n,
        higherIdPosition: 4n,
      },
    );
  });
  it('finds a decrease exactly when sorting by id does not sort the positions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.bigInt({ min: 1n, max: 50n }), position: fc.bigInt({ min: 0n, max: 20n }) }), {
          selector: (e) => e.id,
          maxLength: 8,
        }),
        (entries) => {
          const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
          const monotonic = sorted.every((entry, i) => i === 0 || entry.position >= (sorted[i - 1] as typeof entry).position);
          const found = checkpointPositionDecrease(positions(entries.map((e) => [e.id, [[1, e.position]]])));
          assert.equal(found === undefined, monotonic);
          if (found !== undefined) assert.ok(found.lowerId < found.higherId && found.lowerIdPosition > found.higherIdPosition);
        },
      ),
    );
  });
});

describe('runBaseId', () => {
  it('is the highest listed or sent id', () => {
    assert.equal(runBaseId(0n, undefined), 0n);
    assert.equal(runBaseId(9n, undefined), 9n);
    assert.equal(runBaseId(15n, 37n), 37n);
    assert.equal(runBaseId(2n ** 62n, 5n), 2n ** 62n);
  });
  it("leaves room for the run's nine ids below the int64 maximum, or says there is none", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), fc.option(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), { nil: undefined }), (listed, sent) => {
        const base = runBaseId(listed, sent);
        const highest = sent !== undefined && sent > listed ? sent : listed;
        if (base === undefined) return assert.ok(highest + 9n > 2n ** 63n - 1n);
        assert.ok(base === highest && base + 9n <= 2n ** 63n - 1n);
      }),
    );
  });
});

describe('BackupModel', () => {
  it('expects an accepted take above every id taken, a conflict at or below a live one, either when only deleted ones are above', () => {
    const model = new BackupModel(100n);
    assert.deepEqual([...model.expectedTake(103n)], ['accepted']);
    model.accepted(103n);
    assert.deepEqual([...model.expectedTake(103n)], ['conflict']);
    assert.deepEqual([...model.expectedTake(101n)], ['conflict']);
    assert.deepEqual([...model.expectedTake(104n)], ['accepted']);
    model.deleted(103n, new Set(['get', 'list']));
    assert.deepEqual([...model.expectedTake(102n)].sort(), ['accepted', 'conflict']);
    assert.deepEqual([...model.expectedTake(104n)], ['accepted']);
  });
  it('allows either outcome below an uncertain take, but keeps the conflict below a live backup', () => {
    const model = new BackupModel(100n);
    model.accepted(102n);
    model.uncertain(105n);
    assert.deepEqual([...model.expectedTake(104n)].sort(), ['accepted', 'conflict']);
    assert.deepEqual([...model.expectedTake(102n)], ['conflict']);
    assert.deepEqual([...model.expectedTake(106n)], ['accepted']);
    assert.equal(model.highestLive, 102n);
  });
  it('tracks a refused id without counting it as taken, and never over a backup it tracks', () => {
    const model = new BackupModel(100n);
    model.refused(103n);
    assert.equal(model.tracked(103n)?.status, 'refused');
    assert.deepEqual([...model.expectedTake(103n)], ['accepted']);
    model.accepted(104n);
    model.refused(104n);
    assert.equal(model.tracked(104n)?.status, 'live');
    model.deleted(103n, new Set(['get', 'list']));
    assert.equal(model.tracked(103n)?.status, 'refused');
  });
  it('narrows the states of a live backup and refuses a step back', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    assert.equal(model.sight(101n, 'ABSENT').allowed, true);
    assert.equal(model.visible.length, 0, 'a backup not yet seen need not be listed');
    assert.equal(model.sight(101n, 'IN_PROGRESS').allowed, true);
    assert.deepEqual(
      model.visible.map((b) => b.id),
      [101n],
    );
    assert.equal(model.sight(101n, 'COMPLETED').allowed, true);
    const back = model.sight(101n, 'IN_PROGRESS');
    assert.equal(back.allowed, false);
    assert.deepEqual([...back.possible], ['COMPLETED']);
    assert.equal(back.lastSeen, 'COMPLETED');
    assert.equal(model.sight(101n, 'ABSENT').allowed, false);
  });
  it('stops judging a deleted backup whose id is refused again, as a refused take may leave traces', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    model.deleted(101n, new Set(['get']));
    assert.deepEqual(model.deletedBackups, [{ id: 101n, goneFrom: new Set(['get']) }]);
    model.seenGone(101n, 'list');
    assert.deepEqual(model.deletedBackups, [{ id: 101n, goneFrom: new Set(['get', 'list']) }]);
    model.refused(101n);
    assert.equal(model.tracked(101n)?.status, 'refused');
    assert.deepEqual(model.deletedBackups, []);
    model.accepted(102n);
    model.refused(102n);
    assert.equal(model.tracked(102n)?.status, 'live');
  });
  it('holds the live backups last seen COMPLETED or FAILED, with their facts, for the closing sweep (COMPLETED and FAILED are final)', () => {
    const model = new BackupModel(100n);
    for (const id of [101n, 102n, 103n, 104n]) model.accepted(id);
    model.sight(101n, 'COMPLETED');
    model.noteFacts(101n, new Map([[1, { snapshotId: '7-1' }]]));
    model.sight(102n, 'FAILED');
    model.sight(103n, 'IN_PROGRESS');
    model.sight(104n, 'COMPLETED');
    model.deleted(104n, new Set(['get']));
    assert.deepEqual(model.settledBackups, [
      { id: 101n, state: 'COMPLETED', facts: new Map([[1, { snapshotId: '7-1' }]]) },
      { id: 102n, state: 'FAILED', facts: new Map() },
    ]);
  });
  it('reports a fixed fact that changes between two answers about one backup', () => {
    const model = new BackupModel(100n);
    model.accepted(101n);
    assert.equal(model.noteFacts(101n, new Map([[1, { snapshotId: 'a' }]])), undefined);
    assert.equal(model.noteFacts(101n, new Map([[1, { snapshotId: 'a', brokerVersion: '8.5.0' }]])), undefined);
    assert.deepEqual(model.noteFacts(101n, new Map([[1, { brokerVersion: '8.6.0' }]])), {
      partitionId: 1,
      fact: 'brokerVersion',
      before: '8.5.0',
      after: '8.6.0',
    });
  });
  it('keeps the ids of the run apart from all others', () => {
    const model = new BackupModel(1230n);
    assert.equal(model.idAt(3), 1233n);
    assert.equal(model.neverTakenId, 1239n);
    assert.equal(model.inRange(1230n), false);
    assert.equal(model.inRange(1231n), true);
    assert.equal(model.inRange(1239n), true);
    assert.equal(model.inRange(1240n), false);
    assert.ok(BackupModel.takeOffsets < BackupModel.neverTakenOffset && BackupModel.neverTakenOffset < 10);
  });
  it('remembers the first partition set and reports one that differs', () => {
    const model = new BackupModel(0n);
    assert.equal(model.notePartitions([1, 2, 3], 'backup 1 in GET /'), undefined);
    assert.equal(model.notePartitions([3, 1, 2], 'backup 2 in GET /'), undefined);
    assert.deepEqual(model.notePartitions([1, 2], 'backup 3 in GET /'), { partitionIds: [1, 2, 3], where: 'backup 1 in GET /' });
  });
  it("reports a checkpoint position that decreases across the run's backups, a re-taken id starting afresh", () => {
    const model = new BackupModel(0n);
    assert.equal(model.notePositions(1n, new Map([[1, 10n]])), undefined);
    assert.equal(model.notePositions(2n, new Map([[1, 12n]])), undefined);
    assert.equal(model.notePositions(3n, new Map([[1, 11n]]))?.lowerId, 2n);
    model.accepted(3n);
    assert.equal(model.notePositions(3n, new Map([[1, 13n]])), undefined);
  });
  it('compares no position with a deleted backup, whose id a later take may reuse below (Take(+5), Delete(+5), Take(+4))', () => {
    const model = new BackupModel(340n);
    model.accepted(345n);
    assert.equal(model.notePositions(345n, new Map([[1, 2000n]])), undefined);
    model.deleted(345n, new Set(['get', 'list']));
    assert.ok(model.expectedTake(344n).has('accepted'), 'the take rule accepts 344 once 345 is deleted');
    model.accepted(344n);
    assert.equal(model.notePositions(344n, new Map([[1, 2996n]])), undefined, 'the position of 344 is not compared with the deleted 345');
    model.accepted(346n);
    assert.equal(model.notePositions(346n, new Map([[1, 2500n]]))?.lowerId, 344n, 'live backups are still compared');
  });
  it('lists the ids it took in order, and targets resolve against them', () => {
    const model = new BackupModel(100n);
    assert.equal(BackupTarget.taken(1).idIn(model), 102n, 'before any take: offset index + 1');
    model.accepted(104n);
    model.accepted(102n);
    model.accepted(104n);
    assert.deepEqual(model.takenIds, [104n, 102n]);
    assert.equal(BackupTarget.taken(0).idIn(model), 104n);
    assert.equal(BackupTarget.taken(3).idIn(model), 102n);
    assert.equal(BackupTarget.taken(1).describeIn(model), '+2 = 102');
    assert.equal(BackupTarget.neverTaken.describeIn(model), 'never-taken = 109');
    assert.equal(BackupTarget.at(5).toString(), '+5');
    assert.equal(BackupTarget.taken(0).toString(), 'taken #1');
  });
});

describe('TakeLedger', () => {
  it('counts takes against its limit and refuses one more', () => {
    const ledger = new TakeLedger(2);
    ledger.sending(11n);
    ledger.sending(12n);
    assert.equal(ledger.remaining, 0);
    assert.throws(() => ledger.sending(13n), /limit of 2/);
  });
  it('keeps the ids that may hold a backup until they are deleted, and the highest id ever sent', () => {
    const ledger = new TakeLedger(10);
    ledger.probing(11n);
    ledger.answered(11n, { kind: 'accepted' });
    for (const [id, answer] of [
      [21n, { kind: 'accepted' }],
      [22n, { kind: 'conflict' }],
      [23n, { kind: 'unclear', why: 'server-error' }],
      [24n, { kind: 'unclear', why: 'no-answer' }],
      [25n, { kind: 'refused' }],
    ] as const) {
      ledger.sending(id);
      ledger.answered(id, answer);
    }
    assert.deepEqual(ledger.created, [11n, 21n, 23n, 24n]);
    ledger.removed(21n);
    assert.deepEqual(ledger.created, [11n, 23n, 24n]);
    assert.equal(ledger.highestSent, 25n);
    assert.equal(ledger.highestCreated, 24n);
    assert.equal(ledger.sent, 5);
    assert.equal(ledger.probes, 1);
    assert.equal(ledger.accepted, 2);
  });
});

describe('statefulBudget', () => {
  it('bounds the backups by the runs, the shrinking and the one probe', () => {
    const budget = statefulBudget({ runs: 10, maxCommands: 12, budgetMs: 30_000, settleTimeoutMs: 1000, keepBackups: false });
    assert.equal(budget.runTakes, 120);
    assert.ok(budget.scenarioTakes > 0);
    assert.equal(budget.maxBackups, budget.scenarioTakes + budget.runTakes + budget.shrinkTakes + 1);
    assert.ok(budget.shrinkTakes > 0 && budget.shrinkRuns > 0);
    assert.equal(
      statefulBudget({ runs: 10, maxCommands: 12, budgetMs: 30_000, settleTimeoutMs: 1000, keepBackups: false, seed: 1, path: '3:1' }).runTakes,
      12,
      'a replay is one run',
    );
  });
});
