import { aggregateState } from '../model/aggregate-state.js';
import { backupViews, type BackupView } from './backup-views.js';
import { defineCheck } from './check.js';
import { subject } from './subject.js';

/** The overall state of each backup equals the spec's aggregation rule applied to its partitions. */
export const backupStateAggregated = defineCheck({
  rule: 'backup-state-aggregated',
  exercisedBy: 'backup with a state and a state on each partition',
  applies: (input) => backupViews(input).some(hasEveryState),
  run(input, fail) {
    for (const backup of backupViews(input)) {
      if (!hasEveryState(backup)) continue;
      const states = backup.details.map((d) => d.state).filter((s): s is string => s !== undefined);
      const expected = aggregateState(states);
      if (expected === backup.state) continue;
      // Built only for a finding: joining the states of every backup of a long list costs megabytes.
      const where = `backup ${backup.backupId ?? backup.at} with partition states ${states.join(', ')}`;
      if (expected !== backup.state && states.every((s) => s === 'DOES_NOT_EXIST')) {
        // The rule says INCOMPLETE, the enum offers DOES_NOT_EXIST, and Zeebe answers 404 instead.
        fail({
          kind: `${backup.state}-for-all-does-not-exist`,
          ...subject(backup.backupId),
          expected: `${expected} by the rule, or no such backup at all`,
          received: `${backup.state} for ${where}`,
          verdict: 'inconclusive',
          specPointer: 'spec/NOTES.md#all-partitions-does-not-exist',
        });
      } else if (expected === undefined) {
        fail({
          kind: `${backup.state}-for-uncovered-states`,
          ...subject(backup.backupId),
          expected: 'a combination of partition states the aggregation rule covers',
          received: `${backup.state} for ${where}`,
          verdict: 'inconclusive',
          specPointer: 'spec/NOTES.md#incompatible-aggregation',
        });
      } else if (expected !== backup.state) {
        fail({ kind: `${backup.state}-where-${expected}`, ...subject(backup.backupId), expected: `${expected} for ${where}`, received: backup.state });
      }
    }
  },
});

/** A backup the rule can judge: an overall state, and a state on each of its partitions (at least one). */
function hasEveryState(backup: BackupView): backup is BackupView & { readonly state: string } {
  return backup.state !== undefined && backup.details.length > 0 && backup.details.every((d) => d.state !== undefined);
}
