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
    fc.property(fc.string({ unit: fc.constantFrom('1', '2', 'a', '"', ' ', '.'), maxLength: 80 }), fc.nat(80), fc.integer({ min: 1, max: 20 }), (text, at, length) => {
      const cut = Math.min(at, text.length);
      const withRun = `${text.slice(0, cut)}${'7'.repeat(length)}${text.slice(cut)}`;
      assert.equal(hasLongDigitRun(withRun), /\d{16,}/.test(withRun), withRun);
    }),
  );
});
