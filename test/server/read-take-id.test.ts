import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTakeId } from '../../src/server/request/read-take-id.js';

describe('readTakeId', () => {
  test('binds plain JSON integers exactly, across the int64 range', () => {
    const cases: [string, bigint][] = [
      ['{"backupId": 1}', 1n],
      ['{"backupId":9223372036854775807}', 9223372036854775807n],
      ['{"backupId": 9007199254740993}', 9007199254740993n],
      ['{"backupId": -9223372036854775808}', -9223372036854775808n],
      ['{"backupId": 0}', 0n],
      ['{"backupId": -0}', 0n],
      [' \n{ "other": {"backupId": 1}, "backupId" : 42 }\n', 42n],
      ['{"backupId": 1, "backupId": 2}', 2n],
      ['{"note": "\\"backupId\\": 9", "backupId": 3}', 3n],
    ];
    for (const [body, id] of cases) assert.deepEqual(readTakeId(body), { id }, body);
  });

  test('refuses everything else with a reason', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{"backupId": 1', /not valid JSON/],
      ['[1]', /must be a JSON object/],
      ['null', /must be a JSON object/],
      ['{}', /backupId is missing/],
      ['{"backupId": null}', /backupId is missing/],
      ['{"other": {"backupId": 1}}', /backupId is missing/],
      ['{"backupId": "1"}', /must be a JSON integer, but got "1"/],
      ['{"backupId": false}', /must be a JSON integer/],
      ['{"backupId": [1]}', /must be a JSON integer/],
      ['{"backupId": 1.0}', /without fraction or exponent, but got 1\.0/],
      ['{"backupId": 1E2}', /without fraction or exponent/],
      ['{"backupId": 9223372036854775808}', /fit in a signed 64-bit integer/],
      ['{"backupId": -9223372036854775809}', /fit in a signed 64-bit integer/],
    ];
    for (const [body, reason] of cases) {
      const reading = readTakeId(body);
      assert.ok('error' in reading, body);
      assert.match(reading.error, reason, body);
    }
  });
});
