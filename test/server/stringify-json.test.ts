import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stringifyJson } from '../../src/server/rendering/stringify-json.js';

describe('stringifyJson', () => {
  test('writes bigints as exact numbers, anywhere', () => {
    assert.equal(stringifyJson(9223372036854775807n), '9223372036854775807');
    assert.equal(
      stringifyJson({ id: -9223372036854775808n, list: [1n, { p: 2n ** 62n }] }),
      '{"id":-9223372036854775808,"list":[1,{"p":4611686018427387904}]}',
    );
  });

  test('leaves undefined members out and writes everything else as JSON.stringify does', () => {
    const value = { a: undefined, b: 'text "quoted" \u0000 end', c: [null, true, 1.5], d: {} };
    assert.equal(stringifyJson(value), JSON.stringify(value));
    assert.equal(stringifyJson({ a: undefined }), '{}');
  });

  test('does not mistake a string for a bigint', () => {
    for (const text of ['\u0000123', '\\u0000123', '123']) assert.equal(stringifyJson({ s: text, n: 1n }), `{"s":${JSON.stringify(text)},"n":1}`);
  });
});
