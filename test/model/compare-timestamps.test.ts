import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareTimestamps } from '../../src/model/compare-timestamps.js';

// Years 0002–9998, so that any offset keeps the local date within RFC 3339's four-digit years.
const instants = fc.date({ min: new Date('0002-01-01T00:00:00Z'), max: new Date('9998-12-31T23:59:59.999Z'), noInvalidDate: true });
const offsets = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });

/** The instant written as local time at `offsetMinutes` from UTC, with milliseconds. */
function withOffset(instant: Date, offsetMinutes: number, zulu: 'Z' | '+00:00' | '-00:00' = 'Z'): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  if (offsetMinutes === 0) return local + zulu;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The instant with `subMillisecond` nanoseconds (0–999999) added, written in UTC with trailing
 * zeros dropped, as Zeebe writes it; the exact count of nanoseconds since the epoch beside it.
 */
function withNanos(instant: Date, subMillisecond: number): { text: string; nanos: bigint } {
  const iso = instant.toISOString();
  const fraction = `${iso.slice(20, 23)}${String(subMillisecond).padStart(6, '0')}`.replace(/0+$/, '');
  const text = `${iso.slice(0, 19)}${fraction === '' ? '' : `.${fraction}`}Z`;
  return { text, nanos: BigInt(instant.getTime()) * 1_000_000n + BigInt(subMillisecond) };
}

const sign = (value: number | bigint) => (value > 0 ? 1 : value < 0 ? -1 : 0);

describe('compareTimestamps', () => {
  it('agrees with Date for millisecond timestamps at any offsets', () => {
    fc.assert(
      fc.property(instants, offsets, instants, offsets, (a, offsetA, b, offsetB) => {
        const left = withOffset(a, offsetA);
        const right = withOffset(b, offsetB);
        const result = compareTimestamps(left, right);
        assert.notEqual(result, undefined);
        assert.equal(sign(result ?? Number.NaN), sign(Date.parse(left) - Date.parse(right)));
      }),
    );
  });

  it('finds one instant equal to itself whatever the offset it is written at', () => {
    fc.assert(
      fc.property(instants, offsets, offsets, fc.constantFrom<'Z' | '+00:00' | '-00:00'>('Z', '+00:00', '-00:00'), (instant, offsetA, offsetB, zulu) => {
        assert.equal(compareTimestamps(withOffset(instant, offsetA, zulu), withOffset(instant, offsetB)), 0);
      }),
    );
  });

  it('is exact below the millisecond, where Date is not', () => {
    const subMillisecond = fc.integer({ min: 0, max: 999_999 });
    // Half of the pairs share their millisecond, so the nanoseconds alone decide.
    const pairs = instants.chain((a) => fc.tuple(fc.constant(a), fc.oneof(fc.constant(a), instants)));
    fc.assert(
      fc.property(pairs, subMillisecond, subMillisecond, ([a, b], extraA, extraB) => {
        const left = withNanos(a, extraA);
        const right = withNanos(b, extraB);
        assert.equal(compareTimestamps(left.text, right.text), sign(left.nanos - right.nanos));
      }),
    );
    // Two lastUpdatedAt values one hundred nanoseconds apart: Date sees one millisecond.
    const earlier = '2022-12-08T13:00:55.8475656Z';
    const later = '2022-12-08T13:00:55.84756566Z';
    assert.equal(Date.parse(earlier), Date.parse(later));
    assert.equal(compareTimestamps(earlier, later), -1);
    assert.equal(compareTimestamps(later, earlier), 1);
  });

  it('is exact beyond nanoseconds and ignores trailing zeros', () => {
    assert.equal(compareTimestamps('2022-09-15T13:10:38.1765140940001Z', '2022-09-15T13:10:38.176514094Z'), 1);
    assert.equal(compareTimestamps('2022-09-15T13:10:38.176514094000Z', '2022-09-15T13:10:38.176514094Z'), 0);
    assert.equal(compareTimestamps('2022-09-15T13:10:38.000Z', '2022-09-15T13:10:38Z'), 0);
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(instants, offsets, instants, offsets, (a, offsetA, b, offsetB) => {
        const left = withOffset(a, offsetA);
        const right = withOffset(b, offsetB);
        // A sum of 0, not a negation: strict equality tells 0 from -0, which would fail equal instants.
        assert.equal(sign(compareTimestamps(left, right) ?? Number.NaN) + sign(compareTimestamps(right, left) ?? Number.NaN), 0);
      }),
    );
  });

  it('orders the real createdAt and lastUpdatedAt of the docs example', () => {
    assert.equal(compareTimestamps('2022-12-08T13:00:55.370965069Z', '2022-12-08T13:00:55.84756566Z'), -1);
    assert.equal(compareTimestamps('2025-06-03T08:06:06.246997293Z', '2025-06-03T08:06:10.408893628Z'), -1);
  });

  it('accepts lower-case t and z, and applies offsets across midnight', () => {
    assert.equal(compareTimestamps('2022-12-08t13:00:55z', '2022-12-08T13:00:55Z'), 0);
    assert.equal(compareTimestamps('2022-12-09T01:30:00+02:00', '2022-12-08T23:30:00Z'), 0);
    assert.equal(compareTimestamps('2022-12-31T23:30:00-01:00', '2023-01-01T00:30:00Z'), 0);
  });

  it('places a leap second between the last second of the day and midnight', () => {
    const leap = '2016-12-31T23:59:60Z';
    assert.equal(compareTimestamps('2016-12-31T23:59:59.999999999Z', leap), -1);
    assert.equal(compareTimestamps(leap, '2017-01-01T00:00:00Z'), -1);
    assert.equal(compareTimestamps('2017-01-01T08:59:60.5+09:00', '2016-12-31T23:59:60.5Z'), 0);
    assert.equal(compareTimestamps('2016-12-31T12:59:60Z', leap), undefined);
    assert.equal(compareTimestamps('2016-12-31T23:59:61Z', leap), undefined);
  });

  it('is undefined when either side is not an RFC 3339 date-time', () => {
    const valid = '2022-12-08T13:00:55Z';
    for (const text of [
      '',
      '2022-12-08',
      '2022-12-08T13:00:55',
      '2022-12-08 13:00:55Z',
      '2026-03-18T13:22:11.781+0000',
      '2022-12-08T13:00:55.Z',
      '2022-13-01T00:00:00Z',
      '2022-02-29T00:00:00Z',
      '2022-04-31T00:00:00Z',
      '2022-12-08T24:00:00Z',
      '2022-12-08T13:60:00Z',
      '2022-12-08T13:00:00+24:00',
      'Fri Nov 27 2026 03:31:35 GMT+0000',
    ]) {
      assert.equal(compareTimestamps(text, valid), undefined, text);
      assert.equal(compareTimestamps(valid, text), undefined, text);
    }
    assert.equal(compareTimestamps('2024-02-29T00:00:00Z', '2000-02-29T00:00:00Z'), 1);
    assert.equal(compareTimestamps('1900-02-29T00:00:00Z', valid), undefined);
  });
});
