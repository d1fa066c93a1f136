import type { Observation } from '../../../src/api/backup-api.js';
import { backupSighting, lookupAnswerOf } from '../../../src/model/backup-sighting.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import { observedBackups, presentBackups } from '../model/observed-backups.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/** The refused ids each run has already read by GET: one read settles what a listed one is. */
const readOnce = new WeakMap<BackupModel, Set<bigint>>();

/**
 * Judges a list answer's entries for ids the run was refused (409) and never had a backup under.
 * Such a take may leave traces (spec/NOTES.md#a-refused-take-may-leave-traces), so the list may
 * show the id; but "Returns a list of all available backups" holds only backups that exist, and
 * GET is what says one does. The first time a run's list shows such an id, a GET reads it: found,
 * in any state, the traces are a backup and nothing is wrong; not found, the list holds a backup
 * that does not exist (`list-holds-live-backups`, the violation is thrown). A refused re-take of a
 * backup the run deleted is left to the delete's rules, which allow the list to lag behind.
 */
export async function judgeRefusedListed(model: BackupModel, system: StatefulSystem, answer: Observation<'list'>): Promise<void> {
  if (answer.answer.kind !== 'listed' || answer.answer.backups === undefined) return;
  const read = readOnce.get(model) ?? new Set<bigint>();
  readOnce.set(model, read);
  for (const id of presentBackups(observedBackups(answer)).keys()) {
    const tracked = model.tracked(id);
    if (tracked?.status !== 'refused' || tracked.goneFrom !== undefined || read.has(id)) continue;
    read.add(id);
    const got = await system.get(id);
    const observed = observedBackups(got)[0];
    if (backupSighting(lookupAnswerOf(got.answer), observed?.state, observed?.partitionStates) !== 'ABSENT') continue;
    throw system.violation(
      'list-holds-live-backups',
      system.index.byRole.list,
      `only backups that exist: backup ${id}, whose take was refused, listed only if GET finds it`,
      `backup ${id} listed, and then ${got.status} to its GET`,
    );
  }
}
