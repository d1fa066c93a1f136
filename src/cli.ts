#!/usr/bin/env node
import type { RunConfig, RunOptions } from './config.js';
import { runUsage } from './cli-usage.js';
import { FLAGS } from './flags.js';
import { parseFlags, parseStrictly } from './parse-flags.js';
import { ConformanceError } from './errors.js';
import type { BackupAccount } from './api/backup-account.js';
import type { ConsoleReporter } from './console/console-reporter.js';
import type { RunOutcome } from './run-outcome.js';
import type { DestructivePlan } from './run.js';
import { toolVersion } from './tool-version.js';

// Only what --help and --version need is imported up front: they answer as fast as Node starts.
// A run loads the rest when it begins (see `run`).
// The only module that touches process.*: everything else takes its inputs as arguments.

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'serve') return serve(argv.slice(1));
  if (argv[0] === 'rules') return listRules(argv.slice(1));
  if (argv[0] === 'compare') return compare(argv.slice(1));
  const { values, options } = parseFlags(argv, FLAGS, 'conformance', process.env);
  if (values['help'] === true) return print(runUsage, 0);
  if (values['version'] === true) return print(toolVersion, 0);
  const { resolveConfig } = await import('./config.js');
  const config = resolveConfig(options() as RunOptions);
  return run(config, githubActions());
}

/** Where the run's results go besides the console when it runs in GitHub Actions. */
interface GitHubActions {
  /** The job summary file ($GITHUB_STEP_SUMMARY), if the runner gives one. */
  readonly stepSummary?: string;
}

function githubActions(): GitHubActions | undefined {
  if (process.env['GITHUB_ACTIONS'] !== 'true') return undefined;
  const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
  return stepSummary === undefined || stepSummary === '' ? {} : { stepSummary };
}

/** The modules a run needs, loaded together when it starts (never for --help or --version). */
async function loadRunModules() {
  const [crypto, account, reporter, summary, outcome, run, annotations, reports] = await Promise.all([
    import('node:crypto'),
    import('./api/backup-account.js'),
    import('./console/console-reporter.js'),
    import('./console/format-summary.js'),
    import('./run-outcome.js'),
    import('./run.js'),
    import('../reports/github-annotations.js'),
    import('../reports/write-reports.js'),
  ]);
  return { randomUUID: crypto.randomUUID, ...account, ...reporter, ...summary, ...outcome, ...run, ...annotations, ...reports };
}

type RunModules = Awaited<ReturnType<typeof loadRunModules>>;

async function run(config: RunConfig, github: GitHubActions | undefined): Promise<number> {
  const modules = await loadRunModules();
  const reporter = modules.createConsoleReporter({
    isTTY: process.stdout.isTTY === true,
    quiet: config.quiet,
    verbose: config.verbose,
    color: process.env['NO_COLOR'] === undefined || process.env['NO_COLOR'] === '',
    keepBackups: config.stateful.keepBackups,
    columns: process.stdout.columns ?? 80,
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
  });
  const account = new modules.BackupAccount();
  const stop = catchStopSignals(reporter, account, modules);
  const startedAt = new Date().toISOString();
  out(`backup-conformance ${toolVersion}`);
  // The console quotes the server: in GitHub Actions, no line it sends may act as a workflow command.
  const commandsToken = github === undefined ? undefined : modules.randomUUID();
  if (commandsToken !== undefined) out(modules.stopCommands(commandsToken));
  // On a terminal the progress line's clock keeps moving while a request is slow.
  const ticker = process.stdout.isTTY === true && !config.quiet ? setInterval(() => reporter.tick(), 250) : undefined;
  ticker?.unref();
  let outcome: RunOutcome;
  try {
    outcome = await modules.runConformance(config, {
      onEvent: (event) => reporter.onEvent(event),
      signal: stop.signal,
      account,
      ...(process.stdin.isTTY ? { confirm: (plan: DestructivePlan) => askConsent(plan, reporter) } : {}),
    });
  } catch (error) {
    if (!(error instanceof ConformanceError)) throw error;
    reporter.line(`error: ${error.message}`, 'err');
    outcome = unjudgedOutcome(config, error, startedAt, stop.stoppedBy(), modules);
  } finally {
    clearInterval(ticker);
    reporter.finish();
    if (commandsToken !== undefined) out(modules.resumeCommands(commandsToken));
    stop.release();
  }
  await reportOutcome({ config, outcome, account, github }, modules);
  // An interrupted run is never a pass: its outcome has the shell's code for the signal, as if it had ended the process.
  return outcome.exitCode;
}

/** SIGINT and SIGTERM while a run goes: the first stops it between requests (cleanup still runs), the second quits. */
function catchStopSignals(reporter: ConsoleReporter, account: BackupAccount, modules: RunModules) {
  const interrupt = new AbortController();
  let stoppedBy: StopSignal | undefined;
  const onSignal = (signal: StopSignal): void => {
    if (stoppedBy !== undefined) {
      // The second signal quits at once: name every backup that stays behind, so none is lost.
      reporter.clear();
      process.stderr.write(`\nQuit before cleanup finished. ${leftBehindText(account, modules.listIds)}\n`);
      process.exit(modules.interruptExitCode(stoppedBy));
    }
    stoppedBy = signal;
    reporter.line(`\nInterrupted (${signal}): finishing the current request and cleaning up (press Ctrl-C again to quit at once)`, 'err');
    interrupt.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: interrupt.signal,
    stoppedBy: () => stoppedBy,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** What a run quit before its cleanup leaves: the backups to delete by hand, and the takes that may have made one. */
function leftBehindText(account: BackupAccount, listIds: (ids: readonly (bigint | string)[]) => string): string {
  const left = account.leftBehind;
  const underWay = account.underWay;
  const one = underWay.length === 1;
  let text = 'No backup taken by this run is left behind.';
  if (left.length > 0) text = `Backups taken by this run and left behind, delete them by hand: ${listIds(left)}.`;
  if (underWay.length > 0) {
    text += ` A take was under way for ${listIds(underWay)}: see whether ${one ? 'it exists' : 'they exist'}, and delete ${one ? 'it' : 'them'} too.`;
  }
  return text;
}

/** The outcome of a run a tool error stopped before any judgement: nothing judged, the error said, exit code 2 (or the signal's). */
function unjudgedOutcome(config: RunConfig, error: ConformanceError, startedAt: string, stoppedBy: StopSignal | undefined, modules: RunModules): RunOutcome {
  const errors = [{ code: error.code, message: error.message }];
  return {
    target: config.target?.href ?? 'embedded reference server',
    embedded: config.target === undefined,
    specPath: config.specPath,
    profile: { id: config.profile.id, title: config.profile.title },
    startedAt,
    durationMs: 0,
    requests: 0,
    suites: [],
    checks: [],
    rules: [],
    notChecked: [],
    findings: [],
    errors,
    timeline: [],
    ...(stoppedBy === undefined ? {} : { interrupted: 'interrupt' as const }),
    summary: modules.summaryOf({ findings: [], errors, checks: [], requests: 0 }),
    exitCode: modules.exitCodeOf([], errors, stoppedBy === undefined ? undefined : { reason: stoppedBy }),
  };
}

/** A run that has ended, as the console and the reports are told of it. */
interface FinishedRun {
  readonly config: RunConfig;
  readonly outcome: RunOutcome;
  readonly account: BackupAccount;
  readonly github: GitHubActions | undefined;
}

/** After the run: annotations in GitHub Actions, the summary, the backups taken, the reports and the job summary. */
async function reportOutcome(finished: FinishedRun, modules: RunModules): Promise<void> {
  const { config, outcome, account, github } = finished;
  if (github !== undefined) for (const annotation of modules.toGitHubAnnotations(outcome)) out(annotation);
  if (outcome.interrupted !== undefined) {
    out(`\nStopped early (${outcome.interrupted === 'max-duration' ? '--max-duration reached' : 'interrupted'}): the reports are partial.`);
  }
  if (outcome.exitCode !== 2 || outcome.interrupted !== undefined || outcome.errors.some((e) => e.suite !== undefined)) out(modules.formatSummary(outcome));
  if (account.takenCount > 0) out(modules.describeAccount(account, config.stateful.keepBackups));
  // A folder found unwritable before the run is not tried again.
  if (config.outDir !== undefined && !outcome.errors.some((e) => e.code === 'CONF_OUT_UNWRITABLE')) {
    const written = await modules.writeReports(config.outDir, outcome);
    out(`Reports: ${written.join(', ')}`);
  }
  if (github?.stepSummary !== undefined) {
    try {
      await modules.appendJobSummary(github.stepSummary, outcome);
    } catch (error) {
      process.stderr.write(`warning: cannot append the job summary to ${github.stepSummary}: ${(error as Error).message}\n`);
    }
  }
}

type StopSignal = 'SIGINT' | 'SIGTERM';

async function serve(argv: readonly string[]): Promise<number> {
  const { parseServeArgs, serveUsage } = await import('./server/serve-args.js');
  const { startReferenceServer } = await import('./server/reference-server.js');
  if (argv.includes('--help')) return print(serveUsage, 0);
  const options = parseServeArgs(argv);
  const server = await startReferenceServer(options).catch((error: unknown) => {
    // Listening fails for reasons of this machine (a name that does not resolve, a missing
    // interface): a user's fix, said in one line, never a bug report.
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof ConformanceError || typeof code !== 'string') throw error;
    throw new ConformanceError(
      'CONF_USAGE',
      `Cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? ''}: ${(error as Error).message}. Choose another --host or --port.`,
    );
  });
  out(`Reference Backup Management API listening at ${server.url}\nPress Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}

/** `conformance compare`: the same sequence against two servers; an interrupt stops it between requests, and its backups are still deleted. */
async function compare(argv: readonly string[]): Promise<number> {
  const [{ compareCommand }, { COMPARE_FLAGS }] = await Promise.all([import('./compare/compare-command.js'), import('./flags.js')]);
  const interrupt = new AbortController();
  const stop = (): void => interrupt.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const io = { out, progress: (text: string) => process.stderr.write(`${text}\n`), signal: interrupt.signal };
    return await compareCommand(parseFlags(argv, COMPARE_FLAGS, 'conformance compare', process.env), io);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `conformance rules [--json] [--spec PATH]`: the rule catalogue, its pointers resolved in the spec, and every spec sentence's decision. */
async function listRules(argv: readonly string[]): Promise<number> {
  const { rulesUsage } = await import('./cli-usage.js');
  const values = parseStrictly(argv, { json: { type: 'boolean' }, spec: { type: 'string' }, help: { type: 'boolean' } }, 'conformance rules');
  if (values['help'] === true) return print(rulesUsage, 0);
  const { DEFAULTS } = await import('./config.js');
  const { loadSpec } = await import('./spec/load-spec.js');
  const { indexOperations } = await import('./spec/index-operations.js');
  const { createAjv } = await import('./spec/create-ajv.js');
  const { describeRules, formatRules } = await import('./rules/describe-rules.js');
  const specPath = (values['spec'] as string | undefined) ?? DEFAULTS.specPath;
  const spec = await loadSpec(specPath, { trusted: specPath === DEFAULTS.specPath });
  const { describeSentences, formatSentences } = await import('./rules/describe-sentences.js');
  const descriptions = describeRules(spec.document, indexOperations(spec.document, createAjv()).byRole);
  const sentences = describeSentences(spec.source);
  if (values['json'] === true) return print(JSON.stringify({ rules: descriptions, sentences }, null, 2), 0);
  return print(`${formatRules(descriptions)}\n\n== Spec sentences\n${formatSentences(sentences)}`, 0);
}

const NEVER_REUSED = 'backup ids can never be reused.';
const ASK = 'Continue? [y/N] ';

/** Asks on the terminal before a destructive run against a remote target. */
async function askConsent(plan: DestructivePlan, reporter: ConsoleReporter): Promise<boolean> {
  reporter.clear();
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(
      `The ${plan.suites.join(' and ')} suites may take up to ${plan.maxBackups} backups on ${plan.target} and delete them again; ${NEVER_REUSED} ${ASK}`,
    );
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function print(text: string, code: number): number {
  out(text);
  return code;
}

/** Turns a user mistake into one line and exit code 2; anything else is a bug, said as such. */
function explain(error: unknown): number {
  if (error instanceof ConformanceError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  const report = 'This is a bug in backup-conformance; please report it with the command line that caused it.';
  process.stderr.write(`internal error: ${(error as Error).message ?? String(error)}\n${report}\n`);
  if (process.env['CONFORMANCE_DEBUG'] !== undefined) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = explain(error);
  },
);
