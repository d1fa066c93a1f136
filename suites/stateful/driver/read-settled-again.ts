import { BackupModel } from '../../../src/model/backup-model.js';
import { BackupTarget } from '../commands/backup-target.js';
import { GetBackupCommand } from '../commands/get-backup-command.js';
import { ListBackupsCommand } from '../commands/list-backups-command.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * A run's last look at the backups it saw COMPLETED or FAILED, before its cleanup deletes them:
 * the spec names COMPLETED and FAILED as outcomes (`#/components/schemas/StateCode`), so the list
 * and a GET of each repeat that state, with the same fixed facts, and the list holds each while GET
 * finds it. A backup whose outcome or facts change after the fact, or that drops out of the list
 * once settled, is seen only here when no command of the run read it again. Judged by the run's
 * own list and get commands, so a violation is the run's, reproduced by its steps; the reads stay
 * inside the run, which keeps every run's reproduction self-contained.
 */
export async function readSettledAgain(model: BackupModel, system: StatefulSystem): Promise<void> {
  const settled = model.settledBackups;
  if (settled.length === 0) return;
  await new ListBackupsCommand().run(model, system);
  for (const backup of settled) await new GetBackupCommand(BackupTarget.at(Number(backup.id - model.base))).run(model, system);
}
