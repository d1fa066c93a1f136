import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { javaHashMapOrder } from '../../src/server/rendering/java-hash-map-order.js';

describe('javaHashMapOrder', () => {
  test("iterates small keys ascending, as Zeebe's own acceptance test sees them", () => {
    assert.deepEqual(javaHashMapOrder([1n, 2n, 3n]), [1n, 2n, 3n]);
    const many = Array.from({ length: 40 }, (_, i) => BigInt(i + 1));
    assert.deepEqual(javaHashMapOrder(many), many);
  });

  test('groups keys by bucket, in insertion order within a bucket', () => {
    // 16 buckets: 1 and 17 share bucket 1; 2^32 folds to 1 as well (Long.hashCode).
    assert.deepEqual(javaHashMapOrder([1n, 2n, 17n, 4294967296n]), [1n, 17n, 4294967296n, 2n]);
    assert.deepEqual(javaHashMapOrder([17n, 1n]), [17n, 1n]);
    // Spread: 65536 -> 65536 ^ (65536 >>> 16) = 65537, bucket 1.
    assert.deepEqual(javaHashMapOrder([2n, 65536n]), [65536n, 2n]);
  });

  test('doubles the table past 0.75 load', () => {
    // 12 keys fit 16 buckets (16 lands in bucket 0); the 13th doubles the table, moving 16 to bucket 16.
    const keys = [16n, ...Array.from({ length: 12 }, (_, i) => BigInt(i + 1))];
    assert.deepEqual(javaHashMapOrder(keys.slice(0, 12)), keys.slice(0, 12));
    assert.deepEqual(javaHashMapOrder(keys), [...keys.slice(1), 16n]);
  });

  test('doubles a small table when one bucket passes eight keys', () => {
    const multiplesOf16 = Array.from({ length: 9 }, (_, i) => BigInt(16 * (i + 1)));
    assert.deepEqual(javaHashMapOrder(multiplesOf16.slice(0, 8)), multiplesOf16.slice(0, 8));
    assert.deepEqual(javaHashMapOrder(multiplesOf16), [32n, 64n, 96n, 128n, 16n, 48n, 80n, 112n, 144n]);
  });

  test('handles negative and 64-bit keys', () => {
    // Long.hashCode(-1L) is 0, and Long.MAX_VALUE spreads to 0x80008000: both bucket 0.
    assert.deepEqual(javaHashMapOrder([3n, -1n]), [-1n, 3n]);
    assert.deepEqual(javaHashMapOrder([2n, 9223372036854775807n]), [9223372036854775807n, 2n]);
  });
});
