import { deletedBackupKinds } from '../../../src/findings/deleted-backup-kinds.js';
import type { Observation } from '../../../src/api/backup-api.js';
import { backupSighting } from '../../../src/model/backup-sighting.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import { judgeBackup } from './judge-backup.js';
import { observedBackups, type ObservedBackup } from '../model/observed-backups.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * Judges a list answer against the model (see ListBackupsCommand for the spec's sentence): every
 * backup of the run seen and not deleted is listed, no id the run sent no take for is, a deleted
 * one is not, and each entry's state follows its backup's life. `racing` holds the ids a request
 * sent together with the list may have changed (a take, a delete): in whichever order the server
 * applied them the list may show such a backup or not, in any state, so neither is judged.
 * Throws the violation; nothing when the answer is no readable list (the response checks say so).
 */
export function judgeList(model: BackupModel, system: StatefulSystem, answer: Observation<'list'>, racing: ReadonlySet<bigint> = new Set()): void {
  const list = system.index.byRole.list;
  if (answer.answer.kind !== 'listed' || answer.answer.backups === undefined) return;
  const listed = new Map<bigint, ObservedBackup>();
  for (const entry of observedBackups(answer)) {
    const id = entry.backupId;
    if (id === undefined || !model.inRange(id) || listed.has(id)) continue;
    const sighting = backupSighting('found', entry.state, entry.partitionStates);
    // An entry in which no partition has the backup does not list it.
    if (sighting === 'ABSENT') continue;
    listed.set(id, entry);
    if (racing.has(id)) continue;
    const tracked = model.tracked(id);
    const shown = `listed with state ${String(entry.state)}`;
    if (tracked === undefined) {
      throw system.violation('list-holds-live-backups', list, `only backups that exist; no take of backup ${id} was sent`, `backup ${id} ${shown}`);
    }
    if (tracked.status === 'deleted') {
      // Only a list that has left it out can show it come back: the list may lag behind the GET.
      if (tracked.goneFrom?.has('list') !== true) continue;
      throw system.violation('deleted-backup-gone', list, `backup ${id} not listed: it was deleted and seen gone`, `backup ${id} ${shown}`, {
        kind: deletedBackupKinds.backAfterSeenGone,
      });
    }
    if (tracked.status !== 'refused' && sighting !== undefined) judgeBackup(model, system, list, id, sighting, entry, shown);
  }
  for (const deleted of model.deletedBackups) if (!listed.has(deleted.id) && !racing.has(deleted.id)) model.seenGone(deleted.id, 'list');
  const missing = model.visible.find((backup) => !listed.has(backup.id) && !racing.has(backup.id));
  if (missing !== undefined) {
    const ids = [...listed.keys()].sort((a, b) => (a < b ? -1 : 1));
    throw system.violation(
      'list-holds-live-backups',
      list,
      `backup ${missing.id} listed: it was seen ${missing.lastSeen ?? 'before'} and not deleted`,
      `a list without it (this run's backups listed: ${ids.length === 0 ? 'none' : ids.join(', ')})`,
    );
  }
  system.passed(list, 'list-holds-live-backups');
}
