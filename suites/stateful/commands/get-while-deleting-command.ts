import type { BackupModel } from '../../../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import type { BackupTarget } from './backup-target.js';
import { confirmDeleted } from './delete-backup-command.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
import { observedBackups } from '../model/observed-backups.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * `GET /{backupId}` and `DELETE /{backupId}` of a live backup of the run, sent at once. The GET
 * races the delete, so it may see the backup or not: 200 with that very backup, or 404 (the spec:
 * "A backup with given backupId does not exist"), never another backup or another status. Its
 * state is not judged: Zeebe marks a backup FAILED while it deletes it. After the 204 the backup
 * is gone, as for a plain delete (`deleted-backup-gone`). The finding's curl lines hold both.
 */
export class GetWhileDeletingCommand implements BackupCommand {
  constructor(readonly target: BackupTarget) {}

  check(model: Readonly<BackupModel>): boolean {
    return model.tracked(this.target.idIn(model))?.status === 'live';
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const get = system.index.byRole.get;
    const id = this.target.idIn(model);
    system.step(`GetWhileDeleting(${this.target.describeIn(model)})`);
    const { got, deleted } = await system.getWhileDeleting(id);
    const kind = got.answer.kind;
    if (kind !== 'unclear') {
      const observed = observedBackups(got)[0];
      const received = `${describeAnswer(got)} to a GET sent with the delete of backup ${id}`;
      const { found, notFound } = system.statuses;
      if (kind !== 'found' && kind !== 'not-found')
        throw system.violation('get-returns-requested-backup', get, `${found} with backup ${id}, or ${notFound}, while it is being deleted`, received);
      if (kind === 'found' && observed !== undefined && observed.backupId !== id) {
        throw system.violation(
          'get-returns-requested-backup',
          get,
          `backupId ${id}`,
          `backupId ${observed.backupId ?? '(none)'} in the answer to a GET sent with the delete of backup ${id}`,
        );
      }
      system.passed(get, 'get-returns-requested-backup');
    }
    await confirmDeleted(model, system, id, deleted);
  }

  toString(): string {
    return `GetWhileDeleting(${this.target})`;
  }
}
