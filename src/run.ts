import { readFile } from 'node:fs/promises';
import type { Observation } from './api/backup-api.js';
import { describeUnreachable } from './api/describe-unreachable.js';
import { waitForTarget } from './api/wait-for-target.js';
import { BackupAccount, backupRoutes } from './api/backup-account.js';
import { preflight } from './api/preflight.js';
import { isLoopback } from './api/is-loopback.js';
import { composeSuiteContext } from '../suites/compose-suite-context.js';
import { DEFAULTS, type RunConfig } from './config.js';
import { ConformanceError } from './errors.js';
import { prepareOutDir } from './prepare-out-dir.js';
import { BackupTimeline } from './findings/backup-timeline.js';
import { JudgementLog } from './findings/judgement-log.js';
import type { Finding } from './findings/finding.js';
import { FindingLog } from './findings/finding-log.js';
import { boundFinding } from './findings/bound-finding.js';
import { StatelessMockDetector } from './findings/stateless-mock.js';
import { accountRules, type KnownRule } from './findings/rule-account.js';
import { responseChecks } from './checks/response-checks.js';
import { createClient } from './http/client.js';
import { withTls } from './http/curl.js';
import type { Exchange } from './http/exchange.js';
import { ExchangeArchive } from './http/exchange-archive.js';
import { ResponseCoverageLog } from './coverage/response-coverage.js';
import { applyProfile } from './profiles/apply-profile.js';
import { exitCodeOf, summaryOf, type RunOutcome, type SuiteResult, type ToolError } from './run-outcome.js';
import { discoverBaseUrl, specServerPaths } from './api/discover-base-url.js';
import { createAjv } from './spec/create-ajv.js';
import { indexOperations, isJsonMediaType, type OperationIndex } from './spec/index-operations.js';
import { loadSpec } from './spec/load-spec.js';
import type { OperationRole } from './spec/operation.js';
import { rules, rulesNotStated, type UncheckedRule } from './rules/rules.js';
import { allSuites } from '../suites/all-suites.js';
import { compareWithBaseline, loadBaseline, markKnown } from './baseline/baseline.js';
import type { Suite } from '../suites/suite.js';

/** The embedded server's backups from before the run (see where it is started). */
const EMBEDDED_SEED_BACKUPS = [{ id: 1 }, { id: 2 }] as const;

/** What a run tells its caller while it goes, for progress on the console. */
export type RunEvent =
  | { readonly type: 'target'; readonly url: string; readonly embedded: boolean; readonly discoveredPath?: string }
  | { readonly type: 'plan'; readonly suites: readonly string[]; readonly maxBackups: number; readonly readOnly: boolean; readonly notChecked: readonly UncheckedRule[] }
  | { readonly type: 'suite-start'; readonly suite: Suite }
  | { readonly type: 'suite-end'; readonly suite: Suite; readonly durationMs: number }
  | { readonly type: 'progress'; readonly suite: string; readonly message: string }
  | { readonly type: 'finding'; readonly finding: Finding }
  | { readonly type: 'exchange'; readonly exchange: Exchange }
  | { readonly type: 'tool-error'; readonly error: ToolError };

/** What a destructive run will do to a target that is not on this machine, for the user's consent. */
export interface DestructivePlan {
  readonly target: string;
  readonly suites: readonly string[];
  readonly maxBackups: number;
}

export interface RunHooks {
  onEvent?(event: RunEvent): void;
  /** Aborting stops the run between requests; cleanup still runs and reports are still produced. */
  signal?: AbortSignal;
  /** Asked before taking backups on a non-loopback target without --yes; absent: refuse. */
  confirm?(plan: DestructivePlan): Promise<boolean>;
  /** Filled with every backup the run creates and deletes, so the caller can name what is left even mid-run. */
  account?: BackupAccount;
}

/** How many backups the closing sweep deletes at most: each is one bounded request. */
const MAX_SWEPT = 1_000;

/**
 * The composition root: spec → operation index → client → suites → findings → outcome.
 * Tool errors that prevent judging (invalid spec, unreachable target) are thrown as
 * ConformanceError before any suite runs; later ones are recorded in the outcome.
 */
export async function runConformance(config: RunConfig, hooks: RunHooks = {}): Promise<RunOutcome> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const timeline = new BackupTimeline(Date.now());
  const emit = hooks.onEvent ?? (() => {});
  const budget = config.maxDurationMs === undefined ? undefined : AbortSignal.timeout(config.maxDurationMs);
  const signal = AbortSignal.any([hooks.signal ?? new AbortController().signal, ...(budget === undefined ? [] : [budget])]);

  // Before any request: a run that takes backups and then cannot write its reports wastes them.
  if (config.outDir !== undefined) await prepareOutDir(config.outDir);
  const bundledSpec = config.specPath === DEFAULTS.specPath;
  const spec = await loadSpec(config.specPath, { trusted: bundledSpec });
  // The bundled spec is known to compile (a test compiles all of it): its validators are compiled
  // as answers need them, so the first request waits for none. Another spec is compiled at once,
  // so that a schema ajv cannot compile stops the run before any request.
  const index = indexOperations(spec.document, createAjv(), bundledSpec ? 'on-first-use' : 'at-once');
  const notChecked = rulesNotStated(spec.document, index.byRole);
  const unstated = new Set<string>(notChecked.map((unchecked) => unchecked.ruleId));
  const suites = selectSuites(config.suites, config.readOnly);
  // One seed for every random choice of the run, drawn here when --seed is absent, so that the
  // outcome can say it and --seed with it repeats the run.
  const seed = config.stateful.seed ?? randomSeed();
  const seeded: RunConfig = config.stateful.seed === undefined ? { ...config, stateful: { ...config.stateful, seed } } : config;
  // Read before any request: a baseline that cannot be read stops the run with exit code 2.
  const baseline = config.baselineFile === undefined ? undefined : await loadBaseline(config.baselineFile);
  const maxBackups = suites.reduce((sum, suite) => sum + suite.maxBackups(config, index), 0);
  if (config.target !== undefined && !isLoopback(config.target) && !config.consent && suites.some((suite) => suite.destructive)) {
    const plan = { target: config.target.href, suites: suites.filter((s) => s.destructive).map((s) => s.id), maxBackups };
    if (hooks.confirm === undefined || !(await hooks.confirm(plan))) {
      throw new ConformanceError(
        'CONF_USAGE',
        `Refusing to take and delete backups on ${config.target.host} without consent: the ${plan.suites.join(' and ')} suites may take up to ${maxBackups} backups there (ids can never be reused). Add --yes to agree, or --read-only to only read.`,
      );
    }
  }
  const ca = config.caFile === undefined ? undefined : await readCa(config.caFile);

  // Loaded only when needed: a run against a real target never pays for the server's modules.
  // Two backups that exist before the run, as on any cluster in use: the inventory reads them and
  // the closing sweep reads them again, so every rule is exercised on the embedded server too.
  const embedded = config.target === undefined ? await (await import('./server/reference-server.js')).startReferenceServer({ seedBackups: EMBEDDED_SEED_BACKUPS }) : undefined;
  const coverage = new ResponseCoverageLog(index.operations);
  // Kept only for exchanges.har, so only when there is an --out to write it to.
  const archive = config.outDir === undefined ? undefined : new ExchangeArchive(config.redactedHeaders, config.maxBodyBytes);
  let requests = 0;
  const account = hooks.account ?? new BackupAccount();
  const client = createClient({
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    defaultHeaders: { accept: acceptedMediaType(index), ...config.headers },
    ...(ca === undefined ? {} : { ca }),
    insecure: config.insecure,
    ...(config.ratePerSecond === undefined ? {} : { ratePerSecond: config.ratePerSecond }),
    ...(config.readOnly ? { allowedMethods: new Set(['GET', 'HEAD']) } : {}),
    onRequest: (request) => account.sending(request),
    onExchange: (exchange) => {
      archive?.record(exchange);
      requests++;
      account.note(exchange);
      emit({ type: 'exchange', exchange });
    },
  });
  const findings = new FindingLog();
  const judgements = new JudgementLog();
  const errors: ToolError[] = [];
  const results: SuiteResult[] = [];
  const tls = { ...(config.caFile === undefined ? {} : { caFile: config.caFile }), insecure: config.insecure };
  const record = (observed: Finding): void => {
    if (unstated.has(observed.checkId)) return;
    const reproduction = { ...observed.reproduction, curl: withTls(observed.reproduction.curl, tls) };
    const finding = boundFinding(markKnown(applyProfile(config.profile, { ...observed, reproduction }), baseline));
    // The finding is its rule's judgement on this evidence, under the profile's verdict.
    judgements.judge(finding.suite ?? 'run', finding.operation, finding.checkId, finding.verdict);
    if (findings.add(finding)) emit({ type: 'finding', finding });
  };

  const mock = new StatelessMockDetector();
  let highestTaken: bigint | undefined;
  const observe = (suite: string, observation: Observation, target: { role: OperationRole; id?: bigint }): void => {
    timeline.observe(suite, observation, target);
    mock.observe(observation, target);
    if (target.role === 'take' && target.id !== undefined && (highestTaken === undefined || target.id > highestTaken)) highestTaken = target.id;
  };
  let baseUrl = embedded?.url ?? '';
  try {
    if (config.target !== undefined && config.waitForTargetMs !== undefined) {
      const url = config.target.href.replace(/\/+$/, '');
      const waited = await waitForTarget(client, url, config.waitForTargetMs, signal, (message) => emit({ type: 'progress', suite: 'wait', message }));
      if (signal.aborted) throw new ConformanceError('CONF_INTERRUPTED', 'the run was interrupted while it waited for the target; nothing was tested');
      if (!waited.up && waited.last.failure !== undefined && waited.last.failure.responseStarted !== true) {
        const why = await describeUnreachable(url, waited.last.failure, 'its Backup Management API base URL');
        throw new ConformanceError('CONF_TARGET_UNREACHABLE', `${why} It did not answer within --wait-for-target (${(config.waitForTargetMs / 1000).toFixed(1)} s).`);
      }
    }
    const discovered = config.target === undefined ? { baseUrl } : await discoverBaseUrl(config.target, specServerPaths(spec.document.servers), client);
    baseUrl = discovered.baseUrl;
    emit({ type: 'target', url: baseUrl, embedded: embedded !== undefined, ...(discovered.discoveredPath === undefined ? {} : { discoveredPath: discovered.discoveredPath }) });
    // The list's own URL, from its path template: a spec with renamed paths is probed where it says.
    await preflight(baseUrl, client, index, specServerPaths(spec.document.servers));
    const routes = backupRoutes(baseUrl, index);
    account.route(routes);
    emit({ type: 'plan', suites: suites.map((s) => s.id), maxBackups, readOnly: config.readOnly, notChecked });
    for (const suite of suites) {
      if (signal.aborted) break;
      const suiteSignal = config.suiteTimeoutMs === undefined ? signal : AbortSignal.any([signal, AbortSignal.timeout(config.suiteTimeoutMs)]);
      const suiteStarted = performance.now();
      emit({ type: 'suite-start', suite });
      try {
        await suite.run(
          composeSuiteContext({
            config: seeded,
            spec,
            index,
            client,
            baseUrl,
            suite,
            signal: suiteSignal,
            record,
            passed: (operation, checkId) => {
              if (!unstated.has(checkId)) judgements.judge(suite.id, operation, checkId, 'passed');
            },
            onJudgedAnswer: (operation, exchange) => coverage.observe(operation, exchange),
            progress: (message) => emit({ type: 'progress', suite: suite.id, message }),
            highestTakenId: () => highestTaken,
            highestAcceptedId: () => account.taken.reduce<bigint | undefined>((max, id) => (max === undefined || id > max ? id : max), undefined),
            onObservation: (observation, target) => observe(suite.id, observation, target),
          }),
        );
      } catch (error) {
        const toolError: ToolError =
          error instanceof ConformanceError
            ? { code: error.code, message: error.message, suite: suite.id }
            : { code: 'CONF_INTERNAL', message: `the ${suite.id} suite stopped on an internal error: ${(error as Error).message ?? String(error)}`, suite: suite.id };
        errors.push(toolError);
        emit({ type: 'tool-error', error: toolError });
      }
      const durationMs = performance.now() - suiteStarted;
      const stopped = signal.aborted ? stopReason(budget) : suiteSignal.aborted ? 'suite-timeout' : undefined;
      results.push({ id: suite.id, title: suite.title, durationMs, ...(stopped === undefined ? {} : { interrupted: stopped }) });
      emit({ type: 'suite-end', suite, durationMs });
    }
    // Whatever a suite could not delete (it was interrupted, or missed a 2xx it did not expect) is
    // still the run's: one delete each, interrupt or not.
    if (!config.stateful.keepBackups) await account.sweep(client, MAX_SWEPT, (message) => emit({ type: 'progress', suite: 'cleanup', message }));
  } finally {
    await client.close();
    await embedded?.close();
  }

  const all = findings.all();
  if (signal.aborted && stopReason(budget) === 'interrupt') {
    const interrupted: ToolError = {
      code: 'CONF_INTERRUPTED',
      message: 'the run was interrupted before its end: its results are partial, and an unfinished run is never judged conformant',
    };
    errors.push(interrupted);
    emit({ type: 'tool-error', error: interrupted });
  }
  const checks = judgements.entries();
  const mockNote = mock.note(all);
  return {
    target: baseUrl,
    embedded: embedded !== undefined,
    specPath: config.specPath,
    profile: { id: config.profile.id, title: config.profile.title },
    startedAt,
    durationMs: performance.now() - started,
    requests,
    seed,
    suites: results,
    checks,
    rules: accountRules(
      knownRules(
        results.map((s) => s.id),
        notChecked,
      ),
      checks,
      all,
    ),
    notChecked,
    findings: all,
    errors,
    ...(mockNote === undefined ? {} : { notes: [mockNote] }),
    timeline: timeline.events(),
    ...(signal.aborted ? { interrupted: stopReason(budget) } : {}),
    coverage: coverage.entries(),
    ...(archive === undefined ? {} : { exchanges: archive.contents() }),
    ...(baseline === undefined ? {} : { baseline: compareWithBaseline(baseline, all, judgements.entries()) }),
    summary: summaryOf({ findings: all, errors, checks, requests }),
    exitCode: exitCodeOf(all, errors, signal.aborted && stopReason(budget) === 'interrupt' ? { reason: hooks.signal?.reason } : undefined),
  };
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

/** The suites a run of this configuration goes through, in order; `CONF_USAGE` for an unknown or forbidden one. */
export function selectSuites(ids: readonly string[] | undefined, readOnly: boolean): Suite[] {
  if (ids === undefined) return allSuites.filter((suite) => !readOnly || !suite.destructive);
  const known = new Map(allSuites.map((suite) => [suite.id, suite]));
  return ids.map((id) => {
    const suite = known.get(id);
    if (suite === undefined) {
      throw new ConformanceError('CONF_USAGE', `--suite ${id} is not a suite. Known suites: ${[...known.keys()].join(', ')}.`);
    }
    if (readOnly && suite.destructive) {
      throw new ConformanceError(
        'CONF_USAGE',
        `--suite ${id} takes or deletes backups, which --read-only forbids. Read-only suites: ${allSuites
          .filter((s) => !s.destructive)
          .map((s) => s.id)
          .join(', ')}.`,
      );
    }
    return suite;
  });
}

/** What requests accept: the JSON media type the list documents for its answer (`application/json`). */
function acceptedMediaType(index: OperationIndex): string {
  const list = index.byRole.list;
  return list.responseFor(list.successStatus ?? 200)?.mediaTypes.find(isJsonMediaType) ?? 'application/json';
}

/** A seed in the range --seed takes (a signed 32-bit integer). */
function randomSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) | 0;
}

/** Why the run stopped early: the --max-duration budget, or an interrupt (Ctrl-C, SIGTERM). */
function stopReason(budget: AbortSignal | undefined): 'max-duration' | 'interrupt' {
  return budget?.aborted === true ? 'max-duration' : 'interrupt';
}

async function readCa(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConformanceError('CONF_USAGE', `Cannot read the --ca file ${path}: ${(error as Error).message}. Give a PEM file of certificate authorities.`);
  }
}

/**
 * Every rule of the catalogue, with why it would go unexercised, so that a rule the run never met
 * is said and never silently passes: a rule the spec does not state, a response rule whose kind of
 * answer never came, a sequence rule whose suites did not run or never reached it.
 */
function knownRules(suitesRun: readonly string[], notChecked: readonly UncheckedRule[]): KnownRule[] {
  const exercisedBy = new Map(responseChecks.map((check) => [check.id as string, check.exercisedBy]));
  const unchecked = new Map(notChecked.map((u) => [u.ruleId as string, u.reason]));
  return rules.map((r) => {
    const ran = r.suites.filter((suite) => suitesRun.includes(suite));
    const why =
      unchecked.get(r.id) !== undefined
        ? `not checked, because ${unchecked.get(r.id)}`
        : exercisedBy.has(r.id)
          ? `the run met no ${exercisedBy.get(r.id)}`
          : ran.length === 0
            ? `${r.suites.length === 1 ? `the ${r.suites[0]} suite` : `the ${r.suites.join(' and ')} suites`} did not run`
            : `the ${ran.join(' and ')} ${ran.length === 1 ? 'suite' : 'suites'} ran but never reached it`;
    return { id: r.id, title: r.title, whyNotExercised: why };
  });
}
