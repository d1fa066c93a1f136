import { readFile } from 'node:fs/promises';
import { isLoopback } from '../api/is-loopback.js';
import { loadBaseline, type Baseline } from '../baseline/baseline.js';
import { DEFAULTS, type RunConfig } from '../config.js';
import { ConformanceError } from '../errors.js';
import { prepareOutDir } from '../prepare-out-dir.js';
import { rulesNotStated, type UncheckedRule } from '../rules/rules.js';
import { createAjv } from '../spec/create-ajv.js';
import { indexOperations, type OperationIndex } from '../spec/index-operations.js';
import { loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import type { Suite } from '../../suites/suite.js';
import type { RunHooks } from './run-event.js';
import { selectSuites } from './select-suites.js';

/** Everything a run knows before its first request: what it tests against, which suites, with what seed. */
export interface RunPlan {
  readonly spec: LoadedSpec;
  readonly index: OperationIndex;
  /** The rules this spec does not state: the run does not check them. */
  readonly notChecked: readonly UncheckedRule[];
  readonly unstated: ReadonlySet<string>;
  readonly suites: readonly Suite[];
  readonly seed: number;
  /** The config with the run's seed, as the suites read it. */
  readonly seeded: RunConfig;
  readonly baseline?: Baseline;
  /** The most backups the suites may take, for the plan and the consent. */
  readonly maxBackups: number;
  /** The --ca file's certificate authorities. */
  readonly ca?: string;
}

/**
 * The first phase: the local inputs, read and checked before any request (the --out folder, the spec, the baseline,
 * the --ca file, consent to touch a remote target), so that a mistake in them costs no backup.
 */
export async function planRun(config: RunConfig, confirm: RunHooks['confirm']): Promise<RunPlan> {
  // Before any request: a run that takes backups and then cannot write its reports wastes them.
  if (config.outDir !== undefined) await prepareOutDir(config.outDir);
  const bundledSpec = config.specPath === DEFAULTS.specPath;
  const spec = await loadSpec(config.specPath, { trusted: bundledSpec });
  // The bundled spec is known to compile (a test compiles all of it): its validators are compiled
  // as answers need them, so the first request waits for none. Another spec is compiled at once,
  // so that a schema ajv cannot compile stops the run before any request.
  const index = indexOperations(spec.document, createAjv(), bundledSpec ? 'on-first-use' : 'at-once');
  const notChecked = rulesNotStated(spec.document, index.byRole);
  const suites = selectSuites(config.suites, config.readOnly);
  // One seed for every random choice of the run, drawn here when --seed is absent, so that the
  // outcome can say it and --seed with it repeats the run.
  const seed = config.stateful.seed ?? randomSeed();
  const seeded: RunConfig = config.stateful.seed === undefined ? { ...config, stateful: { ...config.stateful, seed } } : config;
  // Read before any request: a baseline that cannot be read stops the run with exit code 2.
  const baseline = config.baselineFile === undefined ? undefined : await loadBaseline(config.baselineFile);
  const maxBackups = suites.reduce((sum, suite) => sum + suite.maxBackups(config, index), 0);
  await requireConsent(config, suites, maxBackups, confirm);
  const ca = config.caFile === undefined ? undefined : await readCa(config.caFile);
  const unstated = new Set<string>(notChecked.map((unchecked) => unchecked.ruleId));
  const given = { ...(baseline === undefined ? {} : { baseline }), ...(ca === undefined ? {} : { ca }) };
  return { spec, index, notChecked, unstated, suites, seed, seeded, maxBackups, ...given };
}

/** Backups taken on a cluster are not the run's to take without asking: a remote target needs --yes or a yes. */
async function requireConsent(config: RunConfig, suites: readonly Suite[], maxBackups: number, confirm: RunHooks['confirm']): Promise<void> {
  if (config.target === undefined || isLoopback(config.target) || config.consent || !suites.some((suite) => suite.destructive)) return;
  const plan = { target: config.target.href, suites: suites.filter((s) => s.destructive).map((s) => s.id), maxBackups };
  if (confirm !== undefined && (await confirm(plan))) return;
  const what = `the ${plan.suites.join(' and ')} suites may take up to ${maxBackups} backups there (ids can never be reused)`;
  throw new ConformanceError(
    'CONF_USAGE',
    `Refusing to take and delete backups on ${config.target.host} without consent: ${what}. Add --yes to agree, or --read-only to only read.`,
  );
}

/** A seed in the range --seed takes (a signed 32-bit integer). */
function randomSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) | 0;
}

async function readCa(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConformanceError('CONF_USAGE', `Cannot read the --ca file ${path}: ${(error as Error).message}. Give a PEM file of certificate authorities.`);
  }
}
