import { partitionSetIssues } from '../model/partition-set-issues.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';

/** `details` has one entry per partition: no partition twice, every id at least 1. */
export const partitionIdsUnique = defineCheck({
  rule: 'partition-ids-unique',
  run(input, fail) {
    for (const backup of backupViews(input)) {
      const ids = backup.details.map((d) => d.partitionId).filter((id): id is number => id !== undefined);
      const issues = partitionSetIssues(ids);
      if (issues.length > 0) fail({ expected: 'each partition once in details', received: `backup ${backup.backupId ?? backup.at}: ${issues.join('; ')}` });
    }
  },
});
