import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runBaseId } from '../../src/model/run-base-id.js';
import { INT64_MAX } from '../../src/spec/int64.js';

// take-accepted-above-highest: "each successive backup must use a higher ID than the previous one"
// (#/components/schemas/BackupId/description), and ids are never reusable, even after a delete
// (spec/NOTES.md#deleted-id-reuse), so the run's ids lie above every listed and every sent id.

describe('run base id (take-accepted-above-highest)', () => {
  test('the highest listed id: the run takes the ids right above it', () => {
    assert.equal(runBaseId(1027n, undefined), 1027n);
    assert.equal(runBaseId(0n, undefined), 0n);
  });
  test('a higher sent id wins over the listed one', () => assert.equal(runBaseId(1027n, 2041n), 2041n));
  test('a lower or equal sent id leaves the listed one', () => {
    assert.equal(runBaseId(1027n, 1005n), 1027n);
    assert.equal(runBaseId(1027n, 1027n), 1027n);
  });
  test('undefined when base + 9 would pass the int64 maximum', () => {
    // INT64_MAX = 9223372036854775807: from ...798 the run's last id is ...807, the maximum; from ...799, ...808 is past it.
    assert.equal(runBaseId(INT64_MAX - 9n, undefined), INT64_MAX - 9n);
    assert.equal(runBaseId(INT64_MAX - 8n, undefined), undefined);
    assert.equal(runBaseId(0n, INT64_MAX - 8n), undefined);
    assert.equal(runBaseId(0n, INT64_MAX - 9n), INT64_MAX - 9n);
  });
});
