import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { backupStateAggregated } from '../../src/checks/backup-state-aggregated.js';
import { contentTypeDocumented } from '../../src/checks/content-type-documented.js';
import { failureReasonOnlyWhenFailed } from '../../src/checks/failure-reason-only-when-failed.js';
import { listSortedDescending } from '../../src/checks/list-sorted-descending.js';
import { notAServerError } from '../../src/checks/not-a-server-error.js';
import { partitionIdsUnique } from '../../src/checks/partition-ids-unique.js';
import { responseBodyWithinLimit } from '../../src/checks/response-body-within-limit.js';
import { responseReceived } from '../../src/checks/response-received.js';
import { responseSchemaValid } from '../../src/checks/response-schema-valid.js';
import { statusCodeDocumented } from '../../src/checks/status-code-documented.js';
import { timestampsOrdered } from '../../src/checks/timestamps-ordered.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeFailedInput, makeInput } from '../helpers/make-input.js';

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const partition = (partitionId: number, state: string, extra: object = {}) => ({ partitionId, state, createdAt: '2022-12-08T13:00:55.344276672Z', ...extra });
const backup = (backupId: number | string, state: string, details: object[], extra: object = {}) => ({ backupId, state, details, ...extra });
const completed = (id: number) => backup(id, 'COMPLETED', [partition(1, 'COMPLETED'), partition(2, 'COMPLETED')]);

describe('response-received', () => {
  test('passes a response', () => assert.deepEqual(responseReceived.evaluate(makeInput(index.byRole.list, 200, [])), []));
  test('reports a timeout', () => {
    const [finding] = responseReceived.evaluate(makeFailedInput(index.byRole.list, 'timeout'));
    assert.match(finding?.received ?? '', /^timeout/);
  });
  test('reports a reset connection', () => assert.equal(responseReceived.evaluate(makeFailedInput(index.byRole.get, 'connection-reset')).length, 1));
});

describe('status-code-documented', () => {
  test('passes documented statuses', () => {
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(index.byRole.take, 202, { message: 'ok' })), []);
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(index.byRole.get, 404, { message: 'no' })), []);
  });
  test('reports an undocumented status with the documented set', () => {
    const [finding] = statusCodeDocumented.evaluate(makeInput(index.byRole.take, 418, { message: 'teapot' }));
    assert.equal(finding?.received, '418');
    assert.equal(finding?.expected, 'one of 202, 400, 409, 500, 502, 504');
    assert.equal(finding?.verdict, undefined);
  });
  test('reports 200 where the spec documents 202', () => assert.equal(statusCodeDocumented.evaluate(makeInput(index.byRole.take, 200, {})).length, 1));
  test('leaves 5xx to not-a-server-error', () => assert.deepEqual(statusCodeDocumented.evaluate(makeInput(index.byRole.take, 503, {})), []));
  test('accepts any 4xx refusal of a deliberately invalid request', () =>
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(index.byRole.take, 415, {}, { intent: 'invalid' })), []));
  test('a 4xx to a DELETE of a valid id, which documents 204 and 5xx only, is a violation', () => {
    const [finding] = statusCodeDocumented.evaluate(makeInput(index.byRole.delete, 404, { message: 'no' }));
    assert.equal(finding?.verdict, undefined);
    assert.equal(finding?.specPointer, 'spec/NOTES.md#delete-undocumented-statuses');
  });
  test('a 4xx to a DELETE of an invalid id is left to the negative suite', () =>
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(index.byRole.delete, 404, {}, { intent: 'invalid' })), []));
});

describe('not-a-server-error', () => {
  test('passes a 4xx', () => assert.deepEqual(notAServerError.evaluate(makeInput(index.byRole.take, 409, {})), []));
  test('a 500 is a violation', () => assert.equal(notAServerError.evaluate(makeInput(index.byRole.list, 500, { message: 'x' }))[0]?.verdict, undefined));
  test('a one-off 503 to a valid request is inconclusive', () =>
    assert.equal(notAServerError.evaluate(makeInput(index.byRole.list, 503, {}))[0]?.verdict, 'inconclusive'));
  test('a 504 that repeats on retry is a violation', () => {
    const [finding] = notAServerError.evaluate(makeInput(index.byRole.list, 504, {}, { repeated: true }));
    assert.equal(finding?.verdict, undefined);
    assert.match(finding?.received ?? '', /again on retry/);
  });
  test('any 5xx to an invalid request is a violation', () =>
    assert.equal(notAServerError.evaluate(makeInput(index.byRole.take, 502, {}, { intent: 'invalid' }))[0]?.verdict, undefined));
});

describe('content-type-documented', () => {
  test('accepts charset parameters and the actuator media type', () => {
    assert.deepEqual(contentTypeDocumented.evaluate(makeInput(index.byRole.list, 200, [], { contentType: 'application/json;charset=UTF-8' })), []);
    assert.deepEqual(
      contentTypeDocumented.evaluate(makeInput(index.byRole.list, 200, [], { contentType: 'application/vnd.spring-boot.actuator.v3+json' })),
      [],
    );
  });
  test('reports text/html', () =>
    assert.equal(contentTypeDocumented.evaluate(makeInput(index.byRole.take, 500, '<html>oops</html>', { contentType: 'text/html' })).length, 1));
  test('reports a body without Content-Type', () =>
    assert.match(contentTypeDocumented.evaluate(makeInput(index.byRole.list, 200, [], { contentType: null }))[0]?.received ?? '', /no Content-Type/));
  test('reports a body on a response documented without one', () =>
    assert.equal(contentTypeDocumented.evaluate(makeInput(index.byRole.delete, 204, { message: 'deleted' })).length, 1));
  test('passes an empty 204', () => assert.deepEqual(contentTypeDocumented.evaluate(makeInput(index.byRole.delete, 204)), []));
});

describe('response-schema-valid', () => {
  test('passes a real Zeebe payload with extra fields', () => {
    const body = backup(
      100,
      'COMPLETED',
      [
        partition(1, 'COMPLETED', {
          lastUpdatedAt: '2022-12-08T13:00:55.84756566Z',
          checkpointPosition: 5,
          brokerVersion: '8.2.0',
          snapshotId: '2-1-3-2',
          zone: 'a',
        }),
      ],
      { extra: true },
    );
    assert.deepEqual(responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, body)), []);
  });
  test('reports a state outside the enum', () => {
    const [finding] = responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, backup(1, 'DONE', [partition(1, 'COMPLETED')])));
    assert.match(finding?.received ?? '', /\/state must be equal to one of the allowed values/);
  });
  test('reports a createdAt that is not a date-time', () => {
    const body = backup(1, 'COMPLETED', [partition(1, 'COMPLETED', { createdAt: 'Fri Nov 27 2026 03:31:35 GMT+0000' })]);
    assert.match(responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, body))[0]?.received ?? '', /createdAt must match format "date-time"/);
  });
  test('reports a missing required field', () =>
    assert.equal(responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, { backupId: 1, state: 'COMPLETED' })).length, 1));
  test('reports a backupId beyond int64, read exactly', () => {
    const body = '{"backupId":9223372036854775808,"state":"COMPLETED","details":[]}';
    assert.match(responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, body))[0]?.received ?? '', /outside the int64 range/);
    assert.deepEqual(responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, body.replace('808', '807'))), []);
  });
  test('reports a body that is not JSON', () =>
    assert.match(responseSchemaValid.evaluate(makeInput(index.byRole.list, 200, '<html>', { contentType: 'text/html' }))[0]?.received ?? '', /not JSON/));
  test('reports an empty body where JSON is documented', () => assert.equal(responseSchemaValid.evaluate(makeInput(index.byRole.take, 202)).length, 1));
  test('accepts a Spring-shaped error body for a documented 400', () => {
    const spring = { timestamp: '2024-01-01T00:00:00.000+00:00', status: 400, error: 'Bad Request', path: '/actuator/backups' };
    assert.deepEqual(responseSchemaValid.evaluate(makeInput(index.byRole.take, 400, spring)), []);
  });
});

describe('response-body-within-limit', () => {
  test('a cut body is inconclusive, never a crash', () =>
    assert.equal(responseBodyWithinLimit.evaluate(makeInput(index.byRole.list, 200, '[{"backupId"', { truncated: true }))[0]?.verdict, 'inconclusive'));
  test('passes a whole body', () => assert.deepEqual(responseBodyWithinLimit.evaluate(makeInput(index.byRole.list, 200, [])), []));
});

describe('list-sorted-descending', () => {
  test('passes a descending list', () =>
    assert.deepEqual(listSortedDescending.evaluate(makeInput(index.byRole.list, 200, [completed(3), completed(2), completed(1)])), []));
  test('reports an ascending list', () =>
    assert.match(listSortedDescending.evaluate(makeInput(index.byRole.list, 200, [completed(1), completed(2)]))[0]?.received ?? '', /^1 then 2/));
  test('compares ids beyond 2^53 exactly', () => {
    const text = '[{"backupId":9007199254740993,"state":"COMPLETED","details":[]},{"backupId":9007199254740992,"state":"COMPLETED","details":[]}]';
    assert.deepEqual(listSortedDescending.evaluate(makeInput(index.byRole.list, 200, text)), []);
    const swapped = '[{"backupId":9007199254740992,"state":"COMPLETED","details":[]},{"backupId":9007199254740993,"state":"COMPLETED","details":[]}]';
    assert.equal(listSortedDescending.evaluate(makeInput(index.byRole.list, 200, swapped)).length, 1);
  });
  test('ignores the get operation', () => assert.deepEqual(listSortedDescending.evaluate(makeInput(index.byRole.get, 200, completed(1))), []));
});

describe('backup-state-aggregated', () => {
  test('passes states that follow the rule', () => {
    const body = [
      backup(4, 'FAILED', [partition(1, 'COMPLETED'), partition(2, 'FAILED')], { failureReason: 'x' }),
      backup(3, 'INCOMPLETE', [partition(1, 'IN_PROGRESS'), partition(2, 'DOES_NOT_EXIST')]),
      backup(2, 'IN_PROGRESS', [partition(1, 'IN_PROGRESS'), partition(2, 'COMPLETED')]),
      completed(1),
    ];
    assert.deepEqual(backupStateAggregated.evaluate(makeInput(index.byRole.list, 200, body)), []);
  });
  test('reports a FAILED partition hidden behind COMPLETED', () => {
    const [finding] = backupStateAggregated.evaluate(
      makeInput(index.byRole.get, 200, backup(7, 'COMPLETED', [partition(1, 'COMPLETED'), partition(2, 'FAILED')])),
    );
    assert.equal(finding?.received, 'COMPLETED');
    assert.match(finding?.expected ?? '', /^FAILED for backup 7/);
  });
  test('a 200 whose partitions all do not exist is inconclusive, whatever state it claims', () => {
    const [finding] = backupStateAggregated.evaluate(makeInput(index.byRole.get, 200, backup(7, 'DOES_NOT_EXIST', [partition(1, 'DOES_NOT_EXIST')])));
    assert.equal(finding?.verdict, 'inconclusive');
    assert.equal(finding?.specPointer, 'spec/NOTES.md#all-partitions-does-not-exist');
  });
  test('an INCOMPATIBLE partition is inconclusive', () => {
    assert.equal(
      backupStateAggregated.evaluate(makeInput(index.byRole.get, 200, backup(7, 'COMPLETED', [partition(1, 'INCOMPATIBLE')])))[0]?.verdict,
      'inconclusive',
    );
  });
});

describe('partition-ids-unique', () => {
  test('passes partitions in any order', () =>
    assert.deepEqual(
      partitionIdsUnique.evaluate(
        makeInput(index.byRole.get, 200, backup(1, 'COMPLETED', [partition(3, 'COMPLETED'), partition(1, 'COMPLETED'), partition(2, 'COMPLETED')])),
      ),
      [],
    ));
  test('reports a partition listed twice', () =>
    assert.equal(
      partitionIdsUnique.evaluate(makeInput(index.byRole.get, 200, backup(1, 'COMPLETED', [partition(1, 'COMPLETED'), partition(1, 'COMPLETED')]))).length,
      1,
    ));
});

describe('failure-reason-only-when-failed', () => {
  test('passes a reason on a FAILED backup and partition', () => {
    const body = backup(1, 'FAILED', [partition(1, 'FAILED', { failureReason: 'lost leader' })], {
      failureReason: 'Backup on partition 1 failed due to lost leader. ',
    });
    assert.deepEqual(failureReasonOnlyWhenFailed.evaluate(makeInput(index.byRole.get, 200, body)), []);
  });
  test('reports a reason on a COMPLETED backup', () => {
    assert.equal(
      failureReasonOnlyWhenFailed.evaluate(
        makeInput(index.byRole.get, 200, backup(1, 'COMPLETED', [partition(1, 'COMPLETED')], { failureReason: 'disk full' })),
      ).length,
      1,
    );
  });
  test('reports a reason on a COMPLETED partition', () => {
    assert.equal(
      failureReasonOnlyWhenFailed.evaluate(makeInput(index.byRole.get, 200, backup(1, 'COMPLETED', [partition(1, 'COMPLETED', { failureReason: 'odd' })])))
        .length,
      1,
    );
  });
});

describe('timestamps-ordered', () => {
  test('passes nanosecond timestamps in order', () => {
    const body = backup(1, 'COMPLETED', [
      partition(1, 'COMPLETED', { createdAt: '2022-12-08T13:00:55.344276672Z', lastUpdatedAt: '2022-12-08T13:00:55.344276673Z' }),
    ]);
    assert.deepEqual(timestampsOrdered.evaluate(makeInput(index.byRole.get, 200, body)), []);
  });
  test('reports an update before creation, even below a millisecond', () => {
    const body = backup(1, 'COMPLETED', [
      partition(1, 'COMPLETED', { createdAt: '2022-12-08T13:00:55.344276672Z', lastUpdatedAt: '2022-12-08T13:00:55.344276671Z' }),
    ]);
    const [finding] = timestampsOrdered.evaluate(makeInput(index.byRole.get, 200, body));
    assert.equal(finding?.verdict, undefined);
  });
  test("on a FAILED partition the same is inconclusive: two brokers' clocks", () => {
    const body = backup(
      1,
      'FAILED',
      [partition(1, 'FAILED', { failureReason: 'x', createdAt: '2022-12-08T13:00:56Z', lastUpdatedAt: '2022-12-08T13:00:55Z' })],
      {
        failureReason: 'x',
      },
    );
    assert.equal(timestampsOrdered.evaluate(makeInput(index.byRole.get, 200, body))[0]?.verdict, 'inconclusive');
  });
});
