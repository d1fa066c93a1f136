import fc from 'fast-check';
import { highestBackupId } from '../../../src/api/highest-backup-id.js';
import type { Finding } from '../../../src/findings/finding.js';
import { sequenceFinding } from '../../../src/findings/sequence-finding.js';
import type { Exchange } from '../../../src/http/exchange.js';
import { BackupModel } from '../../../src/model/backup-model.js';
import { runBaseId } from '../../../src/model/run-base-id.js';
import type { BackupCommand } from '../commands/backup-command.js';
import { answerClause } from '../../../src/api/describe-answer.js';
import { PropertyViolation } from '../judges/property-violation.js';
import { readSettledAgain } from './read-settled-again.js';
import { removeCreatedBackups } from './remove-created-backups.js';
import { ResponseViolation } from '../judges/response-violation.js';
import { StatefulSystem, type StatefulSystemOptions } from '../model/stateful-system.js';
import type { TakeLedger } from '../model/take-ledger.js';
import type { Patience } from '../model/patience.js';
import type { SuiteContext } from '../../suite.js';

/**
 * The longest a deleted backup may stay visible, if the settle timeout is longer: real Zeebe
 * deletes asynchronously, and its own acceptance test waits up to 30 s for the 404
 * (spec/NOTES.md#asynchronous-visibility).
 */
const DELETE_GRACE_MS = 30_000;

/** How one sequence went. */
export interface SequenceOutcome {
  /** The scenario the run played, if it was one. */
  readonly scenario?: string;
  /** Why the run could not start and the suite must stop. */
  readonly stopReason?: string;
  /** Why the run could not start this time: the listing that chooses its ids got no clear answer. */
  readonly skipReason?: string;
  /** Each command as it ran, e.g. `Take(+7 = 1037)`. */
  readonly steps: readonly string[];
  /** Every exchange of the run, from the listing that chose its ids. */
  readonly transcript: readonly Exchange[];
  /** The backups the run deleted and saw gone. */
  readonly deletedBackups: BackupModel['deletedBackups'];
  /** The stateful rule the run broke, if any. */
  readonly violation?: PropertyViolation;
  /** The violations the response checks found, the first per check id. */
  readonly responseViolations: readonly Finding[];
  /** Set when the run stopped on the response check it was asked to stop on. */
  readonly stoppedOn?: Finding;
}

export interface SequenceOptions {
  readonly context: SuiteContext;
  readonly suite: string;
  readonly ledger: TakeLedger;
  readonly patience: Patience;
  /** The backups every list must hold while GET finds them (see `StatefulSystemOptions.standing`). */
  readonly standing: StatefulSystemOptions['standing'];
  /** A response check whose violation ends the run, to shrink the sequence that leads to it. */
  readonly stopOn?: string;
  /** The name of the scenario this sequence is, for its finding's replay line. */
  readonly scenario?: string;
  /** The progress line, once the run's ids are known. */
  describe(base: bigint): string;
}

/**
 * One run: list the backups to choose a base id above all of them, run the commands against a
 * fresh model, then (unless --keep-backups) delete the backups the suite created that no delete
 * was sent for yet, after reading once more those it saw settle (`readSettledAgain`). Violations
 * come back as data; anything else thrown is a fault of the suite and propagates.
 */
export async function runSequence(commands: readonly BackupCommand[], options: SequenceOptions): Promise<SequenceOutcome> {
  const { context, ledger } = options;
  const { index, signal } = context;
  const { settleTimeoutMs, keepBackups } = context.config.stateful;
  const system = new StatefulSystem({
    api: context.api,
    index,
    ledger,
    settleTimeoutMs,
    graceMs: Math.min(DELETE_GRACE_MS, settleTimeoutMs),
    patience: options.patience,
    standing: options.standing,
    signal,
    ...(options.stopOn === undefined ? {} : { stopOn: options.stopOn }),
    passed: (operation, checkId) => context.passed(operation, checkId),
    inconclusive: (note, exchanges) => {
      context.record(
        sequenceFinding({
          ...note,
          verdict: note.verdict ?? 'inconclusive',
          operations: index.byRole,
          suite: options.suite,
          exchanges,
          redactedHeaders: context.redactedHeaders,
        }),
      );
    },
  });
  let model: BackupModel | undefined;
  const outcome = (fields: Partial<SequenceOutcome>): SequenceOutcome => ({
    deletedBackups: model?.deletedBackups ?? [],
    ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
    steps: [...system.steps],
    transcript: [...system.transcript],
    responseViolations: [...system.responseViolations],
    ...fields,
  });

  try {
    const listing = await system.list();
    if (listing.answer.kind === 'unclear') {
      return outcome({ skipReason: `${answerClause('the list', listing)}, so no backup id could be chosen safely` });
    }
    const highest = highestBackupId(listing);
    const base = highest === undefined ? undefined : runBaseId(highest, ledger.highestSent);
    if (base === undefined) {
      return outcome({
        stopReason:
          highest === undefined
            ? `${answerClause('the list', listing)}, so no backup id can be chosen safely`
            : `the highest backup id, ${highest}, leaves no room for new ids below the int64 maximum`,
      });
    }
    const runModel = new BackupModel(base);
    model = runModel;
    context.progress(options.describe(base));
    await fc.asyncModelRun(() => ({ model: runModel, real: system }), commands);
    await readSettledAgain(runModel, system);
    return outcome({});
  } catch (error) {
    if (error instanceof PropertyViolation) return outcome({ violation: error });
    if (error instanceof ResponseViolation) return outcome({ stoppedOn: error.finding });
    throw error;
  } finally {
    if (!keepBackups) await removeCreatedBackups(context.api, ledger, { concurrency: context.config.concurrency });
  }
}
