import { fileURLToPath } from 'node:url';
import { ConformanceError } from './errors.js';
import { parseDuration } from './parse-duration.js';
import type { Profile } from './profiles/profile.js';
import { findProfile } from './profiles/profiles.js';
import { INT64_MAX } from './spec/int64.js';

/** The options a user may give, all optional, as strings where they come from flags. */
export interface RunOptions {
  /** Base URL of the Backup Management API; absent: the embedded reference server. */
  readonly target?: string;
  readonly spec?: string;
  /** `spec` (the default) or a Zeebe release such as `zeebe-8.5`. */
  readonly profile?: string;
  readonly out?: string;
  /** A findings.json of an earlier run: its faults are known and do not fail this run. */
  readonly baseline?: string;
  readonly timeout?: string;
  readonly maxBodyBytes?: string;
  /** Suite ids to run; absent: all. */
  readonly suites?: readonly string[];
  readonly seed?: string;
  readonly path?: string;
  readonly runs?: string;
  readonly maxCommands?: string;
  readonly settleTimeout?: string;
  readonly keepBackups?: boolean;
  readonly negativeRuns?: string;
  /** Take valid ids beyond 2^53 (up to 2^63 - 1) in the negative suite; default only for the embedded server. */
  readonly takeHugeIds?: boolean;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  /** Extra request headers, each `Name: value` (their values are never printed). */
  readonly headers?: readonly string[];
  /** A bearer token (read by the CLI from the variable --bearer-token-env names). */
  readonly bearerToken?: string;
  /** Path of a PEM file of certificate authorities to trust. */
  readonly ca?: string;
  readonly insecure?: boolean;
  readonly rate?: string;
  readonly maxDuration?: string;
  readonly suiteTimeout?: string;
  /** Only GET requests: the suites that take or delete backups do not run. */
  readonly readOnly?: boolean;
  /** The lowest id the suite may take. */
  readonly idBase?: string;
  /** Consent to take and delete backups on a target that is not on this machine. */
  readonly yes?: boolean;
  /** How long to wait for the target to answer before the run starts. */
  readonly waitForTarget?: string;
}

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
  profile: 'spec',
  timeoutMs: 10_000,
  maxBodyBytes: 32 * 1024 * 1024,
  runs: 20,
  maxCommands: 12,
  settleTimeoutMs: 60_000,
  negativeRuns: 60,
  retryDelayMs: 500,
} as const;

/** Always redacted: they carry credentials by their nature. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * The largest values the numeric flags take: beyond them a run would exhaust memory (generated
 * requests are drawn up front), never end, or, for durations, pass what a timer can hold (Node
 * fires a longer one at once).
 */
export const LIMITS = {
  runs: 10_000,
  maxCommands: 1_000,
  negativeRuns: 10_000,
  maxBodyBytes: 1024 ** 3,
  ratePerSecond: 10_000,
  durationMs: 24 * 60 * 60 * 1000,
  waitForTargetMs: 60 * 60 * 1000,
} as const;

export function resolveConfig(options: RunOptions): RunConfig {
  refuseImpossibleCombinations(options);
  const target = options.target === undefined ? undefined : parseTarget(options.target);
  const headers = parseHeaders(options.headers ?? []);
  if (target !== undefined && (target.username !== '' || target.password !== '')) {
    // Credentials in the URL become a header, so that the URL itself can be printed.
    headers['authorization'] ??= `Basic ${Buffer.from(`${decodeUserInfo(target.username, 'user name')}:${decodeUserInfo(target.password, 'password')}`).toString('base64')}`;
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
    timeoutMs: duration('--timeout', options.timeout, DEFAULTS.timeoutMs),
    maxBodyBytes: integer('--max-body-bytes', options.maxBodyBytes, DEFAULTS.maxBodyBytes, 1024, LIMITS.maxBodyBytes),
    ...(options.suites === undefined ? {} : { suites: Object.freeze([...options.suites]) }),
    stateful: Object.freeze({
      ...(options.seed === undefined ? {} : { seed: integer('--seed', options.seed, 0, -(2 ** 31), 2 ** 31 - 1) }),
      ...(options.path === undefined ? {} : { path: replayPath(options.path) }),
      runs: integer('--runs', options.runs, DEFAULTS.runs, 1, LIMITS.runs),
      maxCommands: integer('--max-commands', options.maxCommands, DEFAULTS.maxCommands, 1, LIMITS.maxCommands),
      settleTimeoutMs: duration('--settle-timeout', options.settleTimeout, DEFAULTS.settleTimeoutMs),
      keepBackups: options.keepBackups ?? false,
    }),
    negative: Object.freeze({
      runs: integer('--negative-runs', options.negativeRuns, DEFAULTS.negativeRuns, 0, LIMITS.negativeRuns),
      takeHugeIds: options.takeHugeIds ?? target === undefined,
    }),
    retryDelayMs: DEFAULTS.retryDelayMs,
    quiet: options.quiet ?? false,
    verbose: options.verbose ?? false,
    headers: Object.freeze(headers),
    redactedHeaders: Object.freeze(new Set([...SECRET_HEADERS, ...Object.keys(headers)])),
    ...(options.ca === undefined ? {} : { caFile: options.ca }),
    insecure: options.insecure ?? false,
    ...(options.rate === undefined ? {} : { ratePerSecond: positiveNumber('--rate', options.rate, LIMITS.ratePerSecond) }),
    ...(options.maxDuration === undefined ? {} : { maxDurationMs: duration('--max-duration', options.maxDuration, 0) }),
    ...(options.suiteTimeout === undefined ? {} : { suiteTimeoutMs: duration('--suite-timeout', options.suiteTimeout, 0) }),
    readOnly: options.readOnly ?? false,
    ...(options.idBase === undefined ? {} : { idBase: backupId('--id-base', options.idBase) }),
    consent: options.yes ?? false,
    ...(options.waitForTarget === undefined ? {} : { waitForTargetMs: duration('--wait-for-target', options.waitForTarget, 0, LIMITS.waitForTargetMs) }),
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
      `--target has a ${part} with a broken %-escape (a % not followed by two hex digits): write a literal % as %25, or give the credentials with --header "Authorization: ...".`,
    );
  }
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    // Values are never echoed: they may be secrets. Without a colon the whole text may be one.
    if (colon < 0) throw new ConformanceError('CONF_USAGE', '--header takes "Name: value", and this one has no colon. Example: --header "X-Tenant: blue".');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
      throw new ConformanceError(
        'CONF_USAGE',
        `--header takes "Name: value", and ${JSON.stringify(line.slice(0, colon).trim().slice(0, 40))} is not a header name (letters, digits and !#$%&'*+.^_\`|~- only, not empty). Example: --header "X-Tenant: blue".`,
      );
    }
    if (/[\r\n\0]/.test(value)) throw new ConformanceError('CONF_USAGE', `--header ${JSON.stringify(name)}: the value must be one line, without line breaks or NUL.`);
    headers[name] = value;
  }
  return headers;
}

/** Flags that cannot work together are refused before anything is sent, not when a suite starts. */
function refuseImpossibleCombinations(options: RunOptions): void {
  if (options.path !== undefined && options.seed === undefined) {
    throw new ConformanceError('CONF_USAGE', '--path replays a stateful failure only with the --seed printed beside it: give both (and the same --max-commands).');
  }
  if (options.waitForTarget !== undefined && options.target === undefined) {
    throw new ConformanceError(
      'CONF_USAGE',
      '--wait-for-target waits for a --target to come up; the embedded reference server needs no wait. Give --target URL, or leave the flag out.',
    );
  }
  if (options.quiet === true && options.verbose === true) {
    throw new ConformanceError('CONF_USAGE', '--quiet and --verbose contradict each other: give one of them.');
  }
}

function positiveNumber(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || value > max)
    throw new ConformanceError('CONF_USAGE', `${flag} takes a number above 0 and at most ${max}, not ${JSON.stringify(text)}.`);
  return value;
}

function backupId(flag: string, text: string): bigint {
  if (!/^\d{1,19}$/.test(text.trim()) || BigInt(text.trim()) < 1n || BigInt(text.trim()) > INT64_MAX) {
    throw new ConformanceError('CONF_USAGE', `${flag} takes a backup id from 1 to ${INT64_MAX}, not ${JSON.stringify(text)}.`);
  }
  return BigInt(text.trim());
}

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConformanceError('CONF_USAGE', `${flag} takes a whole number from ${min} to ${max}, not ${JSON.stringify(text)}.`);
  }
  return value;
}

function duration(flag: string, text: string | undefined, fallback: number, max: number = LIMITS.durationMs): number {
  if (text === undefined) return fallback;
  const value = parseDuration(text);
  if (value === undefined || value <= 0) {
    throw new ConformanceError('CONF_USAGE', `${flag} takes a duration such as 500ms, 10s or 2m (a bare number means seconds), not ${JSON.stringify(text)}.`);
  }
  if (value > max) throw new ConformanceError('CONF_USAGE', `${flag} takes a duration of at most ${formatLimit(max)}, not ${JSON.stringify(text)}.`);
  return value;
}

/** In the units the flags read (ms, s, m), the largest that divides it. */
function formatLimit(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function replayPath(text: string): string {
  if (!/^\d+(:\d+)*$/.test(text)) {
    throw new ConformanceError('CONF_USAGE', `--path takes the replay path printed with a stateful finding, such as 3:1:0, not ${JSON.stringify(text)}.`);
  }
  return text;
}
