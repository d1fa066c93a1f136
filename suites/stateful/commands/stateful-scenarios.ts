import { AwaitSettledCommand } from './await-settled-command.js';
import type { BackupCommand } from './backup-command.js';
import { BackupTarget } from './backup-target.js';
import { DeleteBackupCommand } from './delete-backup-command.js';
import { GetBackupCommand } from './get-backup-command.js';
import { GetWhileDeletingCommand } from './get-while-deleting-command.js';
import { ListBackupsCommand } from './list-backups-command.js';
import { RaceCommand } from './race-command.js';
import { TakeAtOnceCommand } from './take-at-once-command.js';
import { TakeBackupCommand } from './take-backup-command.js';

/** A named, fixed sequence of the stateful commands that exercises some rules on purpose. */
export interface StatefulScenario {
  /** Kebab-case, shown in progress lines and in a finding's replay commands. */
  readonly name: string;
  /** What it sets up, for people. */
  readonly purpose: string;
  readonly commands: readonly BackupCommand[];
}

const take = (offset: number): BackupCommand => new TakeBackupCommand(offset);
const get = (index: number): BackupCommand => new GetBackupCommand(BackupTarget.taken(index));
const settle = (index: number): BackupCommand => new AwaitSettledCommand(BackupTarget.taken(index));
const remove = (index: number): BackupCommand => new DeleteBackupCommand(BackupTarget.taken(index));
const list = (): BackupCommand => new ListBackupsCommand();
const each = (count: number, command: (index: number) => BackupCommand): BackupCommand[] => Array.from({ length: count }, (_, index) => command(index));

/**
 * The deterministic phase of the stateful suite: run before the random exploration on every run,
 * whatever the seed, so that every sequence rule is exercised on purpose rather than by the odds
 * of the generator (the coverage phase before the fuzzing phase). Each is an ordinary sequence of
 * the suite's commands, judged by the same model, so its findings carry curl lines and a replay.
 * Offsets are relative to the run's base, above every id listed or sent so far: within a run, +1
 * then +2 is a take at the next id, +2 then +4 one across a gap.
 */
export const statefulScenarios: readonly StatefulScenario[] = Object.freeze(
  [
    {
      name: 'increasing-ids',
      purpose: 'four live backups, at the next id and across gaps of one and two ids; listed and read while in progress and after they settle',
      commands: [take(1), take(2), take(4), take(7), list(), ...each(4, get), ...each(4, settle), list(), ...each(4, get)],
    },
    {
      name: 'conflicts',
      purpose: 'takes at an id equal to and below the highest live backup, before and after it settles, around a take of the next id',
      commands: [take(2), take(2), take(1), take(3), take(3), list(), settle(0), settle(1), take(1), take(3), list(), get(0), get(1)],
    },
    {
      name: 'deletes',
      purpose: 'a delete of the backup in the middle, of one still in progress and of a valid id never taken; takes and re-reads after them',
      commands: [
        take(1),
        take(3),
        take(5),
        ...each(3, settle),
        remove(1),
        get(1),
        list(),
        get(0),
        get(2),
        take(6),
        remove(3),
        get(3),
        new GetBackupCommand(BackupTarget.neverTaken),
        new DeleteBackupCommand(BackupTarget.neverTaken),
        new GetBackupCommand(BackupTarget.neverTaken),
        take(4),
        take(7),
        list(),
        get(0),
        get(2),
        get(4),
        settle(4),
        list(),
      ],
    },
    {
      name: 'races',
      purpose:
        'two takes of one new id at once, takes of N and N + 1 at once, a GET racing the DELETE of a backup; a take with a GET, a list and a delete; ' +
        'a delete with a GET and a list; two lists during a take; reads after each',
      commands: [
        take(1),
        new TakeAtOnceCommand([2, 2]),
        list(),
        new TakeAtOnceCommand([4, 5]),
        list(),
        get(0),
        get(1),
        settle(0),
        settle(1),
        new GetWhileDeletingCommand(BackupTarget.taken(1)),
        list(),
        get(0),
        get(1),
        new RaceCommand({ take: 6, getNew: true, deleting: BackupTarget.taken(0), lists: 1 }),
        list(),
        // The fourth backup taken: +5, or +6 when the take of +4 lost its race (both live).
        new RaceCommand({ deleting: BackupTarget.taken(3), getDeleting: true, lists: 1 }),
        list(),
        new RaceCommand({ take: 7, lists: 2 }),
        list(),
        settle(4),
      ],
    },
  ].map((scenario) => Object.freeze(scenario)),
);

/** How many takes the scenarios send together: the budget reserves them. */
export function scenarioTakes(scenarios: readonly StatefulScenario[] = statefulScenarios): number {
  return scenarios.reduce((sum, scenario) => sum + scenario.commands.reduce((takes, command) => takes + takesOf(command), 0), 0);
}

/** How many takes a command sends. */
export function takesOf(command: BackupCommand): number {
  if (command instanceof TakeBackupCommand) return 1;
  if (command instanceof TakeAtOnceCommand) return 2;
  if (command instanceof RaceCommand) return command.race.take === undefined ? 0 : 1;
  return 0;
}
