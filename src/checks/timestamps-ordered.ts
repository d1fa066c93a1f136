import { compareTimestamps } from '../model/compare-timestamps.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';
import { subject } from './subject.js';

/**
 * A partition cannot have been last updated before it started: lastUpdatedAt >= createdAt. On a
 * FAILED partition the two may come from different brokers' clocks, so there it is inconclusive.
 */
export const timestampsOrdered = defineCheck({
  rule: 'timestamps-ordered',
  exercisedBy: 'partition with both createdAt and lastUpdatedAt',
  applies: (input) => backupViews(input).some((b) => b.details.some((d) => d.createdAt !== undefined && d.lastUpdatedAt !== undefined)),
  run(input, fail) {
    for (const backup of backupViews(input)) {
      for (const partition of backup.details) {
        if (partition.createdAt === undefined || partition.lastUpdatedAt === undefined) continue;
        const order = compareTimestamps(partition.lastUpdatedAt, partition.createdAt);
        if (order !== undefined && order < 0) {
          fail({
            kind: partition.state === 'FAILED' ? 'lastUpdatedAt-before-createdAt-on-failed' : 'lastUpdatedAt-before-createdAt',
            ...subject(backup.backupId),
            // A new leader marks an old leader's backup FAILED with its own clock (spec/NOTES.md#timestamps).
            ...(partition.state === 'FAILED' ? { verdict: 'inconclusive' as const } : {}),
            expected: 'lastUpdatedAt at or after createdAt',
            received:
              `backup ${backup.backupId ?? backup.at}, partition ${partition.partitionId}: createdAt ${partition.createdAt}, lastUpdatedAt ` +
              `${partition.lastUpdatedAt}`,
            ...(partition.state === 'FAILED' ? { specPointer: 'spec/NOTES.md#timestamps' } : {}),
          });
        }
      }
    }
  },
});
