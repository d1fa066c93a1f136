import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { applyProfile } from '../../src/profiles/apply-profile.js';
import {
  asynchronousDelete,
  backpressure503,
  continuousBackups400,
  delete400,
  deletedState,
  listUnsorted,
  numericStringIds,
  scaling409,
} from '../../src/profiles/known-deviations.js';
import type { Profile } from '../../src/profiles/profile.js';

// The profiles' excuses: each known deviation matches the findings its release is known to produce
// and no others, so that a profile never hides a fault the spec names (the spec's sentence is the
// one of the rule each excuses, e.g. list-sorted-descending's "sorted in descending order of backupId").

const finding = (fields: Partial<Finding>): Finding => ({ checkId: 'not-a-server-error', operation: 'GET /', expected: 'x', received: 'y', ...fields }) as Finding;

describe('known deviations: what each excuses', () => {
  test('list-unsorted excuses list-sorted-descending only', () => {
    assert.equal(listUnsorted.matches(finding({ checkId: 'list-sorted-descending' })), true);
    assert.equal(listUnsorted.matches(finding({ checkId: 'partition-ids-unique' })), false);
  });
  test('backpressure-503 excuses a 503 to a POST, not another status or operation', () => {
    assert.equal(backpressure503.matches(finding({ operation: 'POST /', status: 503 })), true);
    assert.equal(backpressure503.matches(finding({ operation: 'POST /', status: 500 })), false);
    assert.equal(backpressure503.matches(finding({ operation: 'GET /', status: 503 })), false);
    assert.equal(backpressure503.matches(finding({ checkId: 'status-code-documented', operation: 'POST /', status: 503 })), false);
  });
  test('delete-400 excuses an undocumented 400 to a DELETE only', () => {
    const base = { checkId: 'status-code-documented', operation: 'DELETE /{backupId}', status: 400 } as const;
    assert.equal(delete400.matches(finding(base)), true);
    assert.equal(delete400.matches(finding({ ...base, status: 404 })), false);
    assert.equal(delete400.matches(finding({ ...base, operation: 'POST /' })), false);
    assert.equal(delete400.matches(finding({ ...base, checkId: 'not-a-server-error' })), false);
  });
  test('scaling-409 needs a POST, a 409 and the scaling message', () => {
    const base = { checkId: 'take-accepted-above-highest', operation: 'POST /', status: 409, answerMessage: 'Cannot take backup while Scaling is in progress' } as const;
    assert.equal(scaling409.matches(finding(base)), true);
    assert.equal(scaling409.matches(finding({ ...base, status: 400 })), false);
    assert.equal(scaling409.matches(finding({ ...base, operation: 'GET /' })), false);
    assert.equal(scaling409.matches(finding({ ...base, answerMessage: 'id not above highest' })), false);
    assert.equal(scaling409.matches(finding({ checkId: 'take-accepted-above-highest', operation: 'POST /', status: 409 })), false);
  });
  test('continuous-backups-400 needs a POST, a 400 and the continuous backups message', () => {
    const base = { checkId: 'take-accepted-above-highest', operation: 'POST /', status: 400, answerMessage: 'Continuous backups are enabled' } as const;
    assert.equal(continuousBackups400.matches(finding(base)), true);
    assert.equal(continuousBackups400.matches(finding({ ...base, status: 409 })), false);
    assert.equal(continuousBackups400.matches(finding({ ...base, operation: 'DELETE /{backupId}' })), false);
    assert.equal(continuousBackups400.matches(finding({ checkId: 'take-accepted-above-highest', operation: 'POST /', status: 400 })), false);
  });
  test('asynchronous-delete excuses deleted-backup-gone only', () => {
    assert.equal(asynchronousDelete.matches(finding({ checkId: 'deleted-backup-gone' })), true);
    assert.equal(asynchronousDelete.matches(finding({ checkId: 'list-holds-live-backups' })), false);
  });
  test('numeric-string-ids excuses invalid-take-refused at the numeric-string-ids note only', () => {
    assert.equal(numericStringIds.matches(finding({ checkId: 'invalid-take-refused', specPointer: 'spec/NOTES.md#numeric-string-ids' })), true);
    assert.equal(numericStringIds.matches(finding({ checkId: 'invalid-take-refused', specPointer: 'spec/NOTES.md#other' })), false);
    assert.equal(numericStringIds.matches(finding({ checkId: 'status-code-documented', specPointer: 'spec/NOTES.md#numeric-string-ids' })), false);
  });
});

describe('known deviations: deleted-state reads every schema issue', () => {
  const schema = (received: string) => finding({ checkId: 'response-schema-valid', received });
  const deleted = '/state must be equal to one of the allowed values COMPLETED, FAILED, got "DELETED"';
  test('excuses schema issues that are all about DELETED', () => {
    assert.equal(deletedState.matches(schema(deleted)), true);
    assert.equal(deletedState.matches(schema(`${deleted}; /details/0/state must be equal to one of the allowed values X, got "DELETED"`)), true);
  });
  test('not when another issue is among them, or when issues were left out ("and N more")', () => {
    assert.equal(deletedState.matches(schema(`${deleted}; /backupId must be integer`)), false);
    assert.equal(deletedState.matches(schema(`${deleted}; and 3 more`)), false);
    assert.equal(deletedState.matches(schema('/state must be equal to one of the allowed values COMPLETED, got "DELETING"')), false);
    assert.equal(deletedState.matches(schema('')), false);
  });
  test('not for another rule with the same text', () => assert.equal(deletedState.matches(finding({ checkId: 'status-code-documented', received: deleted })), false));
});

describe('apply-profile', () => {
  const profile: Profile = { id: 'zeebe-8.5', title: 'Zeebe 8.5', deviations: [asynchronousDelete, listUnsorted] };
  test('a matched finding becomes a known deviation naming the deviation and its source', () => {
    const judged = applyProfile(profile, finding({ checkId: 'list-sorted-descending', verdict: 'violation' }));
    assert.equal(judged.verdict, 'known-deviation');
    assert.deepEqual(judged.knownDeviation, { id: listUnsorted.id, description: listUnsorted.description, source: listUnsorted.source });
  });
  test('an unmatched finding is left as it was', () => {
    const original = finding({ checkId: 'partition-ids-unique', verdict: 'violation' });
    assert.equal(applyProfile(profile, original), original);
  });
  test('a finding already a known deviation is left as it was', () => {
    const original = finding({ checkId: 'list-sorted-descending', verdict: 'known-deviation' });
    assert.equal(applyProfile(profile, original), original);
  });
});
