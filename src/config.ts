import { fileURLToPath } from 'node:url';
import { ConformanceError } from './errors.js';
import { flag, type Flag } from './flags.js';
import { formatDuration } from './format-duration.js';
import { parseDuration } from './parse-duration.js';
import type { Profile } from './profiles/profile.js';
import { findProfile } from './profiles/profiles.js';
import { INT64_MAX } from './spec/int64.js';

import type { RunOptions } from './flags.js';

export type { RunOptions } from './flags.js';

/** Everything a run needs, complete and frozen. Every default lives here. */
export interface RunConfig {
  /** Undefined: start the embedded reference server and test it. */
  readonly target?: URL;
  readonly specPath: string;
  readonly profile: Profile;
  readonly outDir?: string;
  /** The findings.json whose faults are known (--baseline). */
  readonly baselineFile?: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** Undefined: every suite. */
  readonly suites?: readonly string[];
  readonly stateful: {
    readonly seed?: number;
    readonly path?: string;
    readonly runs: number;
    readonly maxCommands: number;
    /** How long the suite may have run when a random run starts (--budget); the scenarios run whatever the time. */
    readonly budgetMs: number;
    readonly settleTimeoutMs: number;
    readonly keepBackups: boolean;
  };
  readonly negative: {
    readonly runs: number;
    /**
     * Whether the negative suite may take valid ids near 2^63. Such a take cannot be undone: the
     * cluster can then never take a lower id again (spec/NOTES.md#invalid-takes-on-a-live-cluster).
     */
    readonly takeHugeIds: boolean;
  };
  /** Requests in flight at once where their answers are independent (--concurrency). */
  readonly concurrency: number;
  readonly retryDelayMs: number;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Sent with every request. Names lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Header names whose values are printed as `***` everywhere. */
  readonly redactedHeaders: ReadonlySet<string>;
  readonly caFile?: string;
  readonly insecure: boolean;
  readonly ratePerSecond?: number;
  readonly maxDurationMs?: number;
  readonly suiteTimeoutMs?: number;
  readonly readOnly: boolean;
  /** Backups are taken only at this id or above (and always above the highest existing one). */
  readonly idBase?: bigint;
  readonly consent: boolean;
  /** Undefined: the target must answer at once. */
  readonly waitForTargetMs?: number;
}

export const DEFAULTS = {
  specPath: fileURLToPath(new URL('../../spec/backup-management-api.yaml', import.meta.url)),
  profile: flag('profile').default,
  retryDelayMs: 500,
} as const;

/** What a header name may hold (RFC 9110's token), as the error says it. */
const HEADER_NAME_CHARACTERS = "letters, digits and !#$%&'*+.^_`|~- only, not empty";

/** Always redacted: they carry credentials by their nature. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

export function resolveConfig(options: RunOptions): RunConfig {
  refuseImpossibleCombinations(options);
  const target = options.target === undefined ? undefined : parseTarget(options.target);
  const headers = parseHeaders(options.headers ?? []);
  if (target !== undefined && (target.username !== '' || target.password !== '')) {
    // Credentials in the URL become a header, so that the URL itself can be printed.
    if (headers['authorization'] === undefined) {
      const credentials = `${decodeUserInfo(target.username, 'user name')}:${decodeUserInfo(target.password, 'password')}`;
      headers['authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    target.username = '';
    target.password = '';
  }
  if (options.bearerToken !== undefined) headers['authorization'] = `Bearer ${options.bearerToken}`;
  const config: RunConfig = {
    ...(target === undefined ? {} : { target }),
    specPath: options.spec ?? DEFAULTS.specPath,
    profile: findProfile(options.profile ?? DEFAULTS.profile),
    ...(options.out === undefined ? {} : { outDir: options.out }),
    ...(options.baseline === undefined ? {} : { baselineFile: options.baseline }),
    timeoutMs: duration(flag('timeout'), options.timeout),
    maxBodyBytes: count(flag('max-body-bytes'), options.maxBodyBytes),
    ...(options.suites === undefined ? {} : { suites: Object.freeze([...options.suites]) }),
    stateful: Object.freeze({
      ...(options.seed === undefined ? {} : { seed: count(flag('seed'), options.seed) }),
      ...(options.path === undefined ? {} : { path: replayPath(options.path) }),
      runs: count(flag('runs'), options.runs),
      maxCommands: count(flag('max-commands'), options.maxCommands),
      budgetMs: duration(flag('budget'), options.budget),
      settleTimeoutMs: duration(flag('settle-timeout'), options.settleTimeout),
      keepBackups: options.keepBackups ?? false,
    }),
    negative: Object.freeze({
      runs: count(flag('negative-runs'), options.negativeRuns),
      takeHugeIds: options.takeHugeIds ?? target === undefined,
    }),
    concurrency: count(flag('concurrency'), options.concurrency),
    retryDelayMs: DEFAULTS.retryDelayMs,
    quiet: options.quiet ?? false,
    verbose: options.verbose ?? false,
    headers: Object.freeze(headers),
    redactedHeaders: Object.freeze(new Set([...SECRET_HEADERS, ...Object.keys(headers)])),
    ...(options.ca === undefined ? {} : { caFile: options.ca }),
    insecure: options.insecure ?? false,
    ...(options.rate === undefined ? {} : { ratePerSecond: positiveNumber(flag('rate'), options.rate) }),
    ...(options.maxDuration === undefined ? {} : { maxDurationMs: duration(flag('max-duration'), options.maxDuration) }),
    ...(options.suiteTimeout === undefined ? {} : { suiteTimeoutMs: duration(flag('suite-timeout'), options.suiteTimeout) }),
    readOnly: options.readOnly ?? false,
    ...(options.idBase === undefined ? {} : { idBase: backupId(flag('id-base'), options.idBase) }),
    consent: options.yes ?? false,
    ...(options.waitForTarget === undefined ? {} : { waitForTargetMs: duration(flag('wait-for-target'), options.waitForTarget) }),
  };
  return Object.freeze(config);
}

function parseTarget(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConformanceError(
      'CONF_TARGET_INVALID',
      `--target ${JSON.stringify(text)} is not a URL. Give the API's base URL, e.g. --target http://localhost:9600/actuator/backups`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConformanceError(
      'CONF_TARGET_INVALID',
      `--target must be an http:// or https:// URL, not ${url.protocol}//. Example: --target http://localhost:9600/actuator/backups`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConformanceError('CONF_TARGET_INVALID', `--target must not carry a query or fragment (${url.search}${url.hash}). Give only the API's base URL.`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** The URL's user name or password as Basic credentials send it. Its text is never echoed: it may be a secret. */
function decodeUserInfo(text: string, part: 'user name' | 'password'): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ConformanceError(
      'CONF_TARGET_INVALID',
      `--target has a ${part} with a broken %-escape (% not followed by two hex digits): write % as %25, or give --header "Authorization: ...".`,
    );
  }
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    // Values are never echoed: they may be secrets. Without a colon the whole text may be one.
    if (colon < 0) throw usageError('--header takes "Name: value", and this one has no colon. Example: --header "X-Tenant: blue".');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
      const shown = JSON.stringify(line.slice(0, colon).trim().slice(0, 40));
      throw usageError(`--header takes "Name: value", and ${shown} is not a header name (${HEADER_NAME_CHARACTERS}). Example: --header "X-Tenant: blue".`);
    }
    if (/[\r\n\0]/.test(value)) throw usageError(`--header ${JSON.stringify(name)}: the value must be one line, without line breaks or NUL.`);
    headers[name] = value;
  }
  return headers;
}

/** Flags that cannot work together are refused before anything is sent, not when a suite starts. */
function refuseImpossibleCombinations(options: RunOptions): void {
  if (options.path !== undefined && options.seed === undefined) {
    throw usageError('--path replays a stateful failure only with the --seed printed beside it: give both (and the same --max-commands).');
  }
  if (options.waitForTarget !== undefined && options.target === undefined) {
    const fix = 'Give --target URL, or leave the flag out.';
    throw usageError(`--wait-for-target waits for a --target to come up; the embedded reference server needs no wait. ${fix}`);
  }
  if (options.quiet === true && options.verbose === true) {
    throw usageError('--quiet and --verbose contradict each other: give one of them.');
  }
}

function positiveNumber(bounds: Flag & { readonly max: number }, text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || value > bounds.max)
    throw usageError(`--${bounds.name} takes a number above 0 and at most ${bounds.max}, not ${JSON.stringify(text)}.`);
  return value;
}

function backupId(of: Flag, text: string): bigint {
  if (!/^\d{1,19}$/.test(text.trim()) || BigInt(text.trim()) < 1n || BigInt(text.trim()) > INT64_MAX) {
    throw usageError(`--${of.name} takes a backup id from 1 to ${INT64_MAX}, not ${JSON.stringify(text)}.`);
  }
  return BigInt(text.trim());
}

/** A whole number within the flag's bounds; its default when not given (a flag without one is only read when given). */
function count(bounds: Flag & { readonly min: number; readonly max: number }, text: string | undefined): number {
  if (text === undefined) return bounds.default as number;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw usageError(`--${bounds.name} takes a whole number from ${bounds.min} to ${bounds.max}, not ${JSON.stringify(text)}.`);
  }
  return value;
}

function duration(bounds: Flag & { readonly max: number }, text: string | undefined): number {
  if (text === undefined) return bounds.default as number;
  const value = parseDuration(text);
  if (value === undefined || value <= 0) {
    throw usageError(`--${bounds.name} takes a duration such as 500ms, 10s or 2m (a bare number means seconds), not ${JSON.stringify(text)}.`);
  }
  if (value > bounds.max) throw usageError(`--${bounds.name} takes a duration of at most ${formatDuration(bounds.max)}, not ${JSON.stringify(text)}.`);
  return value;
}

function usageError(message: string): ConformanceError {
  return new ConformanceError('CONF_USAGE', message);
}

function replayPath(text: string): string {
  if (!/^\d+(:\d+)*$/.test(text)) {
    throw usageError(`--path takes the replay path printed with a stateful finding, such as 3:1:0, not ${JSON.stringify(text)}.`);
  }
  return text;
}
