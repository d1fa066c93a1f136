import { ConformanceError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { parseJson } from '../http/parse-json.js';
import type { OperationIndex } from '../spec/index-operations.js';
import { urlOfPath } from './backup-api.js';
import { describeUnreachable } from './describe-unreachable.js';
import { isJsonAnswer, notTheApi, whereTheApiAnswers } from './discover-base-url.js';
import { INT64_MAX } from '../spec/int64.js';

const PROBE_BODY_BYTES = 64 * 1024;
/** An id no cluster holds in practice: a get of it shows how the server answers for an unknown backup. */
const UNKNOWN_ID = INT64_MAX;

/**
 * One request before any suite: a target that cannot be reached at all is a tool error (exit 2),
 * not a wall of findings. A target that answers, however badly, is judged by the suites.
 */
export async function preflight(baseUrl: string, client: HttpClient, index: OperationIndex, specServerPaths: readonly string[] = []): Promise<void> {
  // The status and the start of the body say all a probe needs; the suites read the list in full.
  const probe = await client.send({ method: 'GET', url: urlOfPath(baseUrl, index.byRole.list.path), maxBodyBytes: PROBE_BODY_BYTES });
  const failure = probe.failure;
  // A server that sends a status line is there; an answer that breaks after it is for the checks.
  if (failure !== undefined && failure.kind !== 'timeout' && failure.responseStarted !== true) {
    throw new ConformanceError(
      'CONF_TARGET_UNREACHABLE',
      await describeUnreachable(baseUrl, failure, 'its Backup Management API base URL (e.g. http://localhost:9600/actuator/backups)'),
    );
  }
  const body = probe.response?.bodyText ?? '';
  if (probe.response !== undefined && probe.response.status >= 404 && probe.response.status !== 500 && (await answersLikeZeebe81(baseUrl, client))) {
    throw new ConformanceError(
      'CONF_UNSUPPORTED_SERVER',
      `${baseUrl} looks like Zeebe 8.1's experimental backup endpoint (no list; take by POST /{id}; every error a 500 with {"id","failure"}), which ` +
        `this spec does not describe. Test Zeebe 8.2 or later.`,
    );
  }
  if (probe.response?.status === 400 && body.includes('No backup store is configured')) {
    throw new ConformanceError(
      'CONF_BACKUPS_NOT_CONFIGURED',
      `${baseUrl} answers that no backup store is configured, so its backup API cannot be tested. Configure a backup store on the brokers (e.g. ` +
        `zeebe.broker.data.backup.store), restart them, and run again.`,
    );
  }
  const verdict = notTheApi(probe);
  if (verdict !== undefined && !(verdict.unlessJsonElsewhere && (await answersJsonForUnknownBackup(baseUrl, client, index)))) {
    const elsewhere = await whereTheApiAnswers(baseUrl, specServerPaths, client);
    // Never suggest the URL just rejected: where the API answered, else the origin, from which the run searches.
    const fix =
      elsewhere === undefined
        ? `Give the API's base URL in --target, or only the origin (${new URL(baseUrl).origin}) to let the run look for it`
        : `The API answers at ${elsewhere}: give that in --target`;
    throw new ConformanceError('CONF_NOT_THE_API', `${baseUrl} is not a Backup Management API: ${verdict.found}. ${fix}.`);
  }
}

/** Whether a get of a backup no cluster holds is answered with JSON, as an API answers it (a web page is not). */
async function answersJsonForUnknownBackup(baseUrl: string, client: HttpClient, index: OperationIndex): Promise<boolean> {
  const url = urlOfPath(baseUrl, index.byRole.get.path.replace(/\{[^}]+\}/, String(UNKNOWN_ID)));
  return isJsonAnswer(await client.send({ method: 'GET', url, maxBodyBytes: PROBE_BODY_BYTES }));
}

/**
 * Zeebe 8.1 answered `GET /{id}` with `{"backupId", "status", "partitions"}` (200, even for an
 * unknown id) or a 500 `{"id", "failure"}`: a shape no later release uses (camunda/zeebe@8.1.0
 * dist/src/main/java/io/camunda/zeebe/shared/management/BackupEndpoint.java).
 */
async function answersLikeZeebe81(baseUrl: string, client: HttpClient): Promise<boolean> {
  const probe = await client.send({ method: 'GET', url: `${baseUrl}/1`, maxBodyBytes: PROBE_BODY_BYTES });
  const body = parseJson(probe.response?.bodyText ?? '');
  if (!body.ok || body.value === null || typeof body.value !== 'object') return false;
  const value = body.value as Record<string, unknown>;
  return ('failure' in value && 'id' in value) || ('status' in value && 'partitions' in value);
}
