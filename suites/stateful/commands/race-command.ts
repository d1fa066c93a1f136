import type { Observation } from '../../../src/api/backup-api.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import { backupSighting } from '../../../src/model/backup-sighting.js';
import { lifecycleRank } from '../../../src/model/possible-states.js';
import type { BackupCommand } from './backup-command.js';
import type { BackupTarget } from './backup-target.js';
import { confirmDeleted } from './delete-backup-command.js';
import { judgeList } from '../judges/judge-list.js';
import { observedBackups, presentBackups } from '../model/observed-backups.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/** What a race sends at once: a take of a new id (and a GET of it), a delete of a live backup (and a GET of it), lists. */
export interface Race {
  /** The offset of a new id to take, above every id the run sent a take for. */
  readonly take?: number;
  readonly getNew?: boolean;
  readonly deleting?: BackupTarget;
  readonly getDeleting?: boolean;
  readonly lists: number;
}

/**
 * Requests a cluster in use sees at once, each answer judged against every order in which the
 * server could have applied them: a take of a new id is accepted whatever else is under way (it
 * is above every id, whichever went first); a GET of that id finds it or not, never another
 * backup; a delete of a live backup is done and the backup then gone (`deleted-backup-gone`); a
 * list holds every other live backup of the run and nothing the run never took, while the two
 * racing ids may be in it or not, in any state. Every answer also goes through every response
 * check, as any other: a 5xx under overlap is a violation like one without.
 * `Race(take +6, get +6, delete taken #1, 1 list)`; the finding's curl lines hold every request.
 */
export class RaceCommand implements BackupCommand {
  constructor(readonly race: Race) {}

  check(model: Readonly<BackupModel>): boolean {
    const takes = this.race.take === undefined || model.highestSentId === undefined || model.idAt(this.race.take) > model.highestSentId;
    const deletes = this.race.deleting === undefined || model.tracked(this.race.deleting.idIn(model))?.status === 'live';
    return takes && deletes;
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const newId = this.race.take === undefined ? undefined : model.idAt(this.race.take);
    const doomed = this.race.deleting?.idIn(model);
    system.step(`Race(${this.describe(model)})`);
    const answers = await system.race({
      ...(newId === undefined ? {} : { take: newId, getNew: this.race.getNew === true }),
      ...(doomed === undefined ? {} : { delete: doomed, getDeleting: this.race.getDeleting === true }),
      lists: this.race.lists,
    });
    if (newId !== undefined) model.sent(newId);
    const taken = newId === undefined || answers.taken === undefined ? 'none' : judgeRacingTake(system, newId, answers.taken);
    if (newId !== undefined && answers.gotNew !== undefined) judgeRacingGet(system, newId, answers.gotNew, 'the take');
    if (doomed !== undefined && answers.gotDeleting !== undefined) judgeRacingGet(system, doomed, answers.gotDeleting, 'the delete');
    const racing = new Set([newId, doomed].filter((id): id is bigint => id !== undefined));
    for (const list of inLifecycleOrder(answers.lists, model, racing)) judgeList(model, system, list, racing);
    if (taken === 'accepted') model.accepted(newId!);
    if (taken === 'unclear') model.uncertain(newId!);
    if (doomed !== undefined && answers.deleted !== undefined) await confirmDeleted(model, system, doomed, answers.deleted);
  }

  /** `take +6 = 1036, get +6, delete +1 = 1031, 2 lists` as resolved in this run. */
  private describe(model: Readonly<BackupModel>): string {
    const { take, getNew, deleting, getDeleting, lists } = this.race;
    const parts: string[] = [];
    if (take !== undefined) parts.push(`take +${take} = ${model.idAt(take)}`, ...(getNew === true ? [`get +${take}`] : []));
    if (deleting !== undefined) parts.push(`delete ${deleting.describeIn(model)}`, ...(getDeleting === true ? ['get it'] : []));
    parts.push(`${lists} list${lists === 1 ? '' : 's'}`);
    return parts.join(', ');
  }

  toString(): string {
    const { take, getNew, deleting, getDeleting, lists } = this.race;
    const parts = [
      ...(take === undefined ? [] : [`take +${take}`, ...(getNew === true ? [`get +${take}`] : [])]),
      ...(deleting === undefined ? [] : [`delete ${deleting}`, ...(getDeleting === true ? ['get it'] : [])]),
      `${lists} list${lists === 1 ? '' : 's'}`,
    ];
    return `Race(${parts.join(', ')})`;
  }
}

/**
 * Lists sent at once, in an order the server may have answered them in: which one it answered first
 * is unknown (a retried one may come last), and the run's other backups keep settling meanwhile, so
 * judged in the order they were sent, a list that shows a backup IN_PROGRESS after one that showed it
 * COMPLETED would be a false alarm. States only move forward on a correct server, so the sum of the
 * lifecycle ranks of the run's live backups (outside the race) never falls from one answer to the
 * next: ordered by it, a correct server's lists are judged in an order that could have happened, and
 * a list that contradicts all of them still breaks a rule in every order.
 */
function inLifecycleOrder(lists: readonly Observation<'list'>[], model: Readonly<BackupModel>, racing: ReadonlySet<bigint>): Observation<'list'>[] {
  const judged = model.visible.filter((backup) => !racing.has(backup.id));
  const progress = (list: Observation<'list'>): number => {
    const listed = presentBackups(observedBackups(list));
    return judged.reduce((sum, { id }) => {
      const entry = listed.get(id);
      return sum + (entry === undefined ? 0 : lifecycleRank(backupSighting('found', entry.state, entry.partitionStates)));
    }, 0);
  };
  return lists
    .map((list) => ({ list, progress: progress(list) }))
    .sort((a, b) => a.progress - b.progress)
    .map(({ list }) => list);
}

/** A take of a new id sent with other requests: accepted in every order, as it is above every id. */
function judgeRacingTake(system: StatefulSystem, id: bigint, answer: Observation<'take'>): 'accepted' | 'unclear' {
  const take = system.index.byRole.take;
  if (answer.answer.kind === 'unclear') {
    system.inconclusive({
      checkId: 'take-accepted-above-highest',
      operation: take.label,
      expected: `a ${system.statuses.accepted} for backup ${id}, sent with other requests`,
      received: `${describeAnswer(answer)}: whether the take created a backup is unknown, so the run stops judging it`,
      specPointer: 'spec/NOTES.md#undocumented-5xx',
    });
    return 'unclear';
  }
  if (answer.answer.kind !== 'accepted') {
    throw system.violation(
      'take-accepted-above-highest',
      take,
      `${system.statuses.accepted} for backup ${id}, above every id the run sent, in whichever order the server applied the requests sent with it`,
      `${describeAnswer(answer)} to a take sent with other requests`,
    );
  }
  system.passed(take, 'take-accepted-above-highest');
  return 'accepted';
}

/** A GET sent with a take or a delete of the same id: the backup, or not found; never another backup or another answer. */
function judgeRacingGet(system: StatefulSystem, id: bigint, got: Observation<'get'>, racedWith: 'the take' | 'the delete'): void {
  const get = system.index.byRole.get;
  const kind = got.answer.kind;
  if (kind === 'unclear') return;
  const { found, notFound } = system.statuses;
  const received = `${describeAnswer(got)} to a GET of backup ${id} sent with ${racedWith} of it`;
  if (kind !== 'found' && kind !== 'not-found')
    throw system.violation('get-returns-requested-backup', get, `${found} with backup ${id}, or ${notFound}`, received);
  const observed = kind === 'found' ? observedBackups(got)[0] : undefined;
  if (observed !== undefined && observed.backupId !== id) {
    throw system.violation(
      'get-returns-requested-backup',
      get,
      `backupId ${id}`,
      `backupId ${observed.backupId ?? '(none)'} in the answer to a GET sent with ${racedWith} of it`,
    );
  }
  system.passed(get, 'get-returns-requested-backup');
}
