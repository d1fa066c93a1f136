import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hasLongDigitRun, parseJson } from '../../src/http/parse-json.js';

test('keeps integers beyond 2^53 exactly and leaves the rest as JSON.parse does', () => {
  const parsed = parseJson('{"a":9223372036854775807,"b":[1.5,-9007199254740993,"12345678901234567"],"c":{"__proto__":1}}');
  assert.ok(parsed.ok);
  const exact = parsed.exact as { a: bigint; b: unknown[]; c: object };
  assert.equal(exact.a, 9223372036854775807n);
  assert.deepEqual(exact.b, [1.5, -9007199254740993n, '12345678901234567']);
  assert.ok(Object.hasOwn(exact.c, '__proto__'));
  assert.equal(typeof (parsed.value as { a: unknown }).a, 'number');
});

test('reports text that is not JSON instead of throwing', () => {
  const parsed = parseJson('<html>');
  assert.equal(parsed.ok, false);
});

// JSON values whose numbers are all safe: the exact reader must then agree with JSON.parse.
const safeJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value;

test('the exact reader agrees with JSON.parse wherever every number is safe', () => {
  fc.assert(
    fc.property(safeJson, (value) => {
      // The long digit string forces the exact reader, which short texts skip.
      const text = JSON.stringify({ pad: '12345678901234567', value });
      const parsed = parseJson(text);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.exact, JSON.parse(text));
    }),
  );
});

test('any int64 survives the round trip exactly', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.string(), (id, text) => {
      const parsed = parseJson(`[${id},${JSON.stringify(text)}]`);
      assert.ok(parsed.ok);
      const [got, gotText] = parsed.exact as [bigint | number, string];
      assert.equal(BigInt(got), id);
      assert.equal(gotText, text);
    }),
  );
});

test('a run of 16 digits is found wherever it starts, and 15 never are', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('1', '2', 'a', '"', ' ', '.'), maxLength: 80 }),
      fc.nat(80),
      fc.integer({ min: 1, max: 20 }),
      (text, at, length) => {
        const cut = Math.min(at, text.length);
        const withRun = `${text.slice(0, cut)}${'7'.repeat(length)}${text.slice(cut)}`;
        assert.equal(hasLongDigitRun(withRun), /\d{16,}/.test(withRun), withRun);
      },
    ),
  );
});

// JSON with integers of any size among strings full of digits, quotes and backslashes.
const digitsAndEscapes = fc.string({ unit: fc.constantFrom('1', '9', '"', '\\', ' ', 'e', '-', 'a') });
const wideJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    // Doubles written as integers beyond 2^53 are integers too: the bigints cover those.
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((double) => !Number.isInteger(double) || Number.isSafeInteger(double)),
    digitsAndEscapes,
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(digitsAndEscapes, fc.constant('__proto__')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function write(value: unknown): string {
  if (typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, member]) => `${JSON.stringify(key)}:${write(member)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** What the exact reading must give: integers beyond 2^53 as bigints, every other number as JSON.parse reads it. */
function expectedExact(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(expectedExact);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value))
      Object.defineProperty(result, key, { value: expectedExact(member), enumerable: true, writable: true, configurable: true });
    return result;
  }
  return JSON.parse(JSON.stringify(value));
}

test('integers of any size are read exactly, wherever they are, and JSON.parse reads the rest', () => {
  fc.assert(
    fc.property(wideJson, (value) => {
      const text = write(value);
      const parsed = parseJson(text);
      assert.ok(parsed.ok, text);
      assert.deepEqual(parsed.exact, expectedExact(value), text);
      assert.deepEqual(parsed.value, JSON.parse(text), text);
    }),
    { numRuns: 2_000 },
  );
});

test('duplicate keys keep the last value, as JSON.parse does', () => {
  const parsed = parseJson('{"a":{"b":12345678901234567890},"a":{"c":1},"d":1,"d":98765432109876543210}');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.exact, { a: { c: 1 }, d: 98765432109876543210n });
});
