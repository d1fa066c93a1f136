import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { partitionIdsUnique } from '../../src/checks/partition-ids-unique.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

// partition-ids-unique: "details lists each partition once", every partition id at least 1
// (#/components/schemas/PartitionBackupInfo/properties/partitionId).

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const partition = (partitionId?: number) => ({ ...(partitionId === undefined ? {} : { partitionId }), state: 'COMPLETED' });
const backup = (partitionIds: (number | undefined)[], backupId: number | null = 7) => ({
  ...(backupId === null ? {} : { backupId }),
  state: 'COMPLETED',
  details: partitionIds.map(partition),
});

describe('partition-ids-unique: applies', () => {
  test('to a backup with partition details', () => assert.equal(partitionIdsUnique.applies(makeInput(index.byRole.get, 200, backup([1]))), true));
  test('not to a backup without details, or to a list without any', () => {
    assert.equal(partitionIdsUnique.applies(makeInput(index.byRole.get, 200, backup([]))), false);
    assert.equal(partitionIdsUnique.applies(makeInput(index.byRole.list, 200, [backup([]), backup([], 6)])), false);
  });
  test('to a list in which one backup has details', () =>
    assert.equal(partitionIdsUnique.applies(makeInput(index.byRole.list, 200, [backup([]), backup([1], 6)])), true));
});

describe('partition-ids-unique: kinds and messages', () => {
  test('distinct ids from 1 pass, in any order', () => assert.deepEqual(partitionIdsUnique.evaluate(makeInput(index.byRole.get, 200, backup([3, 1, 2]))), []));
  test('a partition twice is "id-repeated", counted on its backup', () => {
    const [finding, ...rest] = partitionIdsUnique.evaluate(makeInput(index.byRole.get, 200, backup([1, 2, 1])));
    assert.deepEqual(rest, []);
    assert.equal(finding?.kind, 'id-repeated');
    assert.equal(finding?.backupId, 7n);
    assert.equal(finding?.expected, 'each partition once in details');
    assert.match(finding?.received ?? '', /^backup 7: /);
  });
  test('an id of 0 is "id-below-1"; 1 is the lowest id allowed', () => {
    assert.equal(partitionIdsUnique.evaluate(makeInput(index.byRole.get, 200, backup([0, 1])))[0]?.kind, 'id-below-1');
    assert.deepEqual(partitionIdsUnique.evaluate(makeInput(index.byRole.get, 200, backup([1]))), []);
  });
  test('both issues at once are "id-below-1+id-repeated"', () =>
    assert.equal(partitionIdsUnique.evaluate(makeInput(index.byRole.get, 200, backup([0, 0])))[0]?.kind, 'id-below-1+id-repeated'));
  test('a backup without an id is named by where it is in the list, and counted on none', () => {
    const findings = partitionIdsUnique.evaluate(makeInput(index.byRole.list, 200, [backup([1]), backup([2, 2], null)]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.backupId, undefined);
    assert.equal('backupId' in (findings[0] ?? {}), false);
    assert.match(findings[0]?.received ?? '', /^backup \/1: /);
  });
  test('entries without a partition id are not counted as repeats', () =>
    assert.deepEqual(partitionIdsUnique.evaluate(makeInput(index.byRole.get, 200, backup([1, undefined, undefined]))), []));
});
