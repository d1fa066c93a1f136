import { failureReasonIssue } from '../model/failure-reason-rule.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';
import { subject } from './subject.js';

/** A failure reason is given only where something failed: on the backup, and on each partition. */
export const failureReasonOnlyWhenFailed = defineCheck({
  rule: 'failure-reason-only-when-failed',
  exercisedBy: 'backup or partition with a state',
  applies: (input) => backupViews(input).some((b) => b.state !== undefined || b.details.some((d) => d.state !== undefined)),
  run(input, fail) {
    for (const backup of backupViews(input)) {
      const issue = backup.state === undefined ? undefined : failureReasonIssue(backup.state, backup.failureReason);
      if (issue !== undefined)
        fail({
          kind: `backup-reason-on-${backup.state}`,
          ...subject(backup.backupId),
          expected: "no failureReason unless the state is 'FAILED'",
          received: `backup ${backup.backupId ?? backup.at}: ${issue}`,
        });
      for (const partition of backup.details) {
        const partitionIssue = partition.state === undefined ? undefined : failureReasonIssue(partition.state, partition.failureReason);
        if (partitionIssue !== undefined) {
          fail({
            kind: `partition-reason-on-${partition.state}`,
            ...subject(backup.backupId),
            expected: "no failureReason unless the state is 'FAILED'",
            received: `backup ${backup.backupId ?? backup.at}, partition ${partition.partitionId}: ${partitionIssue}`,
            prose: 'partition-failure-reason-when-failed',
          });
        }
      }
    }
  },
});
