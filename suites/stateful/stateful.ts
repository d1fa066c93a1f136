import fc from 'fast-check';
import type { BackupApi, Observation } from '../../src/api/backup-api.js';
import { ConformanceError } from '../../src/errors.js';
import type { Finding } from '../../src/findings/finding.js';
import { plural } from '../../src/text/plural.js';
import type { BackupCommand } from './commands/backup-command.js';
import { backupCommands } from './commands/backup-commands.js';
import { END_OF_SUITE_CLEANUP_MS, removeCreatedBackups } from './driver/remove-created-backups.js';
import { Patience } from './model/patience.js';
import { statefulScenarios, type StatefulScenario } from './commands/stateful-scenarios.js';
import { TakeLedger } from './model/take-ledger.js';
import { statefulBudget } from './driver/stateful-budget.js';
import { statefulFinding } from './judges/stateful-finding.js';
import { RunGate } from './driver/stateful-gate.js';
import { BackupSweep } from './driver/stateful-sweep.js';
import { statefulProbe } from './driver/stateful-probe.js';
import { runSequence, type SequenceOptions, type SequenceOutcome } from './driver/stateful-sequence.js';
import type { Suite, SuiteContext } from '../suite.js';

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

async function runStateful(suiteContext: SuiteContext): Promise<void> {
  const watch = watchViolations(suiteContext);
  const context = watch.context;
  const { config, api, index, signal } = context;
  const { runs, maxCommands, keepBackups, seed, path } = config.stateful;
  if (path !== undefined && seed === undefined) {
    throw new ConformanceError('CONF_USAGE', `--path ${path} replays a run of one seed: give the --seed printed with the finding too.`);
  }
  const budget = statefulBudget(config.stateful);
  const { scenarioTakes, runTakes, shrinkTakes, maxBackups } = budget;
  const ledger = new TakeLedger(scenarioTakes + runTakes + shrinkTakes);
  const patience = new Patience();
  const commands = backupCommands(maxCommands);
  const report = { suite: SUITE, index, redactedHeaders: context.redactedHeaders };
  // The scenarios come first, as fast-check examples: the same on every seed, and each one's index
  // is its replay path, so `--seed S --path 1` replays the second scenario.
  const scenarios = statefulScenarios;
  const examples: Commands[] = scenarios.map((scenario) => [[...scenario.commands]]);
  const scenarioOf = new Map<readonly BackupCommand[], StatefulScenario>(examples.map((example, at) => [example[0], scenarios[at] as StatefulScenario]));
  context.progress(
    `${path === undefined ? `${scenarios.length} scenarios, then ${runs} runs` : `replay of --seed ${seed} --path ${path}`} of up to ${maxCommands} commands: at most ${maxBackups} backups ` +
      `(${scenarioTakes} for the scenarios, ${runTakes} for the runs, ${shrinkTakes} to shrink a failure, 1 to find free ids), ${keepBackups ? 'kept' : 'deleted'} at the end`,
  );

  const gate = new RunGate(budget, ledger, signal);
  const sweep = new BackupSweep(context, SUITE);
  let internal: unknown;
  const run = async (sequence: readonly BackupCommand[], options: Omit<SequenceOptions, 'context' | 'suite' | 'ledger' | 'patience'>): Promise<SequenceOutcome | undefined> => {
    try {
      const outcome = await runSequence(sequence, { context, suite: SUITE, ledger, patience, ...options });
      sweep.deletedAndGone(outcome.deletedBackups);
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
    `shrinking ${what}, attempt ${gate.shrinkAttempts} of at most ${budget.shrinkRuns}: ${plural(sequence.length, 'command')}, ids above ${base}`;

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
    const scenario = scenarioOf.get(sequence);
    if (!shrinking && scenario === undefined) started++;
    const outcome = await run(sequence, {
      ...(scenario === undefined ? {} : { scenario: scenario.name }),
      describe: (base) =>
        shrinking
          ? shrinkLine(`the sequence that broke ${failingCheck}`, sequence, base)
          : scenario !== undefined
            ? `scenario ${scenario.name}: ${scenario.purpose}; ${plural(sequence.length, 'command')}, ids above ${base}`
            : `run ${started}${path === undefined ? ` of ${runs}` : ''}: ${plural(sequence.length, 'command')}, ids above ${base}; backups created so far: ${ledger.accepted}`,
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

  let finished = false;
  let untested: string | undefined;
  try {
    await sweep.recordPreExisting();
    ledger.sentBefore(context.highestTakenId());
    const unfit = await statefulProbe(context, SUITE, ledger);
    if (unfit !== undefined) {
      context.progress(`no runs: ${unfit}`);
      untested = unfit;
      finished = true;
      return;
    }
    // Chosen here rather than by fast-check, so that it is printed before the first run, passing or not.
    const runSeed = seed ?? (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) | 0;
    context.progress(`seed ${runSeed}${seed === undefined ? ' (random)' : ''}: --seed ${runSeed} runs the same exploration again`);
    const details = await check(explore, { examples, seed: runSeed, numRuns: path === undefined ? scenarios.length + runs : 1, ...(path === undefined ? {} : { path }) });
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
        const scenario = scenarioOf.get(sequence);
        const outcome = await run(sequence, {
          stopOn: checkId,
          ...(scenario === undefined ? {} : { scenario: scenario.name }),
          describe: (base) => shrinkLine(`a sequence that breaks ${checkId}`, sequence, base),
        });
        if (outcome?.stoppedOn === undefined) return;
        last = outcome;
        throw new Error(`${checkId} broken`);
      });
      const replayed = await check(reproduce, { examples, seed: details.seed, path: runPath, numRuns: 1 });
      if (internal !== undefined) throw internal;
      const finding = last === undefined ? undefined : statefulFinding(last, report, { seed: details.seed, path: replayed.counterexamplePath ?? runPath });
      if (finding !== undefined) context.record(finding);
    }
    if (sweep.size > 0 && !signal.aborted) {
      context.progress(`closing sweep: ${sweep.size} backups seen earlier read again, by GET and in the list`);
      await sweep.sweep();
    }
    if (gate.stopReason !== undefined) context.progress(`stopped early: ${gate.stopReason}`);
    if (signal.aborted) context.progress('interrupted: no further runs');
    finished = true;
  } finally {
    if (!keepBackups) await removeCreatedBackups(api, ledger, { retryUntil: AbortSignal.timeout(END_OF_SUITE_CLEANUP_MS) });
    context.progress(closingNote(ledger, keepBackups));
    // A run that could take no backup tested none of the sequence rules: unless it found the server
    // at fault, it could not judge, and must not pass as conformant. (Only when the suite ended of
    // itself: an error already on its way out is not replaced.)
    if (finished && ledger.accepted === 0 && !signal.aborted && !watch.sawViolation()) {
      throw new ConformanceError(
        'CONF_NOT_TESTED',
        `The stateful suite could take no backup${untested === undefined ? '' : ` (${untested})`}, so its sequence rules (conflicts, lists, deletes, settling, state changes) were not tested. Check that the cluster is healthy and nothing else takes backups, or give --id-base above the highest id ever taken, and run again.`,
      );
    }
  }
}

/**
 * The suite's context, seeing whether any violation was found while the suite ran: by the suite's
 * own rules, or by the response checks on an answer it received.
 */
function watchViolations(context: SuiteContext): { readonly context: SuiteContext; sawViolation(): boolean } {
  let seen = false;
  const saw = <O extends Observation>(observation: O): O => {
    if (observation.findings.some((finding) => finding.verdict === 'violation')) seen = true;
    return observation;
  };
  const { api } = context;
  const watched: BackupApi = {
    statuses: api.statuses,
    list: async () => saw(await api.list()),
    take: async (id) => saw(await api.take(id)),
    get: async (id) => saw(await api.get(id)),
    delete: async (id) => saw(await api.delete(id)),
    send: async (operation, request, intent) => saw(await api.send(operation, request, intent)),
    urlFor: (operation, pathValues) => api.urlFor(operation, pathValues),
  };
  const record = (finding: Finding): void => {
    if (finding.verdict === 'violation') seen = true;
    context.record(finding);
  };
  return { context: { ...context, api: watched, record }, sawViolation: () => seen };
}

async function check(property: fc.IAsyncProperty<Commands>, parameters: fc.Parameters<Commands>): Promise<fc.RunDetails<Commands>> {
  try {
    return await fc.check(property, parameters);
  } catch (error) {
    // fast-check refuses a path that leads nowhere in the seed's tree of values.
    if (parameters.path !== undefined && /replay/i.test(String((error as Error).message))) {
      throw new ConformanceError(
        'CONF_USAGE',
        `--path ${parameters.path} names no run of --seed ${parameters.seed}: copy both, and --max-commands, from the finding being replayed.`,
      );
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
  return keepBackups
    ? `${taken}; kept ${plural(left.length, 'backup')}: ${ids}${floor}`
    : `${taken}; could not delete ${plural(left.length, 'backup')}, delete them by hand: ${ids}${floor}`;
}
