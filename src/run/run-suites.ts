import { ConformanceError } from '../errors.js';
import type { SuiteResult, ToolError } from '../run-outcome.js';
import { composeSuiteContext } from '../../suites/compose-suite-context.js';
import type { Suite } from '../../suites/suite.js';
import type { OnlineRun } from './online-run.js';

/** What the suites phase leaves: each suite's result, and the tool errors that stopped a suite. */
export interface SuitesRun {
  readonly results: readonly SuiteResult[];
  readonly errors: readonly ToolError[];
}

/**
 * The fourth phase: the plan announced, then each suite in turn until the run is stopped. A suite that throws is a
 * tool error of that suite; the next one still runs.
 */
export async function runSuites(parts: OnlineRun): Promise<SuitesRun> {
  const { config, plan, signals, emit } = parts;
  emit({ type: 'plan', suites: plan.suites.map((s) => s.id), maxBackups: plan.maxBackups, readOnly: config.readOnly, notChecked: plan.notChecked });
  const results: SuiteResult[] = [];
  const errors: ToolError[] = [];
  for (const suite of plan.suites) {
    if (signals.signal.aborted) break;
    const suiteSignal = config.suiteTimeoutMs === undefined ? signals.signal : AbortSignal.any([signals.signal, AbortSignal.timeout(config.suiteTimeoutMs)]);
    const suiteStarted = performance.now();
    emit({ type: 'suite-start', suite });
    const notes: string[] = [];
    const error = await runOneSuite(parts, suite, suiteSignal, notes);
    if (error !== undefined) {
      errors.push(error);
      emit({ type: 'tool-error', error });
    }
    const durationMs = performance.now() - suiteStarted;
    const stopped = signals.stopped() ?? (suiteSignal.aborted ? 'suite-timeout' : undefined);
    results.push({
      id: suite.id,
      title: suite.title,
      durationMs,
      ...(stopped === undefined ? {} : { interrupted: stopped }),
      ...(notes.length === 0 ? {} : { notes }),
    });
    emit({ type: 'suite-end', suite, durationMs });
  }
  return { results, errors };
}

/** One suite in its context, every judgement of it into the run's evidence, its notes into `notes`; the tool error it ended on, if any. */
async function runOneSuite(parts: OnlineRun, suite: Suite, signal: AbortSignal, notes: string[]): Promise<ToolError | undefined> {
  const { plan, evidence, account, emit } = parts;
  try {
    await suite.run(
      composeSuiteContext({
        config: plan.seeded,
        spec: plan.spec,
        index: plan.index,
        client: parts.connection.client,
        baseUrl: parts.target.baseUrl,
        suite,
        signal,
        record: evidence.record,
        passed: (operation, checkId) => evidence.passed(suite.id, operation, checkId),
        onJudgedAnswer: (operation, exchange) => evidence.judgedAnswer(operation, exchange),
        progress: (message) => emit({ type: 'progress', suite: suite.id, message }),
        note: (message) => {
          notes.push(message);
          emit({ type: 'progress', suite: suite.id, message });
        },
        highestTakenId: () => evidence.highestTaken,
        highestAcceptedId: () => account.taken.reduce<bigint | undefined>((max, id) => (max === undefined || id > max ? id : max), undefined),
        onObservation: (observation, target) => evidence.observe(suite.id, observation, target),
      }),
    );
    return undefined;
  } catch (error) {
    if (error instanceof ConformanceError) return { code: error.code, message: error.message, suite: suite.id };
    const message = `the ${suite.id} suite stopped on an internal error: ${(error as Error).message ?? String(error)}`;
    return { code: 'CONF_INTERNAL', message, suite: suite.id };
  }
}
