import { ConformanceError } from '../errors.js';
import { describeUnreachable } from './describe-unreachable.js';
import type { HttpClient } from '../http/client.js';
import type { Exchange } from '../http/exchange.js';
import { parseJson } from '../http/parse-json.js';

// Camunda 8.8 moved the endpoint here; standalone brokers and gateways keep the spec's path as well.
const RUNTIME_PATH = '/actuator/backupRuntime';
// An API served at the origin itself: a mock such as Prism, or a gateway behind a rewriting proxy.
const ROOT_PATH = '/';

export interface DiscoveredTarget {
  /** The base URL to test, without a trailing slash. */
  readonly baseUrl: string;
  /** The base path found by probing, or undefined when the target was a full base URL. */
  readonly discoveredPath?: string;
}

/**
 * A target without a path (`http://host:9600`) names a management port, not the API: probe the
 * base paths a Zeebe release may serve (the spec's `servers` path first, then 8.8+'s
 * `/actuator/backupRuntime`), then the root, with GET only, and take the first that answers like
 * the API. A target with a path is taken as given.
 */
export async function discoverBaseUrl(target: URL, specServerPaths: readonly string[], client: HttpClient): Promise<DiscoveredTarget> {
  const origin = target.href.replace(/\/+$/, '');
  if (target.pathname !== '/' && target.pathname !== '') return { baseUrl: origin };
  const answers: string[] = [];
  const hints = new Set<string>();
  for (const path of candidatePaths(specServerPaths)) {
    const url = path === ROOT_PATH ? origin : `${origin}${path}`;
    const probe = await client.send({ method: 'GET', url, maxBodyBytes: PROBE_BODY_BYTES });
    if (probe.failure !== undefined && probe.failure.kind !== 'timeout') {
      throw new ConformanceError(
        'CONF_TARGET_UNREACHABLE',
        await describeUnreachable(origin, probe.failure, 'its management address (e.g. http://localhost:9600)'),
      );
    }
    if (looksLikeTheApi(probe)) return { baseUrl: url, discoveredPath: path };
    answers.push(`${path}: ${probe.response?.status ?? probe.failure?.message}`);
    const hint = probe.response === undefined ? undefined : pointerElsewhere(probe);
    if (hint !== undefined) hints.add(hint);
  }
  throw new ConformanceError(
    'CONF_NOT_THE_API',
    `No Backup Management API found at ${origin} (tried ${answers.join('; ')})${hints.size === 0 ? '' : `; ${[...hints].join('; ')}`}. Give the ` +
      `API's base URL in --target: the URL whose GET answers with the list of backups.`,
  );
}

/** The base paths a Zeebe release may serve, the spec's first, then the root. */
function candidatePaths(specServerPaths: readonly string[]): string[] {
  return [...new Set([...specServerPaths.filter((p) => p !== '' && p !== '/'), RUNTIME_PATH, ROOT_PATH])];
}

/**
 * Where on the origin of a URL that is not the API the API does answer, if anywhere: the first
 * candidate base URL other than the rejected one whose GET answers like the API. A probe that
 * fails only means the API is not there.
 */
export async function whereTheApiAnswers(rejected: string, specServerPaths: readonly string[], client: HttpClient): Promise<string | undefined> {
  const origin = new URL(rejected).origin;
  for (const path of candidatePaths(specServerPaths)) {
    const url = path === ROOT_PATH ? origin : `${origin}${path}`;
    if (url === rejected.replace(/\/+$/, '')) continue;
    if (looksLikeTheApi(await client.send({ method: 'GET', url, maxBodyBytes: PROBE_BODY_BYTES }))) return url;
  }
  return undefined;
}

// Enough to see a list begin; a cut body still shows it is one.
const PROBE_BODY_BYTES = 64 * 1024;

/** A JSON array (the list), or the 400 of a cluster without a backup store: either way the endpoint exists. */
function looksLikeTheApi(probe: Exchange): boolean {
  const response = probe.response;
  if (response === undefined) return false;
  if (response.status === 400) return response.bodyText.includes('backup');
  if (response.status !== 200) return false;
  return startsAList(response.bodyText, response.truncated);
}

/** Whether an answer's body is JSON of any kind. */
export function isJsonAnswer(probe: Exchange): boolean {
  return probe.response !== undefined && parseJson(probe.response.bodyText).ok;
}

function startsAList(bodyText: string, truncated: boolean): boolean {
  if (truncated) return bodyText.trimStart().startsWith('[');
  const body = parseJson(bodyText);
  return body.ok && Array.isArray(body.value);
}

/**
 * What the list URL answered, when it answers as no Backup Management API does, else undefined:
 * a 404 with no list (the list is never 404), an HTML page where JSON belongs, or a redirect to
 * somewhere else (the API is never moved; a redirect to itself is a broken server, for the suites
 * to judge). The words say what was found and, where the server named the right place, that.
 * `unlessJsonElsewhere`: an HTML page with a 2xx may also be a real API answering garbage, which
 * is for the suites; it is not the API only if a get of an unknown backup is no JSON either.
 */
export function notTheApi(probe: Exchange): { readonly found: string; readonly unlessJsonElsewhere: boolean } | undefined {
  const response = probe.response;
  if (response === undefined) return undefined;
  const { status, headers } = response;
  const hint = pointerElsewhere(probe);
  const tail = hint === undefined ? '' : `; ${hint}`;
  if (status >= 300 && status < 400) {
    const location = headers['location'];
    if (location === undefined) return undefined;
    const to = new URL(location, probe.request.url).href;
    // A file server sends a folder's URL on to the same URL with a slash; the API has no folders.
    if (to === `${probe.request.url.replace(/\/+$/, '')}/`)
      return { found: `it redirects (${status}) to ${printable(to)}, as a file server does for a folder`, unlessJsonElsewhere: true };
    if (resolves(location, probe.request.url) === probe.request.url) return undefined;
    return { found: `it redirects (${status})${tail}`, unlessJsonElsewhere: false };
  }
  const html = /^text\/html\b/i.test(headers['content-type'] ?? '') || /^\s*<(!doctype|html)/i.test(response.bodyText);
  if (status === 404)
    return {
      found: `it answers 404${html ? ' with an HTML page' : startsAList(response.bodyText, response.truncated) ? '' : ' and no list'}${tail}`,
      unlessJsonElsewhere: false,
    };
  if (status >= 200 && status < 300 && html) return { found: `it answers ${status} with an HTML page, not JSON${tail}`, unlessJsonElsewhere: true };
  if (status >= 200 && status < 300 && isPlainText(headers['content-type']) && !isJsonAnswer(probe)) {
    return { found: `it answers ${status} with ${printable(headers['content-type'] ?? '')}, not JSON${tail}`, unlessJsonElsewhere: true };
  }
  return undefined;
}

/** A `text/*` media type other than HTML (handled above): what a file server gives a file it has no type for. */
function isPlainText(contentType: string | undefined): boolean {
  return contentType !== undefined && /^\s*text\//i.test(contentType);
}

/** Where the answer says the API is: the Location of a redirect, or the message of a JSON 404 body. */
function pointerElsewhere(probe: Exchange): string | undefined {
  const response = probe.response;
  if (response === undefined) return undefined;
  const location = response.headers['location'];
  if (response.status >= 300 && response.status < 400 && location !== undefined) return `it points to ${printable(resolves(location, probe.request.url))}`;
  if (response.status !== 404) return undefined;
  const body = parseJson(response.bodyText);
  const message =
    body.ok && body.value !== null && typeof body.value === 'object'
      ? ((body.value as Record<string, unknown>)['message'] ?? (body.value as Record<string, unknown>)['error'])
      : undefined;
  // A message that names a path is the server telling where to look (the reference server does).
  return typeof message === 'string' && /\/\w/.test(message) ? `the server says ${JSON.stringify(printable(message))}` : undefined;
}

function resolves(location: string, base: string): string {
  try {
    return new URL(location, base).href.replace(/\/+$/, '');
  } catch {
    return location;
  }
}

/** At most a line of what the server sent, without control characters. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
  return clean.length > 160 ? `${clean.slice(0, 160)}…` : clean;
}

/** The path of each `servers` URL in the spec, with its variables left as they are. */
export function specServerPaths(servers: readonly { url: string }[] | undefined): string[] {
  return (servers ?? []).map((server) => {
    // Drops `scheme://host:port`, variables included: '{schema}://{host}:{port}/actuator/backups' → '/actuator/backups'.
    return server.url.replace(/^[^:/]*:\/\/[^/]*/, '').replace(/\/+$/, '');
  });
}
