import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { notAServerError } from '../../src/checks/not-a-server-error.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { Operation } from '../../src/spec/operation.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeFailedInput, makeInput } from '../helpers/make-input.js';

// not-a-server-error: the spec documents 500 as "Internal Error", which is not an answer. A 5xx to
// an invalid request, a 500, or a 502/503/504 that repeats on retry is a violation; a one-off
// 502/503/504 to a valid request is inconclusive (spec/NOTES.md#undocumented-5xx).

let index: OperationIndex;
let take: Operation;
before(async () => {
  index = await bundledIndex();
  take = index.byRole.take;
});
const POINTER = 'spec/NOTES.md#undocumented-5xx';

describe('not-a-server-error', () => {
  test('applies to every answer, and not to a request that got none', () => {
    assert.equal(notAServerError.applies(makeInput(take, 202)), true);
    assert.equal(notAServerError.applies(makeFailedInput(take, 'timeout')), false);
    assert.deepEqual(notAServerError.evaluate(makeFailedInput(take, 'timeout')), []);
  });

  test('a 4xx or 499 passes; 500 is the first server error', () => {
    assert.deepEqual(notAServerError.evaluate(makeInput(take, 499)), []);
    assert.deepEqual(notAServerError.evaluate(makeInput(take, 409, { message: 'exists' })), []);
    assert.deepEqual(notAServerError.evaluate(makeInput(take, 500)), [
      { kind: 'status-500', expected: 'a non-5xx answer', received: '500', specPointer: POINTER },
    ]);
  });

  test('a 5xx to an invalid request is a violation, whatever the status, the body summarised on one line', () => {
    const [draft] = notAServerError.evaluate(makeInput(take, 503, '  oops\n  at  line 2  ', { intent: 'invalid', contentType: 'text/plain' }));
    assert.deepEqual(draft, {
      kind: 'status-503-to-invalid-request',
      expected: 'a 4xx refusal of an invalid request',
      received: '503 (oops at line 2)',
      specPointer: POINTER,
    });
  });

  test('a one-off 502, 503 or 504 to a valid request is inconclusive', () => {
    for (const status of [502, 503, 504]) {
      assert.deepEqual(notAServerError.evaluate(makeInput(take, status)), [
        {
          kind: `status-${status}-once`,
          expected: 'a non-5xx answer',
          received: `${status} (once; the cluster may have been unavailable)`,
          verdict: 'inconclusive',
          specPointer: POINTER,
        },
      ]);
    }
  });

  test('a gateway error that repeats on retry is a violation, saying so', () => {
    assert.deepEqual(notAServerError.evaluate(makeInput(take, 503, undefined, { repeated: true })), [
      { kind: 'status-503-repeated', expected: 'a non-5xx answer', received: '503, again on retry', specPointer: POINTER },
    ]);
    assert.equal(notAServerError.evaluate(makeInput(take, 503, undefined, { repeated: false }))[0]?.verdict, 'inconclusive');
  });

  test('a 500 with a body says the first 120 characters of it, then an ellipsis', () => {
    const [draft] = notAServerError.evaluate(makeInput(take, 500, 'x'.repeat(121), { contentType: 'text/plain' }));
    assert.equal(draft?.received, `500 (${'x'.repeat(120)}…)`);
    const [whole] = notAServerError.evaluate(makeInput(take, 500, 'y'.repeat(120), { contentType: 'text/plain' }));
    assert.equal(whole?.received, `500 (${'y'.repeat(120)})`);
    const [blank] = notAServerError.evaluate(makeInput(take, 500, ' \n ', { contentType: 'text/plain' }));
    assert.equal(blank?.received, '500');
  });
});
