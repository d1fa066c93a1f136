import { interpretAnswer, type Answer, type AnswerOf } from './answer.js';
import type { Check, FindingDraft } from '../checks/check.js';
import { checkResponse } from '../checks/check-response.js';
import type { Finding } from '../findings/finding.js';
import { findingSource, type RuleId } from '../rules/rules.js';
import { answerMessage } from '../findings/answer-message.js';
import type { HttpClient } from '../http/client.js';
import { isGatewayUnavailable } from '../http/gateway-unavailable.js';
import { toTranscript } from '../findings/to-transcript.js';
import { curlScript } from '../findings/curl-script.js';
import type { Exchange } from '../http/exchange.js';
import type { ParsedJson } from '../http/parse-json.js';
import { jsonRequestMediaType, type OperationIndex } from '../spec/index-operations.js';
import type { Operation, OperationRole } from '../spec/operation.js';
import type { RoleStatuses } from '../spec/role-statuses.js';

/** A response (or transport failure) together with what the response checks found in it. */
export interface Observation<R extends OperationRole = OperationRole> {
  readonly operation: Operation;
  readonly exchange: Exchange;
  /** The status, or undefined when no response came. */
  readonly status?: number;
  readonly body?: ParsedJson;
  /**
   * What the answer means for its operation (`interpretAnswer`): the one reading every suite, model
   * and account uses; nothing above the API layer reads `status` to decide anything.
   */
  readonly answer: AnswerOf[R];
  readonly findings: readonly Finding[];
}

/** A raw request to an operation, for suites that send deliberately malformed input. */
export interface RawRequest {
  /** Path parameter values inserted as written (not encoded), in path order. */
  readonly pathValues?: readonly string[];
  /** The body text exactly as sent. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface BackupApiOptions {
  /** The base URL the spec's paths are relative to, without a trailing slash. */
  readonly baseUrl: string;
  readonly index: OperationIndex;
  readonly client: HttpClient;
  readonly checks: readonly Check[];
  readonly suite: string;
  readonly redactedHeaders: ReadonlySet<string>;
  /** Pause before the one retry of an idempotent request that got 502, 503 or 504. */
  readonly retryDelayMs: number;
  /** Records a finding: the judgement of its rule on this answer, with the finding as evidence. */
  record(finding: Finding): void;
  /** Records that a rule was applied to an answer that could show it broken, and it held. */
  passed(operation: string, checkId: RuleId): void;
  /** Told of every answer the response checks judged, for the coverage of documented responses. */
  onJudgedAnswer?(operation: Operation, exchange: Exchange): void;
  /** Told of every observation made through a role (not through `send`), with the id it was about. */
  onObservation?(observation: Observation, target: { role: OperationRole; id?: bigint }): void;
}

/**
 * The four operations of the spec, addressed by role, plus `send` for raw requests. Every response
 * goes through every response check before the caller sees it.
 */
export interface BackupApi {
  /** The status of each outcome, as the spec documents it. */
  readonly statuses: RoleStatuses;
  list(): Promise<Observation<'list'>>;
  take(id: bigint): Promise<Observation<'take'>>;
  get(id: bigint): Promise<Observation<'get'>>;
  delete(id: bigint): Promise<Observation<'delete'>>;
  send(operation: Operation, request: RawRequest, intent: 'valid' | 'invalid'): Promise<Observation>;
  urlFor(operation: Operation, pathValues?: readonly string[]): string;
}

// A run takes a few hundred backups at most; the bound keeps a runaway caller's memory flat.
const MOST_TAKES_KEPT = 10_000;

/** The URL of a spec path (its parameters filled in) below the base URL. */
export function urlOfPath(baseUrl: string, path: string): string {
  // The spec's '/' is the base URL itself: Spring Boot 3 (Zeebe 8.2+) no longer matches a trailing slash.
  return path === '/' ? baseUrl : `${baseUrl}${path}`;
}

/** The URL of an operation below the base URL, its path parameters filled in with the values as written. */
function operationUrl(baseUrl: string, operation: Operation, pathValues: readonly string[]): string {
  let i = 0;
  return urlOfPath(
    baseUrl,
    operation.path.replace(/\{[^}]+\}/g, () => pathValues[i++] ?? ''),
  );
}

export function createBackupApi(options: BackupApiOptions): BackupApi {
  const { index } = options;

  const urlFor = (operation: Operation, pathValues: readonly string[] = []): string => operationUrl(options.baseUrl, operation, pathValues);

  // The accepted take of each id, so that a finding about that backup is reproduced from a fresh
  // start: the take that created it, then the request that showed the fault.
  const acceptedTakes = new Map<string, Exchange>();

  function evaluate(operation: Operation, exchange: Exchange, intent: 'valid' | 'invalid', repeated: boolean, createdBy?: Exchange): Observation {
    const sequence = createdBy === undefined ? [exchange] : [createdBy, exchange];
    const { input, body, results } = checkResponse(options.checks, operation, exchange, intent, repeated);
    const findings: Finding[] = [];
    options.onJudgedAnswer?.(operation, exchange);
    for (const { check, applied, drafts } of results) {
      if (applied && drafts.length === 0) options.passed(operation.label, check.id);
      for (const draft of drafts) {
        const finding = responseFinding(check, draft, operation, exchange, sequence, options);
        findings.push(finding);
        options.record(finding);
      }
    }
    // An operation that is none of the four roles (a spec may hold more) means nothing for a backup.
    const answer: Answer =
      operation.role === undefined ? { kind: 'unclear', why: 'unexpected-status' } : interpretAnswer(operation.role, index.statuses, input);
    return {
      operation,
      exchange,
      ...(exchange.response ? { status: exchange.response.status } : {}),
      ...(body === undefined ? {} : { body }),
      answer,
      findings,
    };
  }

  async function send(operation: Operation, request: RawRequest, intent: 'valid' | 'invalid', createdBy?: Exchange): Promise<Observation> {
    const spec = {
      method: operation.method,
      url: urlFor(operation, request.pathValues),
      ...(request.headers === undefined ? {} : { headers: request.headers }),
      ...(request.body === undefined ? {} : { body: request.body }),
    };
    const first = await options.client.send(spec);
    const idempotent = operation.method === 'GET' || operation.method === 'DELETE';
    const status = first.response?.status;
    if (intent === 'invalid' || !idempotent || status === undefined || !isGatewayUnavailable(status)) {
      return evaluate(operation, first, intent, false, createdBy);
    }
    // One bounded retry tells a passing cluster hiccup from a server that keeps failing.
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
    const firstObservation = evaluate(operation, first, intent, false, createdBy);
    const second = await options.client.send(spec);
    const repeated = second.response !== undefined && second.response.status >= 500;
    const secondObservation = evaluate(operation, second, intent, repeated, createdBy);
    return { ...secondObservation, findings: [...firstObservation.findings, ...secondObservation.findings] };
  }

  async function viaRole<R extends OperationRole>(role: R, request: RawRequest, id?: bigint): Promise<Observation<R>> {
    const createdBy = id === undefined || role === 'take' ? undefined : acceptedTakes.get(String(id));
    // The index found the operation by its role, so its answer is read for that role.
    const observation = (await send(index.byRole[role], request, 'valid', createdBy)) as Observation<R>;
    if (observation.answer.kind === 'accepted' && id !== undefined && acceptedTakes.size < MOST_TAKES_KEPT) acceptedTakes.set(String(id), observation.exchange);
    options.onObservation?.(observation, { role, ...(id === undefined ? {} : { id }) });
    return observation;
  }

  const idField = index.byRole.take.idField ?? 'backupId';
  const json = { 'content-type': jsonRequestMediaType(index.byRole.take.requestBody?.mediaTypes ?? []) };

  return {
    statuses: index.statuses,
    urlFor,
    send: (operation, request, intent) => send(operation, request, intent),
    list: () => viaRole('list', {}),
    take: (id) => viaRole('take', { body: `{${JSON.stringify(idField)}:${id}}`, headers: json }, id),
    get: (id) => viaRole('get', { pathValues: [String(id)] }, id),
    delete: (id) => viaRole('delete', { pathValues: [String(id)] }, id),
  };
}

/** A response check's draft as a finding about this exchange, reproduced by the whole sequence that led to it. */
function responseFinding(
  check: Check,
  draft: FindingDraft,
  operation: Operation,
  exchange: Exchange,
  sequence: readonly Exchange[],
  options: BackupApiOptions,
): Finding {
  return {
    checkId: check.id,
    title: check.title,
    severity: check.severity,
    verdict: draft.verdict ?? 'violation',
    operation: operation.label,
    ...(exchange.response === undefined ? {} : { status: exchange.response.status }),
    ...optionalMessage(answerMessage(exchange)),
    expected: draft.expected,
    received: draft.received,
    kind: draft.kind,
    ...(draft.backupId === undefined ? {} : { backupId: String(draft.backupId) }),
    ...findingSource(check.id, options.index.byRole, { operation, ...draft }),
    suite: options.suite,
    reproduction: { curl: curlScript(sequence, options.redactedHeaders), transcript: toTranscript(sequence) },
  };
}

function optionalMessage(message: string | undefined): { answerMessage?: string } {
  return message === undefined ? {} : { answerMessage: message };
}
