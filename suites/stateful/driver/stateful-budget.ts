import type { RunConfig } from '../../../src/config.js';
import { scenarioTakes } from '../commands/stateful-scenarios.js';

/**
 * Shrinking re-runs sequences against the server, and every re-run may take backups. After the
 * first failure the suite allows this many runs, and this many takes, per command of
 * --max-commands, for all shrinking together; then every further candidate passes without a
 * request, which ends the shrinking with the shortest failing sequence found so far.
 */
const SHRINK_RUNS_PER_COMMAND = 3;
const SHRINK_TAKES_PER_COMMAND = 3;
/**
 * A failure that waits (a backup never seen, a delete never seen done) costs a settle timeout or a
 * grace period in every re-run, so shrinking also stops starting runs after this long, or after
 * the settle timeout if that is longer.
 */
const SHRINK_MS = 30_000;

/** What the stateful suite may spend on a target. */
export interface StatefulBudget {
  /** Takes the scenario phase sends (a replay sends at most these and its one run's). */
  readonly scenarioTakes: number;
  /** Takes the runs may send: every run has at most --max-commands commands. */
  readonly runTakes: number;
  /** Takes all shrinking together may send. */
  readonly shrinkTakes: number;
  /** Runs all shrinking together may start. */
  readonly shrinkRuns: number;
  /** How long after the first failure shrinking may start new runs. */
  readonly shrinkMs: number;
  /** The most backups the suite may create: every take of the scenarios, the runs and shrinking, and the one that finds free ids. */
  readonly maxBackups: number;
}

/** The stateful suite's hard bounds for a configuration (a replay is one run). */
export function statefulBudget(stateful: RunConfig['stateful']): StatefulBudget {
  const { runs, maxCommands, path, settleTimeoutMs } = stateful;
  const scenarios = scenarioTakes();
  const runTakes = (path === undefined ? runs : 1) * maxCommands;
  const shrinkTakes = SHRINK_TAKES_PER_COMMAND * maxCommands;
  return {
    scenarioTakes: scenarios,
    runTakes,
    shrinkTakes,
    shrinkRuns: SHRINK_RUNS_PER_COMMAND * maxCommands,
    shrinkMs: Math.max(SHRINK_MS, settleTimeoutMs),
    maxBackups: scenarios + runTakes + shrinkTakes + 1,
  };
}
