import { createBackupApi } from './api/backup-api.js';
import { responseChecks } from './checks/response-checks.js';
import type { RunConfig } from './config.js';
import { ConformanceError } from './errors.js';
import { BackupTimeline } from './findings/backup-timeline.js';
import { CheckLedger } from './findings/check-ledger.js';
import type { Finding } from './findings/finding.js';
import { FindingLog } from './findings/finding-log.js';
import { createClient } from './http/client.js';
import type { Exchange } from './http/exchange.js';
import { parseJson } from './http/parse-json.js';
import { applyProfile } from './profiles/apply-profile.js';
import { exitCodeOf, type RunOutcome, type SuiteResult, type ToolError } from './run-outcome.js';
import { discoverBaseUrl, specServerPaths } from './api/discover-base-url.js';
import { startReferenceServer } from './server/reference-server.js';
import { createAjv } from './spec/create-ajv.js';
import { indexOperations } from './spec/index-operations.js';
import { loadSpec } from './spec/load-spec.js';
import { allSuites } from '../suites/all-suites.js';
import type { Suite } from '../suites/suite.js';

/** What a run tells its caller while it goes, for progress on the console. */
export type RunEvent =
  | { readonly type: 'target'; readonly url: string; readonly embedded: boolean; readonly discoveredPath?: string }
  | { readonly type: 'suite-start'; readonly suite: Suite }
  | { readonly type: 'suite-end'; readonly suite: Suite; readonly durationMs: number }
  | { readonly type: 'progress'; readonly suite: string; readonly message: string }
  | { readonly type: 'finding'; readonly finding: Finding }
  | { readonly type: 'exchange'; readonly exchange: Exchange }
  | { readonly type: 'tool-error'; readonly error: ToolError };

export interface RunHooks {
  onEvent?(event: RunEvent): void;
  /** Aborting stops the run between requests; reports are still produced. */
  signal?: AbortSignal;
}

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
  const signal = hooks.signal ?? new AbortController().signal;

  const spec = await loadSpec(config.specPath);
  const index = indexOperations(spec.document, createAjv());
  const suites = selectSuites(config.suites);

  const embedded = config.target === undefined ? await startReferenceServer() : undefined;
  let requests = 0;
  const client = createClient({
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    defaultHeaders: { accept: 'application/json' },
    onExchange: (exchange) => {
      requests++;
      emit({ type: 'exchange', exchange });
    },
  });
  const findings = new FindingLog();
  const ledger = new CheckLedger();
  const errors: ToolError[] = [];
  const results: SuiteResult[] = [];
  const redactedHeaders = new Set(['authorization', 'proxy-authorization', 'cookie']);
  const record = (observed: Finding): void => {
    const finding = applyProfile(config.profile, observed);
    if (findings.add(finding)) emit({ type: 'finding', finding });
  };

  let baseUrl = embedded?.url ?? '';
  try {
    const discovered = config.target === undefined ? { baseUrl } : await discoverBaseUrl(config.target, specServerPaths(spec.document.servers), client);
    baseUrl = discovered.baseUrl;
    emit({ type: 'target', url: baseUrl, embedded: embedded !== undefined, ...(discovered.discoveredPath === undefined ? {} : { discoveredPath: discovered.discoveredPath }) });
    await preflight(baseUrl, client);
    for (const suite of suites) {
      if (signal.aborted) break;
      const suiteStarted = performance.now();
      emit({ type: 'suite-start', suite });
      const noteCheck = (operation: string, checkId: string): void => ledger.note(suite.id, operation, checkId);
      const api = createBackupApi({ baseUrl, index, client, checks: responseChecks, suite: suite.id, redactedHeaders, retryDelayMs: config.retryDelayMs, record, noteCheck, onObservation: (observation, target) => timeline.observe(suite.id, observation, target) });
      try {
        await suite.run({
          config,
          spec,
          index,
          api,
          redactedHeaders,
          record,
          noteCheck,
          progress: (message) => emit({ type: 'progress', suite: suite.id, message }),
          signal,
        });
      } catch (error) {
        const toolError: ToolError =
          error instanceof ConformanceError
            ? { code: error.code, message: error.message, suite: suite.id }
            : { code: 'CONF_INTERNAL', message: `the ${suite.id} suite stopped on an internal error: ${(error as Error).message ?? String(error)}`, suite: suite.id };
        errors.push(toolError);
        emit({ type: 'tool-error', error: toolError });
      }
      const durationMs = performance.now() - suiteStarted;
      results.push({ id: suite.id, title: suite.title, durationMs });
      emit({ type: 'suite-end', suite, durationMs });
    }
  } finally {
    await client.close();
    await embedded?.close();
  }

  const all = findings.all();
  return {
    target: baseUrl,
    embedded: embedded !== undefined,
    specPath: config.specPath,
    profile: { id: config.profile.id, title: config.profile.title },
    startedAt,
    durationMs: performance.now() - started,
    requests,
    suites: results,
    checks: ledger.entries(),
    findings: all,
    errors,
    timeline: timeline.events(),
    exitCode: exitCodeOf(all, errors),
  };
}

function selectSuites(ids: readonly string[] | undefined): Suite[] {
  if (ids === undefined) return [...allSuites];
  const known = new Map(allSuites.map((suite) => [suite.id, suite]));
  return ids.map((id) => {
    const suite = known.get(id);
    if (suite === undefined) {
      throw new ConformanceError('CONF_USAGE', `--suite ${id} is not a suite. Known suites: ${[...known.keys()].join(', ')}.`);
    }
    return suite;
  });
}

/**
 * One request before any suite: a target that cannot be reached at all is a tool error (exit 2),
 * not a wall of findings. A target that answers, however badly, is judged by the suites.
 */
async function preflight(baseUrl: string, client: ReturnType<typeof createClient>): Promise<void> {
  const probe = await client.send({ method: 'GET', url: baseUrl });
  const failure = probe.failure;
  if (failure !== undefined && failure.kind !== 'timeout') {
    throw new ConformanceError('CONF_TARGET_UNREACHABLE', `Cannot reach ${baseUrl}: ${failure.message}. Is the server running, and is --target its Backup Management API base URL (e.g. http://localhost:9600/actuator/backups)?`);
  }
  const body = probe.response?.bodyText ?? '';
  if (probe.response !== undefined && probe.response.status >= 404 && probe.response.status !== 500 && (await answersLikeZeebe81(baseUrl, client))) {
    throw new ConformanceError('CONF_UNSUPPORTED_SERVER', `${baseUrl} looks like Zeebe 8.1's experimental backup endpoint (no list; take by POST /{id}; every error a 500 with {"id","failure"}), which this spec does not describe. Test Zeebe 8.2 or later.`);
  }
  if (probe.response?.status === 400 && body.includes('No backup store is configured')) {
    throw new ConformanceError('CONF_BACKUPS_NOT_CONFIGURED', `${baseUrl} answers that no backup store is configured, so its backup API cannot be tested. Configure a backup store on the brokers (e.g. zeebe.broker.data.backup.store), restart them, and run again.`);
  }
}

/**
 * Zeebe 8.1 answered `GET /{id}` with `{"backupId", "status", "partitions"}` (200, even for an
 * unknown id) or a 500 `{"id", "failure"}`: a shape no later release uses (camunda/zeebe@8.1.0
 * dist/src/main/java/io/camunda/zeebe/shared/management/BackupEndpoint.java).
 */
async function answersLikeZeebe81(baseUrl: string, client: ReturnType<typeof createClient>): Promise<boolean> {
  const probe = await client.send({ method: 'GET', url: `${baseUrl}/1` });
  const body = parseJson(probe.response?.bodyText ?? '');
  if (!body.ok || body.value === null || typeof body.value !== 'object') return false;
  const value = body.value as Record<string, unknown>;
  return ('failure' in value && 'id' in value) || ('status' in value && 'partitions' in value);
}
