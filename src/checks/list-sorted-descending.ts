import { firstOrderViolation } from '../model/list-order.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';

/** The list operation's answer is "sorted in descending order of backupId". */
export const listSortedDescending = defineCheck({
  rule: 'list-sorted-descending',
  run(input, fail) {
    if (input.operation.role !== 'list') return;
    const ids = backupViews(input).flatMap((b) => (b.backupId === undefined ? [] : [b.backupId]));
    const violation = firstOrderViolation(ids);
    if (violation === undefined) return;
    const shown = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', ');
    fail({
      expected: 'backupIds strictly descending',
      received: `${violation.previous} then ${violation.next} at position ${violation.index} (ids: ${shown})`,
    });
  },
});
