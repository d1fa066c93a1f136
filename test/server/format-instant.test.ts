import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatInstant } from '../../src/server/rendering/format-instant.js';

describe('formatInstant', () => {
  test('writes UTC with up to nine fractional digits, trailing zeros dropped', () => {
    const ms = Date.UTC(2022, 11, 8, 13, 0, 55, 847);
    assert.equal(formatInstant(ms, 565660), '2022-12-08T13:00:55.84756566Z');
    assert.equal(formatInstant(ms, 0), '2022-12-08T13:00:55.847Z');
    assert.equal(formatInstant(ms, 1), '2022-12-08T13:00:55.847000001Z');
    assert.equal(formatInstant(ms - 847, 0), '2022-12-08T13:00:55Z');
    assert.equal(formatInstant(ms - 847, 5000), '2022-12-08T13:00:55.000005Z');
  });

  test('floors fractional milliseconds and crosses seconds, days and years', () => {
    assert.equal(formatInstant(Date.UTC(2023, 11, 31, 23, 59, 59, 999) + 0.9, 999999), '2023-12-31T23:59:59.999999999Z');
    assert.equal(formatInstant(Date.UTC(2024, 0, 1), 0), '2024-01-01T00:00:00Z');
    assert.equal(formatInstant(Date.UTC(2023, 11, 31, 23, 59, 59, 1), 0), '2023-12-31T23:59:59.001Z');
  });
});
