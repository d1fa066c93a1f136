import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elide, LONGEST_ECHOED_TEXT } from '../../src/text/elide.js';

test('a text within bounds comes back unchanged, a 40-digit probe value with it', () => {
  const text = `backup ${'9'.repeat(40)} refused with 400`;
  assert.equal(elide(text), text);
});

test('a megabyte of digits is cut to its start and its length, wherever it stands in the text', () => {
  const id = `1234${'0'.repeat(1_048_572)}`;
  assert.equal(elide(id), `1234000000000000…(1,048,576 digits)`);
  assert.equal(elide(`curl --data-raw '{"backupId":${id}}'`), `curl --data-raw '{"backupId":1234000000000000…(1,048,576 digits)}'`);
});

test('a long text without a long number is cut at a bound, with its whole length', () => {
  const body = `{"backupId":"${'a'.repeat(5_000)}"}`;
  const elided = elide(body);
  assert.ok(elided.length < LONGEST_ECHOED_TEXT, elided);
  assert.match(elided, /^\{"backupId":"a+…\(5,015 characters\)$/);
  assert.equal(elide(body, Number.POSITIVE_INFINITY), body);
});
