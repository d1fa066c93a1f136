import type { Observation } from '../../../src/api/backup-api.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import { describeAnswer } from '../judges/describe-answer.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * Two takes sent at once, where the 409 rule most often breaks in real servers (a check and a write
 * that are not one step). The spec's rule, verbatim:
 *
 *   A backup with same or higher id already exists  (409)
 *
 * - The same new id twice: exactly one take is accepted (202) and the other refused (409), in
 *   whichever order the server saw them.
 * - A new id N and N + 1: N + 1 is above every other id whatever the order, so 202; N is 202 if the
 *   server saw it first, else 409.
 * Runs only on ids above every id the run has sent a take for, so each is new.
 * `TakeAtOnce(+3 = 1033, +3 = 1033)`; the finding's curl lines hold both takes.
 */
export class TakeAtOnceCommand implements BackupCommand {
  /** @param offsets two offsets, equal or one apart. */
  constructor(readonly offsets: readonly [number, number]) {}

  check(model: Readonly<BackupModel>): boolean {
    const lowest = model.idAt(Math.min(...this.offsets));
    return model.highestSentId === undefined || lowest > model.highestSentId;
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const take = system.index.byRole.take;
    const ids = this.offsets.map((offset) => model.idAt(offset)) as [bigint, bigint];
    system.step(`TakeAtOnce(${this.offsets.map((offset, at) => `+${offset} = ${ids[at]}`).join(', ')})`);
    const answers = await system.takeAtOnce(ids);
    for (const id of ids) model.sent(id);
    const unclear = answers.findIndex((answer) => answer.status === undefined || answer.status >= 500);
    if (unclear !== -1) {
      for (const id of ids) model.uncertain(id);
      system.inconclusive({
        checkId: 'take-accepted-above-highest',
        operation: take.label,
        expected: `a ${system.statuses.accepted} or a ${system.statuses.conflict} for each of two takes sent at once`,
        received: `${describeAnswer(answers[unclear] as Observation)}: whether the takes created backups is unknown, so the run stops judging them`,
        specPointer: 'spec/NOTES.md#undocumented-5xx',
      });
      return;
    }
    const [first, second] = answers.map((answer) => answer.status) as [number, number];
    const { accepted: acceptedStatus, conflict } = system.statuses;
    const [low, high] = ids;
    if (low === high) {
      system.note(take, 'take-accepted-above-highest');
      system.note(take, 'take-conflict-not-above-highest');
      const accepted = [first, second].filter((status) => status === acceptedStatus).length;
      const received = `${first} and ${second} for two takes of backup ${low} sent at once`;
      if (accepted === 0)
        throw system.violation(
          'take-accepted-above-highest',
          take,
          `one ${acceptedStatus} for backup ${low}, above every id taken, when two takes of it are sent at once`,
          received,
        );
      if (accepted === 2 || ![first, second].includes(conflict))
        throw system.violation('take-conflict-not-above-highest', take, `exactly one ${acceptedStatus} and one ${conflict} for two takes of backup ${low} sent at once`, received);
      model.accepted(low);
      return;
    }
    system.note(take, 'take-accepted-above-highest');
    const received = `${first} for backup ${low} and ${second} for backup ${high}, sent at once`;
    if (second !== acceptedStatus)
      throw system.violation('take-accepted-above-highest', take, `${acceptedStatus} for backup ${high}, above every id whatever the order of the two takes`, received);
    if (first !== acceptedStatus && first !== conflict)
      throw system.violation('take-accepted-above-highest', take, `${acceptedStatus} for backup ${low} (or ${conflict}, had the take of ${high} come first)`, received);
    if (first === acceptedStatus) model.accepted(low);
    else model.refused(low);
    model.accepted(high);
  }

  toString(): string {
    return `TakeAtOnce(+${this.offsets[0]}, +${this.offsets[1]})`;
  }
}
