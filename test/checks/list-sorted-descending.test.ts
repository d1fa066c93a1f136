import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { listSortedDescending } from '../../src/checks/list-sorted-descending.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

// list-sorted-descending: the list operation's answer is "sorted in descending order of backupId"
// (GET /, spec/backup-management-api.yaml).

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const backup = (backupId?: number) => ({ ...(backupId === undefined ? {} : { backupId }), state: 'COMPLETED', details: [] });
const list = (...ids: (number | undefined)[]) => makeInput(index.byRole.list, 200, ids.map(backup));

describe('list-sorted-descending: applies', () => {
  test('to a list answer with two backups with ids', () => assert.equal(listSortedDescending.applies(list(2, 1)), true));
  test('not to a list of one backup, or of one with an id: "in every order"', () => {
    assert.equal(listSortedDescending.applies(list(1)), false);
    assert.equal(listSortedDescending.applies(list(1, undefined)), false);
    assert.equal(listSortedDescending.applies(list()), false);
  });
  test('not to a get answer', () => assert.equal(listSortedDescending.applies(makeInput(index.byRole.get, 200, backup(1))), false));
});

describe('list-sorted-descending: kinds and messages', () => {
  test('an ascending pair is reported with its ids and position', () => {
    const [finding, ...rest] = listSortedDescending.evaluate(list(3, 1, 2));
    assert.deepEqual(rest, []);
    assert.equal(finding?.kind, 'ascending-pair');
    assert.equal(finding?.expected, 'backupIds strictly descending');
    assert.equal(finding?.received, '1 then 2 at position 2 (ids: 3, 1, 2)');
  });
  test('an id listed twice is "id-repeated": descending is strict', () => {
    const [finding] = listSortedDescending.evaluate(list(3, 3, 1));
    assert.equal(finding?.kind, 'id-repeated');
    assert.equal(finding?.received, '3 listed twice, again at position 1 (ids: 3, 3, 1)');
  });
  test('entries without an id are left out of the order', () => assert.deepEqual(listSortedDescending.evaluate(list(3, undefined, 2)), []));
  test('a list of more than twelve ids shows the first twelve', () => {
    const ids = [1, ...Array.from({ length: 12 }, (_, i) => 100 - i)];
    assert.equal(listSortedDescending.evaluate(list(...ids))[0]?.received, '1 then 100 at position 1 (ids: 1, 100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, …)');
  });
  test('a list of exactly twelve ids shows them all', () => {
    const ids = [1, ...Array.from({ length: 11 }, (_, i) => 100 - i)];
    assert.equal(listSortedDescending.evaluate(list(...ids))[0]?.received, '1 then 100 at position 1 (ids: 1, 100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90)');
  });
  test('a get answer is never judged, whatever its body', () =>
    assert.deepEqual(listSortedDescending.evaluate(makeInput(index.byRole.get, 200, [backup(1), backup(2)])), []));
});
