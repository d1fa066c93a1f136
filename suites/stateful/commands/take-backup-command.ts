import type { BackupModel } from '../../../src/model/backup-model.js';
import type { TakeOutcome } from '../../../src/model/take-outcome.js';
import type { RoleStatuses } from '../../../src/spec/role-statuses.js';
import type { BackupCommand } from './backup-command.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * `POST /` with the id at `offset` above the run's base. The spec's conflict rule, verbatim:
 *
 *   A backup with same or higher id already exists  (409)
 *   each successive backup must use a higher ID than the previous one.  (BackupId)
 *
 * So 202 above every id taken (`take-accepted-above-highest`), 409 at or below a live one
 * (`take-conflict-not-above-highest`), either when only deleted backups are at or above it
 * (spec/NOTES.md#deleted-id-reuse). A 5xx or no answer leaves the backup uncertain.
 */
export class TakeBackupCommand implements BackupCommand {
  constructor(readonly offset: number) {}

  check(): boolean {
    return true;
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const take = system.index.byRole.take;
    const id = model.idAt(this.offset);
    system.step(`Take(+${this.offset} = ${id})`);
    const expected = model.expectedTake(id);
    const checkId = expected.has('conflict') ? 'take-conflict-not-above-highest' : 'take-accepted-above-highest';
    const answer = await system.take(id);
    model.sent(id);
    const kind = answer.answer.kind;
    if (kind === 'unclear') {
      model.uncertain(id);
      system.inconclusive({
        checkId,
        operation: take.label,
        expected: [...expected].map((outcome) => (outcome === 'accepted' ? system.statuses.accepted : system.statuses.conflict)).join(' or '),
        received: `${answer.status ?? 'no answer'}: whether the take created a backup is unknown, so the run stops judging that backup`,
        specPointer: 'spec/NOTES.md#undocumented-5xx',
      });
      return;
    }
    if ((kind === 'accepted' || kind === 'conflict') && expected.has(kind)) {
      system.passed(take, checkId);
      if (kind === 'accepted') model.accepted(id);
      else model.refused(id);
      return;
    }
    throw system.violation(checkId, take, expectedText(model, id, expected, system.statuses), describeAnswer(answer));
  }

  toString(): string {
    return `Take(+${this.offset})`;
  }
}

function expectedText(model: BackupModel, id: bigint, expected: ReadonlySet<TakeOutcome>, statuses: RoleStatuses): string {
  const { accepted, conflict } = statuses;
  if (!expected.has('conflict'))
    return `${accepted} for backup ${id}, above every id taken${model.highestTaken === undefined ? '' : ` (the highest is ${model.highestTaken})`}`;
  if (!expected.has('accepted')) return `${conflict} for backup ${id}: backup ${model.highestLive} exists, and ${id} is not above it`;
  return `${accepted} or ${conflict} for backup ${id}`;
}
