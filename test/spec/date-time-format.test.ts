import assert from 'node:assert/strict';
import { test } from 'node:test';
import ajvFormats, { type FormatsPlugin } from 'ajv-formats';
import type { FormatDefinition } from 'ajv';
import fc from 'fast-check';
import { withFastDateTime } from '../../src/spec/date-time-format.js';

const original = ((ajvFormats as unknown as FormatsPlugin).get('date-time') as FormatDefinition<string>).validate as (text: string) => boolean;
const fast = withFastDateTime(original);

const digits = (count: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: count, maxLength: count });
// Near the shape servers send, each part sometimes out of range or replaced, so both paths are taken.
const part = (count: number) => fc.oneof(digits(count), fc.string({ unit: fc.constantFrom(...'0123456789 :-.Tt+zZ'), maxLength: count + 1 }));
const separator = (usual: string) => fc.oneof(fc.constant(usual), fc.constantFrom('-', ':', 'T', 't', ' ', '.', 'Z', ''));
const nearTimestamp = fc
  .tuple(
    part(4),
    separator('-'),
    part(2),
    separator('-'),
    part(2),
    separator('T'),
    part(2),
    separator(':'),
    part(2),
    separator(':'),
    part(2),
    fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom(...'.0123456789'), maxLength: 12 })),
    fc.constantFrom('Z', 'z', '', '+01:00', '-23:59', '+2400', 'Zx'),
  )
  .map((parts) => parts.join(''));

test('the fast date-time check answers exactly as ajv-formats does', () => {
  fc.assert(
    fc.property(fc.oneof(nearTimestamp, fc.string()), (text) => {
      assert.equal(fast(text), original(text), text);
    }),
    { numRuns: 20_000 },
  );
});

test('the fast date-time check on the edges: leap days and seconds, offsets, fractions', () => {
  for (const text of [
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2000-02-29T23:59:59.999999999Z',
    '2016-12-31T23:59:60Z',
    '2024-04-31T10:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:00:00.Z',
    '2024-01-01T10:00:00+01:00',
    '2024-01-01t10:00:00z',
    '2024-01-01 10:00:00Z',
    '0000-01-01T00:00:00Z',
  ]) {
    assert.equal(fast(text), original(text), text);
  }
});
