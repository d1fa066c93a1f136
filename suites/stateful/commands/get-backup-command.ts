import { deletedBackupKinds } from '../../../src/findings/deleted-backup-kinds.js';
import { backupSighting, lookupAnswerOf } from '../../../src/model/backup-sighting.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import type { BackupTarget } from './backup-target.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
import { judgeBackup } from '../judges/judge-backup.js';
import { judgeLiveGet } from '../judges/judge-live-get.js';
import { observedBackups } from '../model/observed-backups.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/** A deleted backup GET finds again, after a GET showed it gone. */
const BACK = { kind: deletedBackupKinds.backAfterSeenGone };

/**
 * `GET /{backupId}` for a backup of the run, or for its id that no take uses. The spec, verbatim:
 *
 *   A detailed information of the backup with the give backup id.  (the operation)
 *   A backup with given backupId does not exist  (404)
 *
 * A live backup answers 200 with itself (`get-returns-requested-backup`), or 404 while it starts;
 * an id no take was sent for answers 404 (`unknown-backup-not-found`), and so does a deleted
 * backup (`deleted-backup-gone`). An id refused with 409 is not judged
 * (spec/NOTES.md#a-refused-take-may-leave-traces). A 200 in which no partition has the backup
 * counts as a 404 (spec/NOTES.md#all-partitions-does-not-exist).
 */
export class GetBackupCommand implements BackupCommand {
  constructor(readonly target: BackupTarget) {}

  check(): boolean {
    return true;
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const get = system.index.byRole.get;
    const id = this.target.idIn(model);
    system.step(`Get(${this.target.describeIn(model)})`);
    const answer = await system.get(id);
    if (answer.answer.kind === 'unclear') return;
    const tracked = model.tracked(id);
    if (tracked?.status === 'live') {
      judgeLiveGet(model, system, id, answer);
      return;
    }
    const observed = observedBackups(answer)[0];
    const sighting = backupSighting(lookupAnswerOf(answer.answer), observed?.state, observed?.partitionStates);
    if (tracked === undefined) {
      if (sighting !== 'ABSENT')
        throw system.violation('unknown-backup-not-found', get, `${system.statuses.notFound} for backup ${id}: no take of it was sent`, describeAnswer(answer));
      system.passed(get, 'unknown-backup-not-found');
    } else if (tracked.status === 'deleted') {
      if (sighting !== 'ABSENT') {
        const expected = `${system.statuses.notFound} for backup ${id}: it was deleted and seen gone`;
        throw system.violation('deleted-backup-gone', get, expected, describeAnswer(answer), BACK);
      }
      system.passed(get, 'deleted-backup-gone');
    } else if (tracked.status === 'uncertain' && observed?.backupId === id && sighting !== undefined) {
      // An uncertain backup may or may not exist; if it shows up, it is still one of the run's.
      judgeBackup(model, system, get, id, sighting, observed, describeAnswer(answer));
    }
  }

  toString(): string {
    return `Get(${this.target})`;
  }
}
