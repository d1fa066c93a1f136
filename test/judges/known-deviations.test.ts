import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { applyProfile, describes } from '../../src/profiles/apply-profile.js';
import { readFileSync } from 'node:fs';
import {
  asynchronousDelete,
  backpressure503,
  continuousBackups400,
  delete400,
  deletedState,
  listUnsorted,
  numericStringIds,
  knownDeviations,
  scaling409,
} from '../../src/profiles/known-deviations.js';
import type { KnownDeviation, Profile } from '../../src/profiles/profile.js';

// The profiles' excuses: each known deviation matches the findings its release is known to produce
// and no others, so that a profile never hides a fault the spec names (the spec's sentence is the
// one of the rule each excuses, e.g. list-sorted-descending's "sorted in descending order of backupId").

const finding = (fields: Partial<Finding>): Finding =>
  ({ checkId: 'not-a-server-error', operation: 'GET /', expected: 'x', received: 'y', ...fields }) as Finding;

describe('known deviations: what each excuses', () => {
  test('list-unsorted excuses an unsorted pair of list-sorted-descending only, never an id listed twice', () => {
    assert.equal(describes(listUnsorted, finding({ checkId: 'list-sorted-descending', kind: 'ascending-pair' })), true);
    assert.equal(describes(listUnsorted, finding({ checkId: 'list-sorted-descending', kind: 'id-repeated' })), false);
    assert.equal(describes(listUnsorted, finding({ checkId: 'list-sorted-descending' })), false);
    assert.equal(describes(listUnsorted, finding({ checkId: 'partition-ids-unique', kind: 'ascending-pair' })), false);
  });
  test('backpressure-503 excuses a 503 to a POST, not another status or operation', () => {
    assert.equal(describes(backpressure503, finding({ operation: 'POST /', status: 503 })), true);
    assert.equal(describes(backpressure503, finding({ operation: 'POST /', status: 500 })), false);
    assert.equal(describes(backpressure503, finding({ operation: 'GET /', status: 503 })), false);
    assert.equal(describes(backpressure503, finding({ checkId: 'status-code-documented', operation: 'POST /', status: 503 })), false);
  });
  test('delete-400 excuses an undocumented 400 to a DELETE only', () => {
    const base = { checkId: 'status-code-documented', operation: 'DELETE /{backupId}', status: 400 } as const;
    assert.equal(describes(delete400, finding(base)), true);
    assert.equal(describes(delete400, finding({ ...base, status: 404 })), false);
    assert.equal(describes(delete400, finding({ ...base, operation: 'POST /' })), false);
    assert.equal(describes(delete400, finding({ ...base, checkId: 'not-a-server-error' })), false);
  });
  test('scaling-409 needs a POST, a 409 and the scaling message', () => {
    const base = {
      checkId: 'take-accepted-above-highest',
      operation: 'POST /',
      status: 409,
      answerMessage: 'Cannot take backup while Scaling is in progress',
    } as const;
    assert.equal(describes(scaling409, finding(base)), true);
    assert.equal(describes(scaling409, finding({ ...base, status: 400 })), false);
    assert.equal(describes(scaling409, finding({ ...base, operation: 'GET /' })), false);
    assert.equal(describes(scaling409, finding({ ...base, answerMessage: 'id not above highest' })), false);
    assert.equal(describes(scaling409, finding({ checkId: 'take-accepted-above-highest', operation: 'POST /', status: 409 })), false);
  });
  test('continuous-backups-400 needs a POST, a 400 and the continuous backups message', () => {
    const base = { checkId: 'take-accepted-above-highest', operation: 'POST /', status: 400, answerMessage: 'Continuous backups are enabled' } as const;
    assert.equal(describes(continuousBackups400, finding(base)), true);
    assert.equal(describes(continuousBackups400, finding({ ...base, status: 409 })), false);
    assert.equal(describes(continuousBackups400, finding({ ...base, operation: 'DELETE /{backupId}' })), false);
    assert.equal(describes(continuousBackups400, finding({ checkId: 'take-accepted-above-highest', operation: 'POST /', status: 400 })), false);
  });
  test('asynchronous-delete excuses a delete not yet shown, within its bound, never a backup back after it was seen gone', () => {
    const lingering = { checkId: 'deleted-backup-gone', kind: 'visible-after-delete', evidence: { visibleAfterDeleteMs: 30_000 } } as const;
    assert.equal(describes(asynchronousDelete, finding(lingering)), true);
    assert.equal(describes(asynchronousDelete, finding({ ...lingering, evidence: { visibleAfterDeleteMs: 30_001 } })), false);
    assert.equal(describes(asynchronousDelete, finding({ ...lingering, evidence: {} })), false);
    assert.equal(describes(asynchronousDelete, finding({ ...lingering, kind: 'back-after-seen-gone' })), false);
    assert.equal(describes(asynchronousDelete, finding({ ...lingering, checkId: 'list-holds-live-backups' })), false);
  });
  test('numeric-string-ids excuses invalid-take-refused at the numeric-string-ids note only', () => {
    assert.equal(describes(numericStringIds, finding({ checkId: 'invalid-take-refused', specPointer: 'spec/NOTES.md#numeric-string-ids' })), true);
    assert.equal(describes(numericStringIds, finding({ checkId: 'invalid-take-refused', specPointer: 'spec/NOTES.md#other' })), false);
    assert.equal(describes(numericStringIds, finding({ checkId: 'status-code-documented', specPointer: 'spec/NOTES.md#numeric-string-ids' })), false);
  });
});

describe('known deviations: deleted-state reads every schema issue', () => {
  const schema = (received: string) => finding({ checkId: 'response-schema-valid', received });
  const deleted = '/state must be equal to one of the allowed values COMPLETED, FAILED, got "DELETED"';
  test('excuses schema issues that are all about DELETED', () => {
    assert.equal(describes(deletedState, schema(deleted)), true);
    assert.equal(describes(deletedState, schema(`${deleted}; /details/0/state must be equal to one of the allowed values X, got "DELETED"`)), true);
  });
  test('not when another issue is among them, or when issues were left out ("and N more")', () => {
    assert.equal(describes(deletedState, schema(`${deleted}; /backupId must be integer`)), false);
    assert.equal(describes(deletedState, schema(`${deleted}; and 3 more`)), false);
    assert.equal(describes(deletedState, schema('/state must be equal to one of the allowed values COMPLETED, got "DELETING"')), false);
    assert.equal(describes(deletedState, schema('')), false);
    assert.equal(describes(deletedState, schema(`${deleted} once, then "DELETING"`)), false, 'the issue must end at DELETED');
  });
  test('not for another rule with the same text', () =>
    assert.equal(describes(deletedState, finding({ checkId: 'status-code-documented', received: deleted })), false));
});

describe('apply-profile', () => {
  const profile: Profile = { id: 'zeebe-8.5', title: 'Zeebe 8.5', deviations: [asynchronousDelete, listUnsorted] };
  test('a matched finding becomes a known deviation naming the deviation and its source', () => {
    const judged = applyProfile(profile, finding({ checkId: 'list-sorted-descending', kind: 'ascending-pair', verdict: 'violation' }));
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

describe('known deviations: what each says of itself', () => {
  /** The releases of a deviation as the README's profile table writes them. */
  const releasesText = ({ releases: { from, to } }: KnownDeviation): string => (to !== undefined ? `8.${from}–8.${to}` : from === 2 ? 'all' : `8.${from}+`);
  const readmeRows = (): Map<string, string> => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const rows = new Map<string, string>();
    for (const [, names, releases] of readme.matchAll(/^\| ((?:`[a-z0-9-]+`(?:, )?)+):[^|]*\| ([^|]+) \|/gm)) {
      for (const [, id] of (names as string).matchAll(/`([a-z0-9-]+)`/g)) rows.set(id as string, (releases as string).trim());
    }
    return rows;
  };

  test("holds for the releases the README's profile table names, every deviation in it once", () => {
    const rows = readmeRows();
    assert.deepEqual([...rows.keys()].sort(), knownDeviations.map((d) => d.id).sort());
    for (const deviation of knownDeviations) assert.equal(releasesText(deviation), rows.get(deviation.id), deviation.id);
  });

  test('says what the release does, where the evidence is, and how far the excuse reaches', () => {
    for (const deviation of knownDeviations) {
      assert.match(deviation.id, /^[a-z0-9]+(-[a-z0-9]+)+$/, deviation.id);
      for (const text of [deviation.description, deviation.source, deviation.bounds])
        assert.ok(text !== undefined && text.length > 10, `${deviation.id}: ${JSON.stringify(text)}`);
    }
    assert.match(asynchronousDelete.bounds ?? '', /at most 30 s after the delete/);
  });
});
