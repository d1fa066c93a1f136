import type { TakeAnswer } from '../../../src/api/answer.js';
import type { Observation } from '../../../src/api/backup-api.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
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
    const unclear = answers.findIndex((answer) => answer.answer.kind === 'unclear');
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
    const [first, second] = answers.map((answer) => answer.answer.kind) as [TakeAnswer['kind'], TakeAnswer['kind']];
    const [firstStatus, secondStatus] = answers.map((answer) => answer.status);
    const { accepted: acceptedStatus, conflict } = system.statuses;
    const [low, high] = ids;
    if (low === high) {
      const accepted = [first, second].filter((kind) => kind === 'accepted').length;
      const received = `${firstStatus} and ${secondStatus} for two takes of backup ${low} sent at once`;
      if (accepted === 0)
        throw system.violation(
          'take-accepted-above-highest',
          take,
          `one ${acceptedStatus} for backup ${low}, above every id taken, when two takes of it are sent at once`,
          received,
        );
      if (accepted === 2 || ![first, second].includes('conflict'))
        throw system.violation(
          'take-conflict-not-above-highest',
          take,
          `exactly one ${acceptedStatus} and one ${conflict} for two takes of backup ${low} sent at once`,
          received,
        );
      system.passed(take, 'take-accepted-above-highest');
      system.passed(take, 'take-conflict-not-above-highest');
      model.accepted(low);
      return;
    }
    const received = `${firstStatus} for backup ${low} and ${secondStatus} for backup ${high}, sent at once`;
    if (second !== 'accepted')
      throw system.violation(
        'take-accepted-above-highest',
        take,
        `${acceptedStatus} for backup ${high}, above every id whatever the order of the two takes`,
        received,
      );
    if (first !== 'accepted' && first !== 'conflict')
      throw system.violation(
        'take-accepted-above-highest',
        take,
        `${acceptedStatus} for backup ${low} (or ${conflict}, had the take of ${high} come first)`,
        received,
      );
    system.passed(take, 'take-accepted-above-highest');
    if (first === 'accepted') model.accepted(low);
    else model.refused(low);
    model.accepted(high);
  }

  toString(): string {
    return `TakeAtOnce(+${this.offsets[0]}, +${this.offsets[1]})`;
  }
}
