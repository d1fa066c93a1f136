import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rawMemberValue } from '../../src/server/request/raw-member-value.js';

describe('rawMemberValue', () => {
  test('returns the raw text of a top-level member, whatever its type', () => {
    const text = '{ "a" : 12345678901234567890 , "b":"x,}\\"y", "c": {"a": [1, {"a": 2}]}, "d": [ "]" ], "e":true,"f":null}';
    assert.equal(rawMemberValue(text, 'a'), '12345678901234567890');
    assert.equal(rawMemberValue(text, 'b'), '"x,}\\"y"');
    assert.equal(rawMemberValue(text, 'c'), '{"a": [1, {"a": 2}]}');
    assert.equal(rawMemberValue(text, 'd'), '[ "]" ]');
    assert.equal(rawMemberValue(text, 'e'), 'true');
    assert.equal(rawMemberValue(text, 'f'), 'null');
  });

  test('ignores nested members, decodes escaped names, and lets the last duplicate win', () => {
    assert.equal(rawMemberValue('{"x": {"id": 1}}', 'id'), undefined);
    assert.equal(rawMemberValue('{"\\u0069d": 7}', 'id'), '7');
    assert.equal(rawMemberValue('{"id": 1, "id": -2.5e3}', 'id'), '-2.5e3');
    assert.equal(rawMemberValue('{}', 'id'), undefined);
  });
});
