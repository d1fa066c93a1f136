import type { Observation } from '../../../src/api/backup-api.js';
import { pollUntil } from '../../../src/api/poll-until.js';
import type { Sighting } from '../../../src/model/backup-sighting.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import type { BackupCommand } from './backup-command.js';
import type { BackupTarget } from './backup-target.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
import { judgeLiveGet } from '../judges/judge-live-get.js';
import { observedBackups } from '../model/observed-backups.js';
import { runHalted } from '../model/run-halted.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/** The first pause between polls; it doubles up to 2 s, so a slow backup costs few requests and a quick one little time. */
const FIRST_PAUSE_MS = 10;
const SETTLED: ReadonlySet<Sighting | undefined> = new Set<Sighting | undefined>(['COMPLETED', 'FAILED']);
/** The overall states a backup's life goes through (DOES_NOT_EXIST: a backup no partition has, read as absent). */
const PLACED: ReadonlySet<string> = new Set(['INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'DOES_NOT_EXIST']);

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
 * (the take was acknowledged and the backup never appeared); one still IN_PROGRESS is a violation
 * recorded without stopping, and inconclusive when the cluster stopped answering. One still
 * INCOMPLETE is recorded as information (inconclusive), saying for how long and which partitions
 * have no backup: the spec's own state, truthfully reported (spec/NOTES.md#incomplete-for-good).
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
    let incompleteSince: number | undefined;
    let missingPartitions: readonly number[] = [];
    let unplaced: string | undefined;
    const polled = await pollUntil(
      async () => {
        const answer = await system.get(id);
        const sighting = judgeLiveGet(model, system, id, answer);
        seen = sighting ?? seen;
        if (sighting === 'INCOMPLETE') {
          incompleteSince ??= performance.now();
          missingPartitions = partitionsWithoutBackup(answer);
        }
        unplaced = sighting === undefined ? unplacedState(answer) : undefined;
        return { done: SETTLED.has(sighting) || unplaced !== undefined, value: answer };
      },
      {
        timeoutMs: system.patience.settleStalled ? 0 : system.settleTimeoutMs,
        maxAttempts: Number.MAX_SAFE_INTEGER,
        initialDelayMs: FIRST_PAUSE_MS,
        signal: system.signal,
      },
    );
    if (!polled.done && system.signal.aborted) return;
    if (unplaced !== undefined) {
      notWaitedFor(system, unplaced);
      return;
    }
    if (polled.done) {
      system.passed(get, 'backup-settles');
      return;
    }
    if (system.patience.settleStalled) return;
    system.patience.settleStalled = true;
    const seconds = `${system.settleTimeoutMs / 1000} s`;
    if (seen === 'ABSENT' && !isUnclear(polled.value)) {
      throw system.violation(
        'backup-settles',
        get,
        `backup ${id} found within ${seconds} of its ${system.statuses.accepted}`,
        `${describeAnswer(polled.value)} after ${polled.attempts} tries`,
      );
    }
    const unclear = isUnclear(polled.value);
    if (seen === 'INCOMPLETE' && !unclear) {
      // INCOMPLETE is a state of the spec's enum, which its aggregation rule gives while a partition
      // has no backup: a server that keeps saying so reports the truth. Information, not a fault.
      const forMs = performance.now() - (incompleteSince ?? performance.now());
      system.inconclusive({
        checkId: 'backup-settles',
        operation: get.label,
        expected: `COMPLETED or FAILED within ${seconds} (--settle-timeout)`,
        received: stillIncomplete(forMs, missingPartitions),
        specPointer: 'spec/NOTES.md#incomplete-for-good',
      });
      return;
    }
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
        : `still ${seen === undefined ? describeAnswer(polled.value) : seen} after ${polled.attempts} looks (later backups of the suite are looked ` +
          `at once, not waited for)`,
      specPointer: 'spec/NOTES.md#asynchronous-visibility',
    });
  }

  toString(): string {
    return `AwaitSettled(${this.target})`;
  }
}

/**
 * A state the lifecycle has no place for can never be judged to settle: waiting out the timeout
 * would cost the user its whole length for nothing. The schema check reports the state itself.
 */
function notWaitedFor(system: StatefulSystem, state: string): void {
  system.inconclusive({
    checkId: 'backup-settles',
    operation: system.index.byRole.get.label,
    expected: 'COMPLETED or FAILED, or a state on the way there',
    received: `state ${JSON.stringify(state)}, which no state of the spec's lifecycle is: not waited for`,
    specPointer: 'spec/NOTES.md#asynchronous-visibility',
  });
}

/** What a backup INCOMPLETE until the settle timeout ran out showed, and for how long. */
function stillIncomplete(forMs: number, missingPartitions: readonly number[]): string {
  const missing =
    missingPartitions.length === 0 ? 'no partition named' : `partition${missingPartitions.length === 1 ? '' : 's'} ${missingPartitions.join(', ')}`;
  return (
    `INCOMPLETE for ${(forMs / 1000).toFixed(1)} s, until the settle timeout ran out: ` +
    `${missing} DOES_NOT_EXIST (later backups of the suite are looked at once, not waited for)`
  );
}

/** The overall state of a found backup when it is text the lifecycle does not place (`DONE`, INCOMPATIBLE); else undefined. */
function unplacedState(answer: Observation): string | undefined {
  const state = observedBackups(answer)[0]?.state;
  return typeof state === 'string' && !PLACED.has(state) ? state : undefined;
}

/** The partitions of a GET answer that report DOES_NOT_EXIST, by ascending id. */
function partitionsWithoutBackup(answer: Observation): number[] {
  const observed = observedBackups(answer)[0];
  if (observed === undefined) return [];
  return observed.partitions
    .filter((partition) => partition.state === 'DOES_NOT_EXIST')
    .map((partition) => partition.partitionId)
    .sort((a, b) => a - b);
}

function isUnclear(answer: Observation): boolean {
  return answer.answer.kind === 'unclear';
}
