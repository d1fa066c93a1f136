import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseInt64 } from '../../src/server/request/parse-int64.js';

describe('parseInt64', () => {
  test('reads decimal integers within the range of a Java long', () => {
    assert.equal(parseInt64('9223372036854775807'), 2n ** 63n - 1n);
    assert.equal(parseInt64('-9223372036854775808'), -(2n ** 63n));
    assert.equal(parseInt64('0042'), 42n);
  });

  test('is undefined outside that range or for anything else', () => {
    for (const text of ['9223372036854775808', '-9223372036854775809', '', '-', '+1', '1.0', ' 1', '0x1', '1e2']) {
      assert.equal(parseInt64(text), undefined, text);
    }
  });
});
