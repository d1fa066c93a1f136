import type { ConformanceErrorCode } from './errors.js';
import type { LedgerEntry } from './findings/judgement-log.js';
import type { TimelineEvent } from './findings/backup-timeline.js';
import type { Finding } from './findings/finding.js';
import type { RuleAccount } from './findings/rule-account.js';
import type { UncheckedRule } from './rules/rules.js';
import { failsRun, type BaselineComparison } from './baseline/baseline.js';
import type { ExchangeRecord } from './http/exchange-archive.js';
import type { OperationCoverage } from './coverage/response-coverage.js';

/** A failure of the tool (not of the server) during a run. */
export interface ToolError {
  readonly code: ConformanceErrorCode;
  readonly message: string;
  /** The suite that was running, if any. */
  readonly suite?: string;
}

/** Why a run or suite stopped before its end. */
export type StopReason = 'interrupt' | 'max-duration' | 'suite-timeout';

export interface SuiteResult {
  readonly id: string;
  readonly title: string;
  readonly durationMs: number;
  /** Set when the suite was stopped early; its cleanup still ran. */
  readonly interrupted?: StopReason;
  /** What the suite said a reader of the verdict must know (SuiteContext.note); each is one of the run's notes too. */
  readonly notes?: readonly string[];
}

/** Everything a run found out: the reporters' only input. */
export interface RunOutcome {
  readonly target: string;
  /** True when the target was the embedded reference server. */
  readonly embedded: boolean;
  readonly specPath: string;
  /** What the server was held to. */
  readonly profile: { readonly id: string; readonly title: string };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly requests: number;
  /**
   * The seed of the run's random choices (the stateful exploration, the negative suite's
   * requests): `--seed` with it repeats them. Absent when the run stopped before it began.
   */
  readonly seed?: number;
  readonly suites: readonly SuiteResult[];
  readonly checks: readonly LedgerEntry[];
  /** Every rule the run knows, with how often it was exercised; those it could not exercise say why. */
  readonly rules: readonly RuleAccount[];
  /** Rules the loaded spec does not state, so not checked in this run. */
  readonly notChecked: readonly UncheckedRule[];
  readonly findings: readonly Finding[];
  readonly errors: readonly ToolError[];
  /**
   * What the run noticed about the server as a whole, beside the findings that prove it, e.g. that
   * every id answers the same backup (a stateless mock).
   */
  readonly notes?: readonly string[];
  /** Set when the run stopped early: its reports are partial. */
  readonly interrupted?: StopReason;
  /** The run's own backups over time: taken, seen in each state, deleted. */
  readonly timeline: readonly TimelineEvent[];
  /** Each operation's documented responses, received in this run or not. */
  readonly coverage?: readonly OperationCoverage[];
  /** Every exchange of the run, bounded and redacted (kept when the run writes reports). */
  readonly exchanges?: ExchangeRecord;
  /** Set when the run was compared with a --baseline file. */
  readonly baseline?: BaselineComparison;
  /** The counts findings.json gives, computed once, by `summaryOf`. */
  readonly summary: RunSummary;
  /** The process's exit code, also for a run from code (see `ExitCode`). */
  readonly exitCode: ExitCode;
}

/**
 * 0 conformant, 1 at least one violation, 2 the tool could not judge; 130 or 143 interrupted by
 * SIGINT or SIGTERM (128 + the signal's number, as a shell reports a process a signal ended).
 */
export type ExitCode = 0 | 1 | 2 | 130 | 143;

/** A run's findings and work counted. */
export interface RunSummary {
  readonly violations: number;
  readonly inconclusive: number;
  readonly knownDeviations: number;
  readonly toolErrors: number;
  /** Every check applied, over every answer. */
  readonly checksRun: number;
  readonly requests: number;
}

export function summaryOf(outcome: Pick<RunOutcome, 'findings' | 'errors' | 'checks' | 'requests'>): RunSummary {
  const count = (verdict: string) => outcome.findings.filter((f) => f.verdict === verdict).length;
  return {
    violations: count('violation'),
    inconclusive: count('inconclusive'),
    knownDeviations: count('known-deviation'),
    toolErrors: outcome.errors.length,
    checksRun: outcome.checks.reduce((sum, entry) => sum + entry.runs, 0),
    requests: outcome.requests,
  };
}

/** What stopped an interrupted run: the signal's name as the abort's reason, else (an abort from code) none. */
export interface Interruption {
  readonly reason?: unknown;
}

/**
 * The run's verdict as an exit code: an interrupt first (never a pass, whatever was found:
 * SIGTERM 143, SIGINT or an abort from code 130), then tool errors, then violations (a
 * baseline's known ones aside).
 */
export function exitCodeOf(findings: readonly Finding[], errors: readonly ToolError[], interruption?: Interruption): ExitCode {
  if (interruption !== undefined) return interruptExitCode(interruption.reason);
  if (errors.length > 0) return 2;
  return findings.some(failsRun) ? 1 : 0;
}

/** Whether a run with this exit code was left unjudged: the tool could not judge, or the run was interrupted. */
export function couldNotJudge(exitCode: ExitCode): boolean {
  return exitCode === 2 || exitCode === 130 || exitCode === 143;
}

/** 128 + the number of the signal that stopped the run: SIGTERM's 15, else SIGINT's 2. */
export function interruptExitCode(reason: unknown): 130 | 143 {
  return reason === 'SIGTERM' ? 143 : 130;
}
