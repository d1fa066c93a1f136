import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runBaseId } from '../../src/model/run-base-id.js';
import { INT64_MAX } from '../../src/spec/int64.js';

// take-accepted-above-highest: "each successive backup must use a higher ID than the previous one"
// (#/components/schemas/BackupId/description), and ids are never reusable, even after a delete
// (spec/NOTES.md#deleted-id-reuse), so the run's ids lie above every listed and every sent id.

describe('run base id (take-accepted-above-highest)', () => {
  test('the next multiple of ten above the highest listed id', () => {
    assert.equal(runBaseId(1027n, undefined), 1030n);
    assert.equal(runBaseId(0n, undefined), 10n);
  });
  test('an id on a multiple of ten is passed, not reused', () => assert.equal(runBaseId(1030n, undefined), 1040n));
  test('a higher sent id wins over the listed one', () => assert.equal(runBaseId(1027n, 2041n), 2050n));
  test('a lower or equal sent id leaves the listed one', () => {
    assert.equal(runBaseId(1027n, 1005n), 1030n);
    assert.equal(runBaseId(1027n, 1027n), 1030n);
  });
  test('undefined when base + 9 would pass the int64 maximum', () => {
    // INT64_MAX = 9223372036854775807: from ...790 the run's last id is ...799; from ...800, ...809 is past it.
    assert.equal(runBaseId(INT64_MAX - 18n, undefined), INT64_MAX - 17n);
    assert.equal(runBaseId(INT64_MAX - 17n, undefined), undefined);
    assert.equal(runBaseId(0n, INT64_MAX - 17n), undefined);
  });
});
