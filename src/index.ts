// The package's public entry (`import … from 'backup-conformance'`): a run from code, and the
// reference server as a fixture. Like every module but the CLI, it reads no process state and
// prints nothing.
import { resolveConfig } from './config.js';
import { toRunOptions, type ConformanceOptions } from './conformance-options.js';
import { runAndWriteReports } from './run.js';
import type { RunOutcome } from './run-outcome.js';
import { startReferenceServer as startServer } from './server/reference-server.js';
import type { ReferenceServerOptions as ServerOptions } from './server/options.js';
import type { CompareFlags } from './compare/resolve-compare-options.js';
import type { CompareOutcome } from './compare/compare-servers.js';

export { ConformanceError, type ConformanceErrorCode } from './errors.js';
export type { CompareFlags } from './compare/resolve-compare-options.js';
export type { CompareOutcome } from './compare/compare-servers.js';
export type { Difference, DifferenceSighting, FollowOn } from './compare/diff-traces.js';
export type { ConformanceOptions } from './conformance-options.js';
export type { RunOutcome, SuiteResult, ToolError, StopReason } from './run-outcome.js';
export type { Finding, Reproduction, Severity, TranscriptEntry, Verdict } from './findings/finding.js';
export type { LedgerEntry } from './findings/judgement-log.js';
export type { TimelineEvent } from './findings/backup-timeline.js';
export type { UncheckedRule, RuleId } from './rules/rules.js';
export type { FaultSpec } from './server/behaviour/fault-catalog.js';
export type { QuirkName } from './server/behaviour/quirk-catalog.js';
export type { QuirkProfile } from './server/behaviour/quirk-profiles.js';
export type { SeedBackup } from './server/options.js';

/** What a run may be given besides its options. */
export interface RunControl {
  /** Aborting stops the run between requests; its cleanup still runs and the outcome is marked interrupted. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the conformance suites, as `npx conformance` does with the same options and defaults, and
 * resolves to the outcome findings.json describes (its `exitCode` is the CLI's). With `out`, the
 * reports are written there too. Without `target`, it tests the embedded reference server.
 * Nothing is printed. Rejects with a `ConformanceError` when the tool cannot judge: bad options
 * (`CONF_USAGE`), a target that is not a URL or cannot be reached, a missing or invalid spec, a
 * remote target without `yes: true` for the suites that take backups.
 */
export async function runConformance(options: ConformanceOptions = {}, control: RunControl = {}): Promise<RunOutcome> {
  const config = resolveConfig(toRunOptions(options));
  return runAndWriteReports(config, control.signal === undefined ? {} : { signal: control.signal });
}

/**
 * How to run the reference server: what `conformance serve` takes, as fields. Every one optional:
 * port 0 (a free one), 127.0.0.1, `/actuator/backups`, 3 partitions, no faults, no quirks.
 */
export type ReferenceServerOptions = Omit<ServerOptions, 'behaviour' | 'intercept'>;

/** A reference server that is listening. */
export interface ReferenceServer {
  /** Base URL of the API, no trailing slash, e.g. `http://127.0.0.1:41234/actuator/backups`: give it as `target`. */
  readonly url: string;
  /** Scheme, host and port, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly port: number;
  /** Stops listening and drops every connection; resolves once it has. */
  close(): Promise<void>;
}

/**
 * Starts the embedded reference server, a stateful in-memory implementation of the API, for tests
 * of scripts and operators written against it; `faults` and `quirks` make it misbehave as named
 * (`conformance serve --help` lists them). Rejects with `ConformanceError` `CONF_USAGE` for an
 * invalid option or a port that is taken.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  // Only the options the shell has: the overrides of the server's internals stay internal.
  const shellOptions: ServerOptions = { ...options };
  delete shellOptions.behaviour;
  delete shellOptions.intercept;
  const server = await startServer(shellOptions);
  return Object.freeze({ url: server.url, origin: server.origin, port: server.port, close: () => server.close() });
}

/**
 * `conformance compare` from code: the same fixed sequence against `target` (A) and `against` (B),
 * each on its own ids, and every way B answers differently (see the README's "Compare two
 * servers"). Options are given as on the command line and checked the same way; nothing is printed.
 * Rejects with a `ConformanceError` when it cannot compare.
 */
export async function compareServers(flags: CompareFlags, control: RunControl = {}): Promise<CompareOutcome> {
  const [{ resolveCompareOptions }, compare] = await Promise.all([import('./compare/resolve-compare-options.js'), import('./compare/compare-servers.js')]);
  return compare.compareServers(resolveCompareOptions(flags, control.signal === undefined ? {} : { signal: control.signal }));
}
