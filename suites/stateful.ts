import fc from 'fast-check';
import { ConformanceError } from '../src/errors.js';
import type { BackupCommand } from '../generators/backup-command.js';
import { backupCommands } from '../generators/backup-commands.js';
import { END_OF_SUITE_CLEANUP_MS, removeCreatedBackups } from '../generators/remove-created-backups.js';
import { Patience } from '../generators/patience.js';
import { TakeLedger } from '../generators/take-ledger.js';
import { statefulBudget } from './stateful-budget.js';
import { statefulFinding } from './stateful-finding.js';
import { RunGate } from './stateful-gate.js';
import { statefulProbe } from './stateful-probe.js';
import { runSequence, type SequenceOptions, type SequenceOutcome } from './stateful-sequence.js';
import type { Suite, SuiteContext } from './suite.js';

const SUITE = 'stateful';

type Commands = [BackupCommand[]];

/**
 * Model-based testing with fast-check: random sequences of take, list, get, delete and
 * await-settled, each answer judged against a model of the backups (`BackupModel`); a failing
 * sequence is shrunk and reported with its seed, replay path, commands and curl lines. A
 * single-response rule (schema, list order, ...) broken during the runs gets a shrunk sequence too,
 * while the shrinking budget lasts. Only ids above every existing backup are used, and only the
 * backups the suite created are deleted, at the latest when it ends.
 */
export const statefulSuite: Suite = {
  id: SUITE,
  title: 'Sequences of takes, gets, lists and deletes follow a model of the backups',
  destructive: true,
  maxBackups: (config) => statefulBudget(config.stateful).maxBackups,
  run: runStateful,
};

async function runStateful(context: SuiteContext): Promise<void> {
  const { config, api, index, signal } = context;
  const { runs, maxCommands, keepBackups, seed, path } = config.stateful;
  if (path !== undefined && seed === undefined) {
    throw new ConformanceError('CONF_USAGE', `--path ${path} replays a run of one seed: give the --seed printed with the finding too.`);
  }
  const budget = statefulBudget(config.stateful);
  const { runTakes, shrinkTakes, maxBackups } = budget;
  const ledger = new TakeLedger(runTakes + shrinkTakes);
  const patience = new Patience();
  const commands = backupCommands(maxCommands);
  const report = { suite: SUITE, index, redactedHeaders: context.redactedHeaders };
  context.progress(
    `${path === undefined ? `${runs} runs` : `replay of --seed ${seed} --path ${path}`} of up to ${maxCommands} commands: at most ${maxBackups} backups ` +
      `(${runTakes} for the runs, ${shrinkTakes} to shrink a failure, 1 to find free ids), ${keepBackups ? 'kept' : 'deleted'} at the end`,
  );

  const gate = new RunGate(budget, ledger, signal);
  let internal: unknown;
  const run = async (sequence: readonly BackupCommand[], options: Omit<SequenceOptions, 'context' | 'suite' | 'ledger' | 'patience'>): Promise<SequenceOutcome | undefined> => {
    try {
      const outcome = await runSequence(sequence, { context, suite: SUITE, ledger, patience, ...options });
      gate.stop(outcome.stopReason);
      if (outcome.skipReason === undefined) {
        gate.started();
      } else {
        context.progress(`a run could not start: ${outcome.skipReason}`);
        gate.skipped(outcome.skipReason);
      }
      return outcome;
    } catch (error) {
      // A fault of the suite, not of the server: no further run starts, and the run reports it.
      internal ??= error;
      gate.stop('an internal error');
      return undefined;
    }
  };
  const shrinkLine = (what: string, sequence: readonly BackupCommand[], base: bigint): string =>
    `shrinking ${what}, attempt ${gate.shrinkAttempts} of at most ${budget.shrinkRuns}: ${sequence.length} commands, ids above ${base}`;

  let evaluations = 0;
  let started = 0;
  let failingCheck: string | undefined;
  let lastFailure: SequenceOutcome | undefined;
  const otherFailures = new Map<string, SequenceOutcome>();
  /** For each response check broken while exploring, the replay path of the first run that broke it. */
  const responseRuns = new Map<string, string>();

  const explore = fc.asyncProperty(commands, async (sequence) => {
    const at = evaluations++;
    const shrinking = failingCheck !== undefined;
    // A run that does not start passes: while shrinking, that ends the search without a request.
    if (!gate.open(sequence, shrinking)) return;
    if (!shrinking) started++;
    const outcome = await run(sequence, {
      describe: (base) =>
        shrinking
          ? shrinkLine(`the sequence that broke ${failingCheck}`, sequence, base)
          : `run ${started}${path === undefined ? ` of ${runs}` : ''}: ${sequence.length} commands, ids above ${base}; backups created so far: ${ledger.accepted}`,
    });
    if (outcome === undefined) return;
    if (!shrinking && path === undefined) {
      for (const finding of outcome.responseViolations) if (!responseRuns.has(finding.checkId)) responseRuns.set(finding.checkId, String(at));
    }
    const { violation } = outcome;
    if (violation === undefined) return;
    failingCheck ??= violation.checkId;
    // Shrinking keeps to the rule that failed first; another rule broken on the way is reported on its own.
    if (violation.checkId === failingCheck) {
      lastFailure = outcome;
      throw violation;
    }
    const known = otherFailures.get(violation.checkId);
    if (known === undefined || outcome.steps.length < known.steps.length) otherFailures.set(violation.checkId, outcome);
  });

  try {
    const unfit = await statefulProbe(context, SUITE, ledger);
    if (unfit !== undefined) {
      context.progress(`no runs: ${unfit}`);
      return;
    }
    const details = await check(explore, { numRuns: path === undefined ? runs : 1, ...(seed === undefined ? {} : { seed }), ...(path === undefined ? {} : { path }) });
    if (internal !== undefined) throw internal;
    const shrunk = lastFailure === undefined ? undefined : statefulFinding(lastFailure, report, { seed: details.seed, path: details.counterexamplePath ?? '' });
    if (shrunk !== undefined) {
      context.record(shrunk);
      context.progress(`${shrunk.checkId} failed; shortest sequence: ${shrunk.reproduction.replay?.commands} (--seed ${details.seed} --path ${details.counterexamplePath})`);
    }
    for (const outcome of otherFailures.values()) {
      const finding = statefulFinding(outcome, report);
      if (finding !== undefined) context.record(finding);
    }

    // The run that first broke each single-response rule, replayed and shrunk while the budget lasts.
    for (const [checkId, runPath] of responseRuns) {
      if (!gate.shrinkOpen || gate.stopReason !== undefined || signal.aborted) break;
      let last: SequenceOutcome | undefined;
      const reproduce = fc.asyncProperty(commands, async (sequence) => {
        if (!gate.open(sequence, true)) return;
        const outcome = await run(sequence, { stopOn: checkId, describe: (base) => shrinkLine(`a sequence that breaks ${checkId}`, sequence, base) });
        if (outcome?.stoppedOn === undefined) return;
        last = outcome;
        throw new Error(`${checkId} broken`);
      });
      const replayed = await check(reproduce, { seed: details.seed, path: runPath, numRuns: 1 });
      if (internal !== undefined) throw internal;
      const finding = last === undefined ? undefined : statefulFinding(last, report, { seed: details.seed, path: replayed.counterexamplePath ?? runPath });
      if (finding !== undefined) context.record(finding);
    }
    if (gate.stopReason !== undefined) context.progress(`stopped early: ${gate.stopReason}`);
    if (signal.aborted) context.progress('interrupted: no further runs');
  } finally {
    if (!keepBackups) await removeCreatedBackups(api, ledger, { retryUntil: AbortSignal.timeout(END_OF_SUITE_CLEANUP_MS) });
    context.progress(closingNote(ledger, keepBackups));
  }
}

async function check(property: fc.IAsyncProperty<Commands>, parameters: fc.Parameters<Commands>): Promise<fc.RunDetails<Commands>> {
  try {
    return await fc.check(property, parameters);
  } catch (error) {
    // fast-check refuses a path that leads nowhere in the seed's tree of values.
    if (parameters.path !== undefined && /replay/i.test(String((error as Error).message))) {
      throw new ConformanceError('CONF_USAGE', `--path ${parameters.path} names no run of --seed ${parameters.seed}: copy both, and --max-commands, from the finding being replayed.`);
    }
    throw error;
  }
}

function closingNote(ledger: TakeLedger, keepBackups: boolean): string {
  const left = ledger.created;
  const taken = `${ledger.sent + ledger.probes} takes, ${ledger.accepted} accepted`;
  const floor = ledger.highestCreated === undefined ? '' : `; later backups on this cluster need ids above ${ledger.highestCreated}`;
  if (left.length === 0) return `${taken}; every backup the suite created is deleted${floor}`;
  const ids = left.length > 20 ? `${left.slice(0, 20).join(', ')}, …` : left.join(', ');
  return keepBackups ? `${taken}; kept ${left.length} backups: ${ids}${floor}` : `${taken}; could not delete ${left.length} backups, delete them by hand: ${ids}${floor}`;
}
