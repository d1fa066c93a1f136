import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { contentTypeDocumented } from '../../src/checks/content-type-documented.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { Operation, ResponseSpec } from '../../src/spec/operation.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeFailedInput, makeInput } from '../helpers/make-input.js';

// content-type-documented: a body carries a media type its documented response lists (`content`
// of #/paths/~1{backupId}/get/responses/200), and a response documented without content (the
// delete's 204 "Backup is deleted") has no body.

let index: OperationIndex;
let get: Operation;
let remove: Operation;
let documented200: ResponseSpec | undefined;
before(async () => {
  index = await bundledIndex();
  get = index.byRole.get;
  remove = index.byRole.delete;
  documented200 = get.responseFor(200);
});

describe('content-type-documented', () => {
  test('applies to an answer with a body and a documented status only', () => {
    assert.equal(contentTypeDocumented.applies(makeInput(get, 200, { backupId: 1 })), true);
    assert.equal(contentTypeDocumented.applies(makeInput(get, 200)), false);
    assert.equal(contentTypeDocumented.applies(makeInput(get, 418, 'teapot')), false);
    assert.equal(contentTypeDocumented.applies(makeFailedInput(get, 'timeout')), false);
  });

  test('a documented media type, with parameters, passes; no body, no answer or an undocumented status are not judged', () => {
    assert.deepEqual(contentTypeDocumented.evaluate(makeInput(get, 200, { backupId: 1 }, { contentType: 'application/json; charset=utf-8' })), []);
    assert.deepEqual(contentTypeDocumented.evaluate(makeInput(remove, 204)), []);
    assert.deepEqual(contentTypeDocumented.evaluate(makeInput(get, 418, 'teapot', { contentType: null })), []);
    assert.deepEqual(contentTypeDocumented.evaluate(makeFailedInput(get, 'timeout')), []);
  });

  test('a body where the response is documented without content is reported, its length counted', () => {
    const documented = remove.responseFor(204);
    assert.deepEqual(contentTypeDocumented.evaluate(makeInput(remove, 204, 'ok', { contentType: 'text/plain' })), [
      {
        kind: 'body-where-none-documented',
        expected: `no body (204: ${documented?.description})`,
        received: 'a body of 2 characters',
        specPointer: documented?.pointer,
      },
    ]);
  });

  test('a body without a Content-Type header is reported, with the documented types', () =>
    assert.deepEqual(contentTypeDocumented.evaluate(makeInput(get, 200, { backupId: 1 }, { contentType: null })), [
      { kind: 'no-content-type', expected: 'Content-Type application/json', received: 'no Content-Type header', specPointer: documented200?.pointer },
    ]));

  test('an undocumented media type is reported by its essence', () =>
    assert.deepEqual(contentTypeDocumented.evaluate(makeInput(get, 200, '{}', { contentType: 'Text/Plain; charset=utf-8' })), [
      {
        kind: 'content-type-text/plain',
        expected: 'Content-Type application/json',
        received: 'Content-Type Text/Plain; charset=utf-8',
        specPointer: documented200?.pointer,
      },
    ]));
});
