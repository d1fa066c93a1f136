import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { judgeStanding } from '../../suites/stateful/judges/judge-standing.js';
import type { StandingBackup } from '../../suites/stateful/model/stateful-system.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeObservation } from '../helpers/make-observation.js';
import { gettingApi, recordingSystem, violationOfAsync } from '../helpers/recording-system.js';

// The stateful suite's judge of the backups that stand outside the run's ids (from before the
// suite): "Returns a list of all available backups" (#/paths/~1/get), so every list holds each one
// while GET finds it (list-holds-live-backups), and one GET showed COMPLETED or FAILED is listed in
// that state, as both are final (state-transition-allowed).

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const entry = (backupId: number, state = 'COMPLETED', partitionState = state) => ({ backupId, state, details: [{ partitionId: 1, state: partitionState }] });
const listOf = (...entries: unknown[]) => makeObservation(index, 'list', 200, entries);

/** A system whose standing backups are `standing` and whose GET answers `status` with `body`, recording the ids read. */
function standingSystem(standing: Record<number, StandingBackup>, status = 404, body: unknown = { message: 'not found' }) {
  const { api, gets } = gettingApi(index, (id) => ({ status, body: typeof body === 'function' ? (body as (id: bigint) => unknown)(id) : body }));
  const byId = new Map(Object.entries(standing).map(([id, backup]) => [BigInt(id), backup]));
  return { ...recordingSystem(index, { api, standing: byId }), gets };
}

describe('judge-standing: list-holds-live-backups', () => {
  test('with no standing backup nothing is judged and nothing is read', async () => {
    const { system, passed, gets } = standingSystem({});
    await judgeStanding(system, listOf());
    assert.deepEqual(passed, []);
    assert.deepEqual(gets, []);
  });

  test('a list holding every standing backup passes without a GET', async () => {
    const { system, passed, gets } = standingSystem({ 5: {}, 9: { settled: 'FAILED' } });
    await judgeStanding(system, listOf(entry(12), entry(9, 'FAILED'), entry(5, 'IN_PROGRESS')));
    assert.deepEqual(passed, ['GET / list-holds-live-backups']);
    assert.deepEqual(gets, []);
  });

  test('a standing backup the list leaves out while GET finds it breaks the rule, naming why it must be there', async () => {
    const { system, passed, gets } = standingSystem({ 5: {}, 9: {} }, 200, (id: bigint) => entry(Number(id), 'COMPLETED'));
    const violation = await violationOfAsync(() => judgeStanding(system, listOf(entry(9))));
    assert.equal(violation.checkId, 'list-holds-live-backups');
    assert.equal(violation.operation, 'GET /');
    assert.equal(violation.expected, 'backup 5 listed: GET finds it COMPLETED, a backup which existed before the run and which the suite never deleted');
    assert.equal(violation.received, 'a list without it');
    assert.deepEqual(gets, [5n], 'only the missing backup is read');
    assert.deepEqual(passed, []);
  });

  test('an entry in which no partition has the backup does not list it', async () => {
    const { system, gets } = standingSystem({ 5: {} }, 200, entry(5, 'IN_PROGRESS'));
    const violation = await violationOfAsync(() => judgeStanding(system, listOf(entry(5, 'INCOMPLETE', 'DOES_NOT_EXIST'))));
    assert.equal(violation.expected, 'backup 5 listed: GET finds it IN_PROGRESS, a backup which existed before the run and which the suite never deleted');
    assert.deepEqual(gets, [5n]);
  });

  test('a missing standing backup that GET does not find is left to the closing sweep', async () => {
    for (const [status, body] of [
      [404, { message: 'Backup 5 does not exist' }],
      [200, entry(5, 'DOES_NOT_EXIST')],
      [500, { message: 'boom' }],
    ] as const) {
      const { system, passed, gets } = standingSystem({ 5: {} }, status, body);
      await judgeStanding(system, listOf(entry(12)));
      assert.deepEqual(passed, [], `GET ${status}: not judged held`);
      assert.deepEqual(gets, [5n]);
    }
  });

  test('an answer that is no readable list judges nothing', async () => {
    const { system, passed, gets } = standingSystem({ 5: {} });
    await judgeStanding(system, makeObservation(index, 'list', 500, { message: 'boom' }));
    assert.deepEqual(passed, []);
    assert.deepEqual(gets, []);
  });
});

describe('judge-standing: state-transition-allowed', () => {
  test('a standing backup GET showed COMPLETED, listed FAILED, breaks the rule', async () => {
    const { system, gets } = standingSystem({ 5: { settled: 'COMPLETED' } });
    const violation = await violationOfAsync(() => judgeStanding(system, listOf(entry(5, 'FAILED'))));
    assert.equal(violation.checkId, 'state-transition-allowed');
    assert.equal(violation.expected, 'backup 5, which existed before the run and which the suite never deleted, COMPLETED (as GET showed it at the start)');
    assert.equal(violation.received, 'listed with state FAILED');
    assert.deepEqual(gets, []);
  });

  test('one listed in the state GET showed, or one that had not settled, passes in any state its life allows', async () => {
    const { system, passed } = standingSystem({ 5: { settled: 'FAILED' }, 7: {} });
    await judgeStanding(system, listOf(entry(7, 'COMPLETED'), entry(5, 'FAILED')));
    assert.deepEqual(passed, ['GET / list-holds-live-backups']);
  });

  test('a state outside the lifecycle is left to the schema check', async () => {
    const { system, passed } = standingSystem({ 5: { settled: 'COMPLETED' } });
    await judgeStanding(system, listOf(entry(5, 'DELETED')));
    assert.deepEqual(passed, ['GET / list-holds-live-backups']);
  });
});
