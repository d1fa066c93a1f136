import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { statusCodeDocumented } from '../../src/checks/status-code-documented.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { Operation } from '../../src/spec/operation.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeFailedInput, makeInput } from '../helpers/make-input.js';

// status-code-documented: the status is one the operation's `responses` document; 5xx belong to
// not-a-server-error, a 4xx to an invalid request to the negative suite, and DELETE documents no 4xx
// at all (spec/NOTES.md#delete-undocumented-statuses).

let index: OperationIndex;
let take: Operation;
let remove: Operation;
let takeStatuses: string;
before(async () => {
  index = await bundledIndex();
  take = index.byRole.take;
  remove = index.byRole.delete;
  takeStatuses = take.responses.map((r) => r.key).join(', ');
});

describe('status-code-documented', () => {
  test('applies to an answer below 500 only', () => {
    assert.equal(statusCodeDocumented.applies(makeInput(take, 499)), true);
    assert.equal(statusCodeDocumented.applies(makeInput(take, 500)), false);
    assert.equal(statusCodeDocumented.applies(makeFailedInput(take, 'timeout')), false);
  });

  test('a documented status passes; a 5xx or no answer is not judged here', () => {
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(take, 202)), []);
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(take, 501)), []);
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(take, 500)), []);
    assert.deepEqual(statusCodeDocumented.evaluate(makeFailedInput(take, 'timeout')), []);
  });

  test('an undocumented 2xx is reported with the documented statuses and the responses pointer', () =>
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(take, 200)), [
      { kind: 'status-200', expected: `one of ${takeStatuses}`, received: '200', specPointer: `${take.pointer}/responses` },
    ]));

  test('an undocumented 4xx is reported for a valid request, not for an invalid one', () => {
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(take, 418)), [
      { kind: 'status-418', expected: `one of ${takeStatuses}`, received: '418', specPointer: `${take.pointer}/responses` },
    ]);
    assert.deepEqual(statusCodeDocumented.evaluate(makeInput(take, 418, undefined, { intent: 'invalid' })), []);
    assert.equal(statusCodeDocumented.evaluate(makeInput(take, 399, undefined, { intent: 'invalid' }))[0]?.kind, 'status-399');
  });

  test("a 4xx to DELETE, which documents none, points at the note on the delete's statuses; a 3xx does not", () => {
    assert.equal(statusCodeDocumented.evaluate(makeInput(remove, 404))[0]?.specPointer, 'spec/NOTES.md#delete-undocumented-statuses');
    assert.equal(statusCodeDocumented.evaluate(makeInput(remove, 400))[0]?.specPointer, 'spec/NOTES.md#delete-undocumented-statuses');
    assert.equal(statusCodeDocumented.evaluate(makeInput(remove, 304))[0]?.specPointer, `${remove.pointer}/responses`);
  });
});
