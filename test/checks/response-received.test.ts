import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { responseReceived } from '../../src/checks/response-received.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { Operation } from '../../src/spec/operation.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeFailedInput, makeInput } from '../helpers/make-input.js';

// response-received: every request gets a complete HTTP response; a timeout or a connection dropped
// before a full response breaks the contract (STYLE.md: a server that stops answering is a finding).

let index: OperationIndex;
let list: Operation;
before(async () => {
  index = await bundledIndex();
  list = index.byRole.list;
});

describe('response-received', () => {
  test('applies to every request, and any answer passes, a 500 too', () => {
    assert.equal(responseReceived.applies(makeFailedInput(list, 'timeout')), true);
    assert.deepEqual(responseReceived.evaluate(makeInput(list, 500)), []);
  });

  test('a timeout expects a response within the request timeout, naming the failure', () =>
    assert.deepEqual(responseReceived.evaluate(makeFailedInput(list, 'timeout')), [
      { kind: 'timeout', expected: 'a complete response within the request timeout', received: 'timeout: gone' },
    ]));

  test('a dropped connection expects a complete HTTP response', () =>
    assert.deepEqual(responseReceived.evaluate(makeFailedInput(list, 'connection-reset')), [
      { kind: 'connection-reset', expected: 'a complete HTTP response', received: 'connection-reset: gone' },
    ]));
});
