import type { Observation } from '../../../src/api/backup-api.js';
import { pollUntil } from '../../../src/api/poll-until.js';
import { backupSighting, lookupAnswerOf } from '../../../src/model/backup-sighting.js';
import type { BackupModel, GoneFrom } from '../../../src/model/backup-model.js';
import { deletedBackupKinds } from '../../../src/findings/deleted-backup-kinds.js';
import type { ViolationDetails } from '../judges/property-violation.js';
import type { BackupCommand } from './backup-command.js';
import type { BackupTarget } from './backup-target.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
import { observedBackups } from '../model/observed-backups.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * `DELETE /{backupId}` for a backup of the run, or for its id that no take uses. The spec,
 * verbatim (204):
 *
 *   Backup is deleted
 *
 * After a 204 for a backup of the run, `GET /{backupId}` answers 404 and the list leaves it out
 * (`deleted-backup-gone`), within a grace period: real Zeebe deletes asynchronously
 * (spec/NOTES.md#asynchronous-visibility). An unclear answer leaves the backup uncertain.
 */
export class DeleteBackupCommand implements BackupCommand {
  constructor(readonly target: BackupTarget) {}

  check(): boolean {
    return true;
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const id = this.target.idIn(model);
    system.step(`Delete(${this.target.describeIn(model)})`);
    const tracked = model.tracked(id);
    const answer = await system.delete(id);
    if (tracked === undefined || tracked.status === 'uncertain' || tracked.status === 'refused') return;
    await confirmDeleted(model, system, id, answer);
  }

  toString(): string {
    return `Delete(${this.target})`;
  }
}

/**
 * After a 204 to the delete of a live backup of the run: `GET /{backupId}` answers 404 and the list
 * leaves it out (`deleted-backup-gone`) within the grace period, else the command throws. Any other
 * answer to the delete (a 5xx or an undocumented status, which the response checks report), or an
 * unclear answer while looking, leaves the backup uncertain: it may be gone or not.
 */
export async function confirmDeleted(model: BackupModel, system: StatefulSystem, id: bigint, answer: Observation<'delete'>): Promise<void> {
  if (answer.answer.kind !== 'deleted') {
    model.uncertain(id);
    return;
  }
  const remove = system.index.byRole.delete;
  const started = performance.now();
  const bounds = { timeoutMs: system.graceMs, signal: system.signal };
  const seconds = `${system.graceMs / 1000} s`;

  const lookup = await pollUntil(async () => {
    const got = await system.get(id);
    return { done: isGone(got) || isUnclear(got), value: got };
  }, bounds);
  if (isUnclear(lookup.value) || system.signal.aborted) {
    model.uncertain(id);
    return;
  }
  // Still visible to an endpoint that has not yet shown it gone: a delete that has not shown yet.
  const lingering = (): ViolationDetails => ({
    kind: deletedBackupKinds.visibleAfterDelete,
    evidence: { visibleAfterDeleteMs: Math.round(performance.now() - started) },
  });
  if (!isGone(lookup.value)) {
    throw system.violation(
      'deleted-backup-gone',
      remove,
      `${system.index.byRole.get.label} of backup ${id} answering ${system.statuses.notFound} within ${seconds} of the ${system.statuses.deleted}`,
      `${describeAnswer(lookup.value)} after ${lookup.attempts} tries`,
      lingering(),
    );
  }

  const remaining = Math.max(0, system.graceMs - (performance.now() - started));
  const listing = await pollUntil(
    async () => {
      const listed = await system.list();
      return { done: listed.answer.kind !== 'listed' || !holds(listed, id), value: listed };
    },
    { ...bounds, timeoutMs: remaining },
  );
  if (listing.value.answer.kind === 'listed' && holds(listing.value, id)) {
    throw system.violation(
      'deleted-backup-gone',
      remove,
      `backup ${id} left out of the list within ${seconds} of the ${system.statuses.deleted}`,
      `still listed after ${listing.attempts} lists`,
      lingering(),
    );
  }
  // Gone from the get; from the list too, unless the list could not be read within the grace.
  const listedGone = listing.value.answer.kind === 'listed';
  if (listedGone) system.passed(remove, 'deleted-backup-gone');
  model.deleted(id, new Set<GoneFrom>(listedGone ? ['get', 'list'] : ['get']));
}

/** Not found (404), or found (200) but no partition has no partition has the backup (spec/NOTES.md#all-partitions-does-not-exist). */
function isGone(answer: Observation): boolean {
  const observed = observedBackups(answer)[0];
  return backupSighting(lookupAnswerOf(answer.answer), observed?.state, observed?.partitionStates) === 'ABSENT';
}

function isUnclear(answer: Observation): boolean {
  return answer.answer.kind === 'unclear';
}

function holds(listing: Observation, id: bigint): boolean {
  return observedBackups(listing).some((entry) => entry.backupId === id && backupSighting('found', entry.state, entry.partitionStates) !== 'ABSENT');
}
