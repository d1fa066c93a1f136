import { firstOrderViolation } from '../model/list-order.js';
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
    const violation = firstOrderViolation(ids);
    if (violation === undefined) return;
    const shown = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', ');
    fail({
      kind: violation.previous === violation.next ? 'id-repeated' : 'ascending-pair',
      expected: 'backupIds strictly descending',
      received: `${violation.previous} then ${violation.next} at position ${violation.index} (ids: ${shown})`,
    });
  },
});
