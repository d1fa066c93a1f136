import { ConformanceError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import type { Exchange } from '../http/exchange.js';
import { parseJson } from '../http/parse-json.js';

// Camunda 8.8 moved the endpoint here; standalone brokers and gateways keep the spec's path as well.
const RUNTIME_PATH = '/actuator/backupRuntime';

export interface DiscoveredTarget {
  /** The base URL to test, without a trailing slash. */
  readonly baseUrl: string;
  /** The base path found by probing, or undefined when the target was a full base URL. */
  readonly discoveredPath?: string;
}

/**
 * A target without a path (`http://host:9600`) names a management port, not the API: probe the
 * base paths a Zeebe release may serve (the spec's `servers` path first, then 8.8+'s
 * `/actuator/backupRuntime`) with GET only, and take the first that answers like the API.
 * A target with a path is taken as given.
 */
export async function discoverBaseUrl(target: URL, specServerPaths: readonly string[], client: HttpClient): Promise<DiscoveredTarget> {
  const origin = target.href.replace(/\/+$/, '');
  if (target.pathname !== '/' && target.pathname !== '') return { baseUrl: origin };
  const candidates = [...new Set([...specServerPaths.filter((p) => p !== '' && p !== '/'), RUNTIME_PATH])];
  const answers: string[] = [];
  for (const path of candidates) {
    const probe = await client.send({ method: 'GET', url: `${origin}${path}`, maxBodyBytes: PROBE_BODY_BYTES });
    if (probe.failure !== undefined && probe.failure.kind !== 'timeout') {
      throw new ConformanceError('CONF_TARGET_UNREACHABLE', `Cannot reach ${origin}: ${probe.failure.message}. Is the server running, and is --target its management address (e.g. http://localhost:9600)?`);
    }
    if (looksLikeTheApi(probe)) return { baseUrl: `${origin}${path}`, discoveredPath: path };
    answers.push(`${path}: ${probe.response?.status ?? probe.failure?.message}`);
  }
  throw new ConformanceError(
    'CONF_TARGET_INVALID',
    `No Backup Management API found at ${origin} (tried ${answers.join('; ')}). Give the API's base URL in --target, e.g. ${origin}/actuator/backups.`,
  );
}

// Enough to see a list begin; a cut body still shows it is one.
const PROBE_BODY_BYTES = 64 * 1024;

/** A JSON array (the list), or the 400 of a cluster without a backup store: either way the endpoint exists. */
function looksLikeTheApi(probe: Exchange): boolean {
  const response = probe.response;
  if (response === undefined) return false;
  if (response.status === 400) return response.bodyText.includes('backup');
  if (response.status !== 200) return false;
  if (response.truncated) return response.bodyText.trimStart().startsWith('[');
  const body = parseJson(response.bodyText);
  return body.ok && Array.isArray(body.value);
}

/** The path of each `servers` URL in the spec, with its variables left as they are. */
export function specServerPaths(servers: readonly { url: string }[] | undefined): string[] {
  return (servers ?? []).map((server) => {
    // Drops `scheme://host:port`, variables included: '{schema}://{host}:{port}/actuator/backups' → '/actuator/backups'.
    return server.url.replace(/^[^:/]*:\/\/[^/]*/, '').replace(/\/+$/, '');
  });
}
