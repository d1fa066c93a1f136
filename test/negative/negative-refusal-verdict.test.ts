import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerKindOf, type Answer } from '../../src/api/answer.js';
import type { RoleStatuses } from '../../src/spec/role-statuses.js';
import { refusalVerdict as verdictOfAnswer } from '../../suites/negative/negative-refusal-verdict.js';
import type { Expectation } from '../../generators/invalid-inputs/invalid-probe.js';

const zero = { kind: 'may-accept', note: 'spec/NOTES.md#backupid-minimum-vs-positive', conflictInconclusive: true } as const;
// The take's statuses, as the bundled spec documents them.
const statuses = { accepted: 202, conflict: 409, listed: 200, found: 200, notFound: 404, deleted: 204 } satisfies RoleStatuses;

/** The verdict on a take answered with this status, read as the API reads it. */
function refusalVerdict(expectation: Expectation, status: number | undefined, roleStatuses: RoleStatuses) {
  const kind = answerKindOf('take', roleStatuses, status);
  const answer: Answer = kind === 'success' ? { kind: 'accepted' } : kind;
  return verdictOfAnswer(expectation, answer);
}
const numericString = { kind: 'may-accept', note: 'spec/NOTES.md#numeric-string-ids' } as const;

describe('refusalVerdict', () => {
  test('any 4xx refuses an invalid request', () => {
    for (const status of [400, 404, 405, 409, 413, 415, 422]) assert.equal(refusalVerdict({ kind: 'refuse' }, status, statuses), undefined, String(status));
  });

  test('a 2xx to a request that must be refused is a violation', () => {
    for (const status of [200, 202, 204]) assert.deepEqual(refusalVerdict({ kind: 'refuse' }, status, statuses), { verdict: 'violation' });
  });

  test('a 2xx where the spec is ambiguous is inconclusive and names the note', () => {
    assert.deepEqual(refusalVerdict(numericString, 202, statuses), { verdict: 'inconclusive', note: 'spec/NOTES.md#numeric-string-ids' });
    assert.equal(refusalVerdict(numericString, 400, statuses), undefined);
    assert.equal(refusalVerdict(numericString, 409, statuses), undefined);
  });

  test('a 409 to a take of 0 is inconclusive, a 400 conformant', () => {
    assert.equal(refusalVerdict(zero, 409, statuses)?.verdict, 'inconclusive');
    assert.equal(refusalVerdict(zero, 202, statuses)?.verdict, 'inconclusive');
    assert.equal(refusalVerdict(zero, 400, statuses), undefined);
  });

  test('leaves 5xx, 3xx, no answer and valid requests to other checks', () => {
    assert.equal(refusalVerdict({ kind: 'refuse' }, 500, statuses), undefined);
    assert.equal(refusalVerdict({ kind: 'refuse' }, 302, statuses), undefined);
    assert.equal(refusalVerdict({ kind: 'refuse' }, undefined, statuses), undefined);
    assert.equal(refusalVerdict({ kind: 'valid' }, 202, statuses), undefined);
    assert.equal(refusalVerdict({ kind: 'valid' }, 400, statuses), undefined);
  });
});
