import { BackupAccount } from './api/backup-account.js';
import type { RunConfig } from './config.js';
import type { RunOutcome } from './run-outcome.js';
import { buildOutcome } from './run/build-outcome.js';
import { openConnection } from './run/open-connection.js';
import { planRun } from './run/plan-run.js';
import { reachTarget, type ReachedTarget } from './run/reach-target.js';
import { RunEvidence } from './run/run-evidence.js';
import type { RunHooks } from './run/run-event.js';
import { RunSignals } from './run/run-signals.js';
import { runSuites, type SuitesRun } from './run/run-suites.js';
import { sweepLeftBehind } from './run/sweep-left-behind.js';

export type { DestructivePlan, RunEvent, RunHooks } from './run/run-event.js';
export { selectSuites } from './run/select-suites.js';

/**
 * The composition root: a run is its phases in order, each given what the earlier ones made (src/run/):
 * plan (spec, suites, seed, baseline, consent: before any request) → connection (client, embedded server) →
 * target (wait, discover, preflight) → suites → sweep of what they left → outcome.
 * Tool errors that prevent judging (invalid spec, unreachable target) are thrown as ConformanceError before any
 * suite runs; later ones are recorded in the outcome. The connection is closed however the run ends.
 */
export async function runConformance(config: RunConfig, hooks: RunHooks = {}): Promise<RunOutcome> {
  const started = { ms: performance.now(), at: new Date().toISOString() };
  const startedAtMs = Date.now();
  const emit = hooks.onEvent ?? (() => {});
  const signals = new RunSignals(config, hooks.signal);
  const plan = await planRun(config, hooks.confirm);
  const account = hooks.account ?? new BackupAccount();
  const evidence = new RunEvidence(config, plan, emit, startedAtMs);
  const connection = await openConnection(config, plan, evidence, account);
  let target: ReachedTarget;
  let suites: SuitesRun;
  try {
    target = await reachTarget(config, plan, connection, signals.signal, emit);
    account.route(target.routes);
    const online = { config, plan, connection, target, evidence, account, signals, emit };
    suites = await runSuites(online);
    await sweepLeftBehind(online);
  } finally {
    await connection.close();
  }
  const embedded = connection.embeddedUrl !== undefined;
  return buildOutcome({ config, plan, evidence, target: target.baseUrl, embedded, suites, signals, interruptReason: hooks.signal?.reason, started, emit });
}

/**
 * A run, then its reports in `outDir` when the config has one: a run from code (the package's
 * entry). The reports' modules load only for a run that writes them.
 */
export async function runAndWriteReports(config: RunConfig, hooks: RunHooks = {}): Promise<RunOutcome> {
  const outcome = await runConformance(config, hooks);
  if (config.outDir !== undefined) await (await import('../reports/write-reports.js')).writeReports(config.outDir, outcome);
  return outcome;
}
