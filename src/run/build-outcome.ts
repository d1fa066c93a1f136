import { compareWithBaseline } from '../baseline/baseline.js';
import { responseChecks } from '../checks/response-checks.js';
import type { RunConfig } from '../config.js';
import { accountRules, type KnownRule } from '../findings/rule-account.js';
import { rules, type UncheckedRule } from '../rules/rules.js';
import { exitCodeOf, summaryOf, type RunOutcome, type SuiteResult, type ToolError } from '../run-outcome.js';
import type { RunPlan } from './plan-run.js';
import type { RunEvidence } from './run-evidence.js';
import type { Emit } from './run-event.js';
import type { RunSignals } from './run-signals.js';
import type { SuitesRun } from './run-suites.js';

/** What the outcome is made of: the run's plan and evidence, where it ran, what the suites left, how it ended. */
export interface OutcomeParts {
  readonly config: RunConfig;
  readonly plan: RunPlan;
  readonly evidence: RunEvidence;
  /** The base URL tested. */
  readonly target: string;
  readonly embedded: boolean;
  readonly suites: SuitesRun;
  readonly signals: RunSignals;
  /** The reason the caller's interrupt gave (the signal's name), for the exit code. */
  readonly interruptReason: unknown;
  readonly started: { readonly at: string; readonly ms: number };
  readonly emit: Emit;
}

/** The last phase: the evidence judged into the outcome every report reads. An interrupted run is never conformant. */
export function buildOutcome(parts: OutcomeParts): RunOutcome {
  const { config, plan, evidence, signals } = parts;
  const all = evidence.findings.all();
  const errors = [...parts.suites.errors];
  const interrupted = signals.stopped() === 'interrupt';
  if (interrupted) {
    const error: ToolError = {
      code: 'CONF_INTERRUPTED',
      message: 'the run was interrupted before its end: its results are partial, and an unfinished run is never judged conformant',
    };
    errors.push(error);
    parts.emit({ type: 'tool-error', error });
  }
  const checks = evidence.judgements.entries();
  const results = parts.suites.results;
  const mockNote = evidence.mock.note(all);
  const stopped = signals.stopped();
  const requests = evidence.requests;
  return {
    target: parts.target,
    embedded: parts.embedded,
    specPath: config.specPath,
    profile: { id: config.profile.id, title: config.profile.title },
    startedAt: parts.started.at,
    durationMs: performance.now() - parts.started.ms,
    requests,
    seed: plan.seed,
    suites: results,
    checks,
    rules: accountRules(
      knownRules(
        results.map((s) => s.id),
        plan.notChecked,
      ),
      checks,
      all,
    ),
    notChecked: plan.notChecked,
    findings: all,
    errors,
    ...notesOf(mockNote, results),
    timeline: evidence.timeline.events(),
    ...(stopped === undefined ? {} : { interrupted: stopped }),
    coverage: evidence.coverage.entries(),
    ...(evidence.archive === undefined ? {} : { exchanges: evidence.archive.contents() }),
    ...(plan.baseline === undefined ? {} : { baseline: compareWithBaseline(plan.baseline, all, evidence.judgements.entries()) }),
    summary: summaryOf({ findings: all, errors, checks, requests }),
    exitCode: exitCodeOf(all, errors, interrupted ? { reason: parts.interruptReason } : undefined),
  };
}

/** The run's notes: the embedded server's, then each suite's, named by its suite; none, no field. */
function notesOf(mockNote: string | undefined, results: readonly SuiteResult[]): { notes?: readonly string[] } {
  const notes = [...(mockNote === undefined ? [] : [mockNote]), ...results.flatMap((suite) => (suite.notes ?? []).map((note) => `${suite.id}: ${note}`))];
  return notes.length === 0 ? {} : { notes };
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
