import { deletedBackupKinds } from '../../../src/findings/deleted-backup-kinds.js';
import { backupSighting } from '../../../src/model/backup-sighting.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import { judgeBackup } from '../judges/judge-backup.js';
import { observedBackups, type ObservedBackup } from '../model/observed-backups.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * `GET /`. The spec, verbatim (`#/paths/~1/get/description`):
 *
 *   Returns a list of all available backups with their state and additional info
 *
 * So every backup of the run that has been seen and not deleted is listed
 * (`list-holds-live-backups`; one not yet seen may still be starting), no id the run sent no
 * take for is, a deleted one is not (`deleted-backup-gone`), and each entry's state follows the
 * backup's life. An id refused with 409 is not judged
 * (spec/NOTES.md#a-refused-take-may-leave-traces); backups outside the run's ids are none of its
 * business.
 */
export class ListBackupsCommand implements BackupCommand {
  check(): boolean {
    return true;
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const list = system.index.byRole.list;
    system.step('List');
    const answer = await system.list();
    if (answer.answer.kind !== 'listed' || answer.answer.backups === undefined) return;
    const listed = new Map<bigint, ObservedBackup>();
    for (const entry of observedBackups(answer)) {
      const id = entry.backupId;
      if (id === undefined || !model.inRange(id) || listed.has(id)) continue;
      const sighting = backupSighting('found', entry.state, entry.partitionStates);
      // An entry in which no partition has the backup does not list it.
      if (sighting === 'ABSENT') continue;
      listed.set(id, entry);
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
    for (const deleted of model.deletedBackups) if (!listed.has(deleted.id)) model.seenGone(deleted.id, 'list');
    const missing = model.visible.find((backup) => !listed.has(backup.id));
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

  toString(): string {
    return 'List';
  }
}
