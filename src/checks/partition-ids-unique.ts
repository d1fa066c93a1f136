import { partitionSetIssues } from '../model/partition-set-issues.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';
import { prosePointer } from './prose-pointer.js';

/** `details` has one entry per partition: no partition twice, every id at least 1. */
export const partitionIdsUnique = defineCheck({
  id: 'partition-ids-unique',
  title: 'details lists each partition once',
  severity: 'medium',
  run(input, fail) {
    for (const backup of backupViews(input)) {
      const ids = backup.details.map((d) => d.partitionId).filter((id): id is number => id !== undefined);
      const issues = partitionSetIssues(ids);
      if (issues.length > 0) fail({ expected: 'each partition once in details', received: `backup ${backup.backupId ?? backup.at}: ${issues.join('; ')}`, specPointer: prosePointer('details-one-per-partition') });
    }
  },
});
