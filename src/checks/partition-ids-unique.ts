import { partitionSetIssues } from '../model/partition-set-issues.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';

/** `details` has one entry per partition: no partition twice, every id at least 1. */
export const partitionIdsUnique = defineCheck({
  rule: 'partition-ids-unique',
  exercisedBy: 'backup with partition details',
  applies: (input) => backupViews(input).some((b) => b.details.length > 0),
  run(input, fail) {
    for (const backup of backupViews(input)) {
      const ids = backup.details.map((d) => d.partitionId).filter((id): id is number => id !== undefined);
      const issues = partitionSetIssues(ids);
      if (issues.length > 0)
        fail({
          kind: partitionIssueKind(ids),
          ...(backup.backupId === undefined ? {} : { backupId: backup.backupId }),
          expected: 'each partition once in details',
          received: `backup ${backup.backupId ?? backup.at}: ${issues.join('; ')}`,
        });
    }
  },
});

/** What kinds of issue a partition set has, without the ids: `id-below-1`, `id-repeated`, or both. */
function partitionIssueKind(ids: readonly number[]): string {
  const kinds: string[] = [];
  if (ids.some((id) => !(id >= 1))) kinds.push('id-below-1');
  if (new Set(ids).size < ids.length) kinds.push('id-repeated');
  return kinds.join('+');
}
