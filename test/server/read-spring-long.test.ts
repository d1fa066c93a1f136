import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSpringLong } from '../../src/server/request/read-spring-long.js';

describe('readSpringLong', () => {
  test('reads what NumberUtils.parseNumber(text, Long.class) reads', () => {
    const cases: [string, bigint][] = [
      ['100', 100n],
      [' 1 2 ', 12n],
      ['+5', 5n],
      ['-5', -5n],
      ['007', 7n],
      ['0x10', 16n],
      ['-0X1f', -31n],
      ['#ff', 255n],
      ['9223372036854775807', 9223372036854775807n],
      ['-0x8000000000000000', -9223372036854775808n],
    ];
    for (const [text, value] of cases) assert.equal(readSpringLong(text), value, text);
  });

  test('is undefined where Java would throw', () => {
    for (const text of ['', 'abc', '1.5', '1e3', '0x', '--1', '9223372036854775808', '0x8000000000000000', 'true']) {
      assert.equal(readSpringLong(text), undefined, text);
    }
  });
});
