import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatRunTime, niceTicks } from '../../../reports/html/time-axis.js';

test('ticks fall on round numbers inside the range', () => {
  assert.deepEqual(niceTicks(0, 1000, 5), [0, 200, 400, 600, 800, 1000]);
  assert.deepEqual(niceTicks(95, 5405, 7), [1000, 2000, 3000, 4000, 5000]);
  assert.deepEqual(niceTicks(312, 458, 7), [320, 340, 360, 380, 400, 420, 440]);
});

test('any range gets a handful of ticks, all inside it, evenly spaced', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 1, max: 1e7, noNaN: true }), (start, length) => {
      const ticks = niceTicks(start, start + length, 7);
      assert.ok(ticks.length >= 2 && ticks.length <= 15, `${ticks.length} ticks`);
      for (const tick of ticks) assert.ok(tick >= start - 1e-6 && tick <= start + length + 1e-6);
    }),
  );
});

test('times read in seconds, with the decimals the tick step needs', () => {
  assert.equal(formatRunTime(2000, 1000), '2 s');
  assert.equal(formatRunTime(420, 20), '0.42 s');
  assert.equal(formatRunTime(421, 1), '0.421 s');
});
