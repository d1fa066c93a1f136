import fc from 'fast-check';
import { ConformanceError } from '../../../src/errors.js';
import { formatDuration } from '../../../src/format-duration.js';
import { plural } from '../../../src/text/plural.js';
import type { BackupCommand } from '../commands/backup-command.js';
import { backupCommands } from '../commands/backup-commands.js';
import { statefulScenarios, type StatefulScenario } from '../commands/stateful-scenarios.js';
import { statefulFinding } from '../judges/stateful-finding.js';
import { Patience } from '../model/patience.js';
import { TakeLedger } from '../model/take-ledger.js';
import type { SuiteContext } from '../../suite.js';
import { statefulBudget, type StatefulBudget } from './stateful-budget.js';
import { RunGate } from './stateful-gate.js';
import { BackupSweep } from './stateful-sweep.js';
import { runSequence, type SequenceOptions, type SequenceOutcome } from './stateful-sequence.js';

type Commands = [BackupCommand[]];

/**
 * One execution of the stateful suite: the scenarios and the exploration's runs as one fast-check
 * property, the shrinking of the first failure, the replay and shrinking of each single-response
 * rule broken on the way, and the closing sweep. What the runs share (the ledger of takes, the gate
 * that opens each run, the sweep, the failures seen) is held here, each step a method.
 */
export class StatefulExploration {
  readonly ledger: TakeLedger;
  readonly sweep: BackupSweep;
  readonly #budget: StatefulBudget;
  readonly #gate: RunGate;
  readonly #patience = new Patience();
  readonly #commands: fc.Arbitrary<BackupCommand[]>;
  readonly #report: Parameters<typeof statefulFinding>[1];
  // The scenarios come first, as fast-check examples: the same on every seed, and each one's index
  // is its replay path, so `--seed S --path 1` replays the second scenario.
  readonly #examples: Commands[] = statefulScenarios.map((scenario) => [[...scenario.commands]]);
  readonly #scenarioOf = new Map<readonly BackupCommand[], StatefulScenario>(this.#examples.map((example, at) => [example[0], statefulScenarios[at]!]));
  #internal: unknown;
  #evaluations = 0;
  #started = 0;
  /** When the suite began: --budget counts from here. */
  readonly #suiteStarted = performance.now();
  /** The random runs not started because --budget was spent. */
  #leftOutByBudget = 0;
  #failingCheck: string | undefined;
  #lastFailure: SequenceOutcome | undefined;
  readonly #otherFailures = new Map<string, SequenceOutcome>();
  /** For each response check broken while exploring, the replay path of the first run that broke it. */
  readonly #responseRuns = new Map<string, string>();

  constructor(
    private readonly context: SuiteContext,
    private readonly suite: string,
  ) {
    const { stateful } = context.config;
    this.#budget = statefulBudget(stateful);
    const { scenarioTakes, runTakes, shrinkTakes } = this.#budget;
    this.ledger = new TakeLedger(scenarioTakes + runTakes + shrinkTakes);
    this.#gate = new RunGate(this.#budget, this.ledger, context.signal);
    this.sweep = new BackupSweep(context, suite);
    this.#commands = backupCommands(stateful.maxCommands);
    this.#report = { suite, index: context.index, redactedHeaders: context.redactedHeaders };
  }

  /** The plan, for the progress line before the first request. */
  get plan(): string {
    const { runs, maxCommands, keepBackups, seed, path } = this.context.config.stateful;
    const { scenarioTakes, runTakes, shrinkTakes, maxBackups } = this.#budget;
    const what = path === undefined ? `${statefulScenarios.length} scenarios, then ${runs} runs` : `replay of --seed ${seed} --path ${path}`;
    const within = path === undefined ? `, each started within --budget ${formatDuration(this.context.config.stateful.budgetMs)}` : '';
    return (
      `${what} of up to ${maxCommands} commands${within}: at most ${maxBackups} backups ` +
      `(${scenarioTakes} for the scenarios, ${runTakes} for the runs, ${shrinkTakes} to shrink a failure, 1 to find free ids), ` +
      `${keepBackups ? 'kept' : 'deleted'} at the end`
    );
  }

  get stopReason(): string | undefined {
    return this.#gate.stopReason;
  }

  /** How many random runs fitted in --budget, when it left some out; else undefined. */
  get budgetNote(): string | undefined {
    if (this.#leftOutByBudget === 0) return undefined;
    const { runs, budgetMs } = this.context.config.stateful;
    return (
      `${this.#started} of ${runs} random runs fitted in --budget ${formatDuration(budgetMs)} (the scenarios ran in full); ` +
      `a longer --budget runs the other ${this.#leftOutByBudget}`
    );
  }

  /** The scenarios and the runs, then the shrinking of the first rule broken; the run details of fast-check. */
  async explore(seed: number): Promise<fc.RunDetails<Commands>> {
    const { runs, path } = this.context.config.stateful;
    const property = fc.asyncProperty(this.#commands, (sequence) => this.#exploreOne(sequence));
    const numRuns = path === undefined ? statefulScenarios.length + runs : 1;
    const details = await check(property, { examples: this.#examples, seed, numRuns, ...(path === undefined ? {} : { path }) });
    if (this.#internal !== undefined) throw this.#internal;
    return details;
  }

  /** Records the shrunk failure and every other rule broken on the way, each with its shortest run. */
  recordFailures(details: fc.RunDetails<Commands>): void {
    const shrunk =
      this.#lastFailure === undefined
        ? undefined
        : statefulFinding(this.#lastFailure, this.#report, { seed: details.seed, path: details.counterexamplePath ?? '' });
    if (shrunk !== undefined) {
      this.context.record(shrunk);
      this.context.progress(
        `${shrunk.checkId} failed; shortest sequence: ${shrunk.reproduction.replay?.commands} (--seed ${details.seed} --path ${details.counterexamplePath})`,
      );
    }
    for (const outcome of this.#otherFailures.values()) {
      const finding = statefulFinding(outcome, this.#report);
      if (finding !== undefined) this.context.record(finding);
    }
  }

  /** The run that first broke each single-response rule, replayed and shrunk while the budget lasts. */
  async shrinkResponseFailures(details: fc.RunDetails<Commands>): Promise<void> {
    for (const [checkId, runPath] of this.#responseRuns) {
      if (!this.#gate.shrinkOpen || this.#gate.stopReason !== undefined || this.context.signal.aborted) break;
      let last: SequenceOutcome | undefined;
      const reproduce = fc.asyncProperty(this.#commands, async (sequence) => {
        if (!this.#gate.open(sequence, true)) return;
        const scenario = this.#scenarioOf.get(sequence);
        const outcome = await this.#run(sequence, {
          stopOn: checkId,
          ...(scenario === undefined ? {} : { scenario: scenario.name }),
          describe: (base) => this.#shrinkLine(`a sequence that breaks ${checkId}`, sequence, base),
        });
        if (outcome?.stoppedOn === undefined) return;
        last = outcome;
        throw new Error(`${checkId} broken`);
      });
      const replayed = await check(reproduce, { examples: this.#examples, seed: details.seed, path: runPath, numRuns: 1 });
      if (this.#internal !== undefined) throw this.#internal;
      const finding =
        last === undefined ? undefined : statefulFinding(last, this.#report, { seed: details.seed, path: replayed.counterexamplePath ?? runPath });
      if (finding !== undefined) this.context.record(finding);
    }
  }

  /** One evaluation of the property: a scenario, a run, or a shrinking attempt of the failing one. */
  async #exploreOne(sequence: BackupCommand[]): Promise<void> {
    const at = this.#evaluations++;
    const shrinking = this.#failingCheck !== undefined;
    const scenario = this.#scenarioOf.get(sequence);
    if (!shrinking && scenario === undefined && this.#budgetSpent()) {
      this.#leftOutByBudget++;
      return;
    }
    // A run that does not start passes: while shrinking, that ends the search without a request.
    if (!this.#gate.open(sequence, shrinking)) return;
    if (!shrinking && scenario === undefined) this.#started++;
    const outcome = await this.#run(sequence, {
      ...(scenario === undefined ? {} : { scenario: scenario.name }),
      describe: (base) => this.#describeRun(sequence, base, shrinking, scenario),
    });
    if (outcome === undefined) return;
    if (!shrinking && this.context.config.stateful.path === undefined) {
      for (const finding of outcome.responseViolations) if (!this.#responseRuns.has(finding.checkId)) this.#responseRuns.set(finding.checkId, String(at));
    }
    const { violation } = outcome;
    if (violation === undefined) return;
    this.#failingCheck ??= violation.checkId;
    // Shrinking keeps to the rule that failed first; another rule broken on the way is reported on its own.
    if (violation.checkId === this.#failingCheck) {
      this.#lastFailure = outcome;
      throw violation;
    }
    const known = this.#otherFailures.get(violation.checkId);
    if (known === undefined || outcome.steps.length < known.steps.length) this.#otherFailures.set(violation.checkId, outcome);
  }

  /**
   * Whether a random run may no longer start: --budget has passed since the suite began. A replay
   * (--path) runs whatever the time; shrinking keeps to its own bounds (StatefulBudget).
   */
  #budgetSpent(): boolean {
    const { path, budgetMs } = this.context.config.stateful;
    return path === undefined && performance.now() - this.#suiteStarted > budgetMs;
  }

  #describeRun(sequence: readonly BackupCommand[], base: bigint, shrinking: boolean, scenario: StatefulScenario | undefined): string {
    const { runs, path } = this.context.config.stateful;
    if (shrinking) return this.#shrinkLine(`the sequence that broke ${this.#failingCheck}`, sequence, base);
    if (scenario !== undefined) return `scenario ${scenario.name}: ${scenario.purpose}; ${plural(sequence.length, 'command')}, ids above ${base}`;
    return (
      `run ${this.#started}${path === undefined ? ` of ${runs}` : ''}: ${plural(sequence.length, 'command')}, ids above ${base}; backups ` +
      `created so far: ${this.ledger.accepted}`
    );
  }

  #shrinkLine(what: string, sequence: readonly BackupCommand[], base: bigint): string {
    return (
      `shrinking ${what}, attempt ${this.#gate.shrinkAttempts} of at most ${this.#budget.shrinkRuns}: ${plural(sequence.length, 'command')}, ` +
      `ids above ${base}`
    );
  }

  async #run(
    sequence: readonly BackupCommand[],
    options: Omit<SequenceOptions, 'context' | 'suite' | 'ledger' | 'patience' | 'standing'>,
  ): Promise<SequenceOutcome | undefined> {
    try {
      const shared = { context: this.context, suite: this.suite, ledger: this.ledger, patience: this.#patience, standing: this.sweep.standing };
      const outcome = await runSequence(sequence, { ...shared, ...options });
      this.sweep.deletedAndGone(outcome.deletedBackups);
      this.#gate.stop(outcome.stopReason);
      if (outcome.skipReason === undefined) {
        this.#gate.started();
      } else {
        this.context.progress(`a run could not start: ${outcome.skipReason}`);
        this.#gate.skipped(outcome.skipReason);
      }
      return outcome;
    } catch (error) {
      // A fault of the suite, not of the server: no further run starts, and the run reports it.
      this.#internal ??= error;
      this.#gate.stop('an internal error');
      return undefined;
    }
  }
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
