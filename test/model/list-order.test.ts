import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { firstOrderViolation } from '../../src/model/list-order.js';

const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const smallIds = fc.array(fc.bigInt({ min: 0n, max: 6n }), { maxLength: 8 });

function strictlyDescending(ids: readonly bigint[]): boolean {
  return ids.every((id, index) => index === 0 || id < (ids[index - 1] as bigint));
}

describe('firstOrderViolation', () => {
  it('is undefined exactly for strictly descending lists', () => {
    fc.assert(
      fc.property(fc.oneof(smallIds, fc.array(int64, { maxLength: 8 })), (ids) => {
        assert.equal(firstOrderViolation(ids) === undefined, strictlyDescending(ids));
      }),
    );
  });

  it('is undefined for any set of ids sorted highest first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(int64, { maxLength: 20 }), (ids) => {
        const sorted = [...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
        assert.equal(firstOrderViolation(sorted), undefined);
      }),
    );
  });

  it('points at the first pair out of order, with both ids', () => {
    fc.assert(
      fc.property(smallIds, (ids) => {
        const found = firstOrderViolation(ids);
        fc.pre(found !== undefined);
        if (found === undefined) return;
        assert.equal(found.previous, ids[found.index - 1]);
        assert.equal(found.next, ids[found.index]);
        assert.ok(found.next >= found.previous);
        assert.ok(strictlyDescending(ids.slice(0, found.index)));
      }),
    );
  });

  it('reports equal neighbours', () => {
    assert.deepEqual(firstOrderViolation([7n, 3n, 3n]), { index: 2, previous: 3n, next: 3n });
  });

  it('reports the ascending list of the docs example (spec/NOTES.md#list-order)', () => {
    assert.deepEqual(firstOrderViolation([100n, 200n]), { index: 1, previous: 100n, next: 200n });
  });

  it('tells apart ids that the same double would hold', () => {
    // 2^53 + 1 and 2^53 are one number after JSON.parse.
    assert.equal(firstOrderViolation([2n ** 53n + 1n, 2n ** 53n]), undefined);
    assert.deepEqual(firstOrderViolation([2n ** 53n, 2n ** 53n + 1n]), { index: 1, previous: 2n ** 53n, next: 2n ** 53n + 1n });
    assert.equal(firstOrderViolation([2n ** 63n - 1n, 2n ** 63n - 2n, 1n]), undefined);
  });

  it('accepts empty and single-item lists', () => {
    assert.equal(firstOrderViolation([]), undefined);
    assert.equal(firstOrderViolation([42n]), undefined);
  });
});
