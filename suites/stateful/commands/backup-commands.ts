import fc from 'fast-check';
import { BackupModel } from '../../../src/model/backup-model.js';
import { AwaitSettledCommand } from './await-settled-command.js';
import type { BackupCommand } from './backup-command.js';
import { BackupTarget } from './backup-target.js';
import { DeleteBackupCommand } from './delete-backup-command.js';
import { GetBackupCommand } from './get-backup-command.js';
import { GetWhileDeletingCommand } from './get-while-deleting-command.js';
import { ListBackupsCommand } from './list-backups-command.js';
import { TakeAtOnceCommand } from './take-at-once-command.js';
import { TakeBackupCommand } from './take-backup-command.js';

/**
 * Sequences of 1 to `maxCommands` commands, every length equally likely. Take offsets are few (1
 * to 5), so sequences often take an id twice or a lower id after a higher one; gets, deletes and
 * awaits mostly address a backup the run took, sometimes a fixed offset (perhaps never taken) or
 * the id no take uses. Offsets and indexes shrink towards the first, sequences towards fewer
 * commands.
 *
 * A plain array rather than `fc.commands`: `fc.commands` shrinks by which commands really ran,
 * which fast-check can replay only from a third value (its `replayPath`) on top of seed and path.
 * An array replays from `--seed` and `--path` alone, and the run stops at the first violation
 * either way, so the commands after it never reach the server.
 */
export function backupCommands(maxCommands: number): fc.Arbitrary<BackupCommand[]> {
  const offset = fc.integer({ min: 1, max: BackupModel.takeOffsets });
  const taken = fc.nat({ max: BackupModel.takeOffsets - 1 }).map((index) => BackupTarget.taken(index));
  const target = fc.oneof(
    { arbitrary: taken, weight: 6 },
    { arbitrary: offset.map((value) => BackupTarget.at(value)), weight: 2 },
    { arbitrary: fc.constant(BackupTarget.neverTaken), weight: 1 },
  );
  // Weighted toward what finds faults: several live backups (takes), deletes between takes, and
  // reads (gets, lists) while backups are still in progress; a few concurrent sends.
  const command: fc.Arbitrary<BackupCommand> = fc.oneof(
    { arbitrary: offset.map((value) => new TakeBackupCommand(value)), weight: 6 },
    { arbitrary: fc.constant(new ListBackupsCommand()), weight: 3 },
    { arbitrary: target.map((value) => new GetBackupCommand(value)), weight: 3 },
    { arbitrary: target.map((value) => new DeleteBackupCommand(value)), weight: 2 },
    { arbitrary: taken.map((value) => new AwaitSettledCommand(value)), weight: 1 },
    { arbitrary: fc.tuple(offset, fc.boolean()).map(([value, same]) => new TakeAtOnceCommand([value, same ? value : value + 1])), weight: 1 },
    { arbitrary: taken.map((value) => new GetWhileDeletingCommand(value)), weight: 1 },
  );
  // Without bias fast-check would favour very short sequences, which rarely hold two backups.
  return fc.noBias(fc.array(command, { minLength: 1, maxLength: maxCommands, size: 'max' }));
}
