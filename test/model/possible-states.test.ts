import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lifecycleRank, possibleStatesAfter } from '../../src/model/possible-states.js';

// state-transition-allowed: "accepted → ABSENT → INCOMPLETE → IN_PROGRESS → COMPLETED or FAILED";
// the spec names only the change "changed state from IN_PROGRESS to COMPLETED"
// (#/components/schemas/PartitionBackupInfo/properties/lastUpdatedAt/description).

const states = (event: Parameters<typeof possibleStatesAfter>[0]) => [...possibleStatesAfter(event)].sort();

describe('possible states after an event (state-transition-allowed)', () => {
  test('after a 202, every state, absent included, may be seen', () =>
    assert.deepEqual(states('accepted'), ['ABSENT', 'COMPLETED', 'FAILED', 'INCOMPLETE', 'IN_PROGRESS']));
  test('seeing ABSENT narrows nothing: "GET answers 404 for a while"', () =>
    assert.deepEqual(states('ABSENT'), ['ABSENT', 'COMPLETED', 'FAILED', 'INCOMPLETE', 'IN_PROGRESS']));
  test('a backup once seen is never absent again', () => assert.deepEqual(states('INCOMPLETE'), ['COMPLETED', 'FAILED', 'INCOMPLETE', 'IN_PROGRESS']));
  test('a backup once IN_PROGRESS is never INCOMPLETE again', () => assert.deepEqual(states('IN_PROGRESS'), ['COMPLETED', 'FAILED', 'IN_PROGRESS']));
  test('COMPLETED is final', () => assert.deepEqual(states('COMPLETED'), ['COMPLETED']));
  test('FAILED is final', () => assert.deepEqual(states('FAILED'), ['FAILED']));
});

describe('lifecycle rank: answers sent at once are ordered by it (state-transition-allowed)', () => {
  test('each state of the chain ranks above the one before it; COMPLETED and FAILED share the last place', () => {
    assert.deepEqual((['ABSENT', 'INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] as const).map(lifecycleRank), [0, 1, 2, 3, 3]);
  });
  test('an unknown sighting ranks with ABSENT, first', () => assert.equal(lifecycleRank(undefined), 0));
  test('every state a sighting may move on to ranks at least as high', () => {
    for (const from of ['ABSENT', 'INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] as const) {
      for (const to of possibleStatesAfter(from)) assert.ok(lifecycleRank(to) >= lifecycleRank(from), `${from} → ${to}`);
    }
  });
});
