import type { BackupModel } from '../../../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import { judgeList } from '../judges/judge-list.js';
import { judgeRefusedListed } from '../judges/judge-refused-listed.js';
import { judgeStanding } from '../judges/judge-standing.js';
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
 * backup's life. An id refused with 409 may be listed (spec/NOTES.md#a-refused-take-may-leave-traces)
 * only while GET finds a backup under it (`judgeRefusedListed`). Outside the run's ids, the backups that stand
 * (from before the suite, or settled in an earlier run) are listed too (`judgeStanding`).
 */
export class ListBackupsCommand implements BackupCommand {
  check(): boolean {
    return true;
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    system.step('List');
    const answer = await system.list();
    judgeList(model, system, answer);
    await judgeRefusedListed(model, system, answer);
    await judgeStanding(system, answer);
  }

  toString(): string {
    return 'List';
  }
}
