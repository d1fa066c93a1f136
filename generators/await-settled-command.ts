import type { Observation } from '../src/api/backup-api.js';
import { pollUntil } from '../src/api/poll-until.js';
import type { Sighting } from '../src/model/backup-sighting.js';
import type { BackupModel } from '../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import type { BackupTarget } from './backup-target.js';
import { describeAnswer } from './describe-answer.js';
import { judgeLiveGet } from './judge-live-get.js';
import { runHalted } from './run-halted.js';
import type { StatefulSystem } from './stateful-system.js';

/** The first pause between polls; it doubles up to 2 s, so a slow backup costs few requests. */
const FIRST_PAUSE_MS = 25;
const SETTLED: ReadonlySet<Sighting | undefined> = new Set<Sighting | undefined>(['COMPLETED', 'FAILED']);

/**
 * Polls `GET /{backupId}` of a live backup of the run, backing off, until it is COMPLETED or FAILED,
 * judging every answer on the way (a 404 or INCOMPLETE right after the 202 is part of a backup's
 * start). Runs only for a live backup not yet seen settled. The spec promises no duration,
 * verbatim (202):
 *
 *   A backup has been successfully scheduled
 *
 * So the duration is the user's: when --settle-timeout runs out (`backup-settles`,
 * spec/NOTES.md#asynchronous-visibility), a backup still not found is a violation that stops the run
 * (the take was acknowledged and the backup never appeared); one still IN_PROGRESS or INCOMPLETE is
 * a violation recorded without stopping, and inconclusive when the cluster stopped answering.
 * After one such timeout the suite's later awaits look once instead of waiting (see Patience).
 */
export class AwaitSettledCommand implements BackupCommand {
  constructor(readonly target: BackupTarget) {}

  check(model: Readonly<BackupModel>): boolean {
    const tracked = model.tracked(this.target.idIn(model));
    return tracked?.status === 'live' && [...tracked.possible].some((state) => !SETTLED.has(state));
  }

  async run(model: BackupModel, system: StatefulSystem): Promise<void> {
    if (runHalted(model, system)) return;
    const get = system.index.byRole.get;
    const id = this.target.idIn(model);
    system.step(`AwaitSettled(${this.target.describeIn(model)})`);
    let seen: Sighting | undefined;
    const polled = await pollUntil(async () => {
      const answer = await system.get(id);
      const sighting = judgeLiveGet(model, system, id, answer);
      seen = sighting ?? seen;
      return { done: SETTLED.has(sighting), value: answer };
    }, { timeoutMs: system.patience.settleStalled ? 0 : system.settleTimeoutMs, maxAttempts: Number.MAX_SAFE_INTEGER, initialDelayMs: FIRST_PAUSE_MS, signal: system.signal });
    if (!polled.done && system.signal.aborted) return;
    system.note(get, 'backup-settles');
    if (polled.done) return;
    if (system.patience.settleStalled) return;
    system.patience.settleStalled = true;
    const seconds = `${system.settleTimeoutMs / 1000} s`;
    if (seen === 'ABSENT' && !isUnclear(polled.value)) {
      throw system.violation('backup-settles', get, `backup ${id} found within ${seconds} of its 202`, `${describeAnswer(polled.value)} after ${polled.attempts} tries`);
    }
    const unclear = isUnclear(polled.value);
    // The timeout is the user's statement of how long a backup may take (--settle-timeout): a backup
    // still IN_PROGRESS after it breaks that expectation. It is recorded once, not shrunk: every
    // shrink attempt would wait the whole timeout again.
    system.inconclusive({
      verdict: unclear ? 'inconclusive' : 'violation',
      checkId: 'backup-settles',
      operation: get.label,
      expected: `COMPLETED or FAILED within ${seconds} (--settle-timeout)`,
      received: unclear
        ? `${describeAnswer(polled.value)} at the end: the cluster did not answer, so whether the backup settled is unknown`
        : `still ${seen === undefined ? describeAnswer(polled.value) : seen} after ${polled.attempts} looks (later backups of the suite are looked at once, not waited for)`,
      specPointer: 'spec/NOTES.md#asynchronous-visibility',
    });
  }

  toString(): string {
    return `AwaitSettled(${this.target})`;
  }
}

function isUnclear(answer: Observation): boolean {
  return answer.status === undefined || answer.status >= 500;
}
