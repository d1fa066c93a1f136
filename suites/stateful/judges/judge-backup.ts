import type { Sighting } from '../../../src/model/backup-sighting.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import type { Operation } from '../../../src/spec/operation.js';
import type { ObservedBackup } from '../model/observed-backups.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * Judges one sighting of a backup of the run, throwing a PropertyViolation when a rule is broken:
 * its state against the states the model allows (live backups only), then, when it is there, its
 * partition set against the run's other backups, its fixed facts against its own earlier answers,
 * and its checkpoint positions against the run's other backups.
 *
 * @param received the answer in a few words, for the finding.
 */
export function judgeBackup(
  model: BackupModel,
  system: StatefulSystem,
  operation: Operation,
  id: bigint,
  sighting: Sighting,
  observed: ObservedBackup | undefined,
  received: string,
): void {
  if (model.tracked(id)?.status === 'live') {
    const outcome = model.sight(id, sighting);
    if (!outcome.allowed) {
      // A live backup may be seen first in any state, and in any again after ABSENT: a sighting the
      // model refuses always has a last one, and ABSENT is neither that one nor among those allowed.
      const before = outcome.lastSeen === undefined ? '' : ` (it was ${outcome.lastSeen} before)`;
      throw system.violation(
        'state-transition-allowed',
        operation,
        `backup ${id} ${[...outcome.possible].join(' or ')}${before}`,
        `${received} for backup ${id}`,
      );
    }
    system.passed(operation, 'state-transition-allowed');
  }
  if (observed === undefined || sighting === 'ABSENT') return;

  const first = model.notePartitions(observed.partitionIds, `backup ${id} in ${operation.label}`);
  if (first !== undefined) {
    throw system.violation(
      'partition-set-stable',
      operation,
      `partitions ${partitionText(first.partitionIds)} in details, as for ${first.where}`,
      `partitions ${partitionText(observed.partitionIds)} for backup ${id}`,
    );
  }
  system.passed(operation, 'partition-set-stable');
  const changed = model.noteFacts(id, new Map(observed.partitions.map((partition) => [partition.partitionId, partition.facts])));
  if (changed !== undefined) {
    throw system.violation(
      'backup-facts-fixed',
      operation,
      `${changed.fact} ${changed.before} on partition ${changed.partitionId} of backup ${id}, as reported before`,
      `${changed.fact} ${changed.after}`,
    );
  }
  system.passed(operation, 'backup-facts-fixed');
  if (observed.positions.size === 0) return;
  const decrease = model.notePositions(id, observed.positions);
  if (decrease !== undefined) {
    const { partitionId, lowerId, lowerIdPosition, higherId, higherIdPosition } = decrease;
    throw system.violation(
      'checkpoint-position-monotonic',
      operation,
      `on partition ${partitionId}, a checkpointPosition of backup ${higherId} at or after ${lowerIdPosition}, the position of backup ${lowerId}`,
      `checkpointPosition ${higherIdPosition} for backup ${higherId}`,
    );
  }
  system.passed(operation, 'checkpoint-position-monotonic');
}

function partitionText(ids: readonly number[]): string {
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  return distinct.length === 0 ? '(none)' : distinct.join(', ');
}
