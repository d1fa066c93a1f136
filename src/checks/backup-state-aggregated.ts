import { aggregateState } from '../model/aggregate-state.js';
import { backupViews } from './backup-views.js';
import { defineCheck } from './check.js';

/** The overall state of each backup equals the spec's aggregation rule applied to its partitions. */
export const backupStateAggregated = defineCheck({
  rule: 'backup-state-aggregated',
  run(input, fail) {
    for (const backup of backupViews(input)) {
      const states = backup.details.map((d) => d.state).filter((s): s is string => s !== undefined);
      if (backup.state === undefined || states.length === 0 || states.length !== backup.details.length) continue;
      const expected = aggregateState(states);
      const where = `backup ${backup.backupId ?? backup.at} with partition states ${states.join(', ')}`;
      if (expected !== backup.state && states.every((s) => s === 'DOES_NOT_EXIST')) {
        // The rule says INCOMPLETE, the enum offers DOES_NOT_EXIST, and Zeebe answers 404 instead.
        fail({ expected: `${expected} by the rule, or no such backup at all`, received: `${backup.state} for ${where}`, verdict: 'inconclusive', specPointer: 'spec/NOTES.md#all-partitions-does-not-exist' });
      } else if (expected === undefined) {
        fail({ expected: 'a combination of partition states the aggregation rule covers', received: `${backup.state} for ${where}`, verdict: 'inconclusive', specPointer: 'spec/NOTES.md#incompatible-aggregation' });
      } else if (expected !== backup.state) {
        fail({ expected: `${expected} for ${where}`, received: backup.state });
      }
    }
  },
});
