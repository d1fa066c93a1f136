import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountRules, evaluationCounts } from '../../src/findings/rule-account.js';
import { violation } from '../helpers/sample-outcome.js';

const known = [
  {
    id: 'list-sorted-descending',
    title: 'The backup list is sorted by backupId, highest first',
    whyNotExercised: 'the run met no list answer holding two backups or more',
  },
  {
    id: 'timestamps-ordered',
    title: 'A partition is not updated before it was created',
    whyNotExercised: 'the run met no partition with both createdAt and lastUpdatedAt',
  },
];

test('a rule that never applied is not exercised, with why; one that did is counted, failed and passed apart', () => {
  const accounts = accountRules(
    known,
    [{ suite: 'smoke', operation: 'GET /', checkId: 'list-sorted-descending', runs: 5, failed: 1, outcome: 'violation' }],
    [violation],
  );
  assert.deepEqual(accounts, [
    { id: 'list-sorted-descending', title: known[0]!.title, exercised: 5, failed: 1, status: 'violation' },
    { id: 'timestamps-ordered', title: known[1]!.title, exercised: 0, failed: 0, status: 'not-exercised', notExercised: known[1]!.whyNotExercised },
  ]);
});

test("a suite rule's failures are its findings' sightings, and never more than its evaluations", () => {
  assert.deepEqual(evaluationCounts(10, 0, 3), { exercised: 10, failed: 3 });
  assert.deepEqual(evaluationCounts(0, 0, 2), { exercised: 2, failed: 2 });
  assert.deepEqual(evaluationCounts(4, 2, 900), { exercised: 4, failed: 2 }, 'the ledger counts evaluations; sightings may be many per answer');
});
