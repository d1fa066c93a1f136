import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backupSighting, lookupAnswerOf } from '../../src/model/backup-sighting.js';

// state-transition-allowed judges sightings. spec/NOTES.md#all-partitions-does-not-exist: a 200
// whose partitions all say DOES_NOT_EXIST is the 404's "does not exist"; INCOMPATIBLE "has no
// documented place in a backup's life" (spec/NOTES.md#incompatible-aggregation).

describe('backup sighting (state-transition-allowed)', () => {
  test('a 404 is ABSENT, whatever else is given', () => assert.equal(backupSighting('not-found', 'COMPLETED', ['COMPLETED']), 'ABSENT'));
  test('an answer that is neither found nor not found tells nothing', () => assert.equal(backupSighting('other', 'COMPLETED', ['COMPLETED']), undefined));
  for (const state of ['INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] as const) {
    test(`a found backup in ${state} is seen in ${state}`, () =>
      assert.equal(backupSighting('found', state, [state === 'INCOMPLETE' ? 'IN_PROGRESS' : state]), state));
  }
  test('a found backup without partitions is seen in its own state', () => assert.equal(backupSighting('found', 'IN_PROGRESS'), 'IN_PROGRESS'));
  test('an overall DOES_NOT_EXIST is ABSENT', () => assert.equal(backupSighting('found', 'DOES_NOT_EXIST', ['COMPLETED']), 'ABSENT'));
  test('"a 200 whose partitions all say DOES_NOT_EXIST" is ABSENT, whatever its overall state', () =>
    assert.equal(backupSighting('found', 'INCOMPLETE', ['DOES_NOT_EXIST', 'DOES_NOT_EXIST']), 'ABSENT'));
  test('one partition that exists keeps the backup there', () =>
    assert.equal(backupSighting('found', 'INCOMPLETE', ['DOES_NOT_EXIST', 'IN_PROGRESS']), 'INCOMPLETE'));
  test('INCOMPATIBLE, an unknown state, or a state that is not text, is not placed', () => {
    assert.equal(backupSighting('found', 'INCOMPATIBLE', ['COMPLETED']), undefined);
    assert.equal(backupSighting('found', 'DELETED', ['COMPLETED']), undefined);
    assert.equal(backupSighting('found', 3, ['COMPLETED']), undefined);
    assert.equal(backupSighting('found', undefined, []), undefined);
  });
});

describe('lookup answer of an API answer kind', () => {
  test('found and listed are found', () => {
    assert.equal(lookupAnswerOf({ kind: 'found' }), 'found');
    assert.equal(lookupAnswerOf({ kind: 'listed' }), 'found');
  });
  test('not-found is not-found', () => assert.equal(lookupAnswerOf({ kind: 'not-found' }), 'not-found'));
  test('anything else is other', () => {
    assert.equal(lookupAnswerOf({ kind: 'unclear' }), 'other');
    assert.equal(lookupAnswerOf({ kind: 'refused' }), 'other');
  });
});
