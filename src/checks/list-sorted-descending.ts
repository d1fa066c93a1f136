import { firstOrderViolation, firstRepeatedId, listOrderKinds } from '../model/list-order.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';

/** The list operation's answer is "sorted in descending order of backupId". */
export const listSortedDescending = defineCheck({
  rule: 'list-sorted-descending',
  exercisedBy: 'list answer holding two backups or more',
  // A list of one backup, or none, is in every order: it exercises nothing.
  applies: (input) => input.operation.role === 'list' && backupViews(input).filter((b) => b.backupId !== undefined).length >= 2,
  run(input, fail) {
    if (input.operation.role !== 'list') return;
    const ids = backupViews(input).flatMap((b) => (b.backupId === undefined ? [] : [b.backupId]));
    const shown = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', ');
    // A repeated id anywhere is its own kind of finding, even after an unsorted pair: a profile that
    // excuses the order of the list excuses no backup listed twice.
    const repeated = firstRepeatedId(ids);
    if (repeated !== undefined) {
      fail({
        kind: listOrderKinds.idRepeated,
        expected: 'backupIds strictly descending',
        received: `${repeated.id} listed twice, again at position ${repeated.index} (ids: ${shown})`,
      });
      return;
    }
    const violation = firstOrderViolation(ids);
    if (violation === undefined) return;
    fail({
      kind: listOrderKinds.ascendingPair,
      expected: 'backupIds strictly descending',
      received: `${violation.previous} then ${violation.next} at position ${violation.index} (ids: ${shown})`,
    });
  },
});
