import { fileURLToPath } from 'node:url';
import { ConformanceError } from './errors.js';
import { parseDuration } from './parse-duration.js';
import type { Profile } from './profiles/profile.js';
import { findProfile } from './profiles/profiles.js';

/** The options a user may give, all optional, as strings where they come from flags. */
export interface RunOptions {
  /** Base URL of the Backup Management API; absent: the embedded reference server. */
  readonly target?: string;
  readonly spec?: string;
  /** `spec` (the default) or a Zeebe release such as `zeebe-8.5`. */
  readonly profile?: string;
  readonly out?: string;
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
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

/** Everything a run needs, complete and frozen. Every default lives here. */
export interface RunConfig {
  /** Undefined: start the embedded reference server and test it. */
  readonly target?: URL;
  readonly specPath: string;
  readonly profile: Profile;
  readonly outDir?: string;
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
  readonly negative: { readonly runs: number };
  readonly retryDelayMs: number;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

export const DEFAULTS = {
  specPath: fileURLToPath(new URL('../../spec/backup-management-api.yaml', import.meta.url)),
  profile: 'spec',
  timeoutMs: 10_000,
  maxBodyBytes: 32 * 1024 * 1024,
  runs: 10,
  maxCommands: 12,
  settleTimeoutMs: 60_000,
  negativeRuns: 60,
  retryDelayMs: 500,
} as const;

export function resolveConfig(options: RunOptions): RunConfig {
  const config: RunConfig = {
    ...(options.target === undefined ? {} : { target: parseTarget(options.target) }),
    specPath: options.spec ?? DEFAULTS.specPath,
    profile: findProfile(options.profile ?? DEFAULTS.profile),
    ...(options.out === undefined ? {} : { outDir: options.out }),
    timeoutMs: duration('--timeout', options.timeout, DEFAULTS.timeoutMs),
    maxBodyBytes: integer('--max-body-bytes', options.maxBodyBytes, DEFAULTS.maxBodyBytes, 1024),
    ...(options.suites === undefined ? {} : { suites: Object.freeze([...options.suites]) }),
    stateful: Object.freeze({
      ...(options.seed === undefined ? {} : { seed: integer('--seed', options.seed, 0, -(2 ** 31)) }),
      ...(options.path === undefined ? {} : { path: replayPath(options.path) }),
      runs: integer('--runs', options.runs, DEFAULTS.runs, 1),
      maxCommands: integer('--max-commands', options.maxCommands, DEFAULTS.maxCommands, 1),
      settleTimeoutMs: duration('--settle-timeout', options.settleTimeout, DEFAULTS.settleTimeoutMs),
      keepBackups: options.keepBackups ?? false,
    }),
    negative: Object.freeze({ runs: integer('--negative-runs', options.negativeRuns, DEFAULTS.negativeRuns, 0) }),
    retryDelayMs: DEFAULTS.retryDelayMs,
    quiet: options.quiet ?? false,
    verbose: options.verbose ?? false,
  };
  return Object.freeze(config);
}

function parseTarget(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConformanceError('CONF_TARGET_INVALID', `--target ${JSON.stringify(text)} is not a URL. Give the API's base URL, e.g. --target http://localhost:9600/actuator/backups`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConformanceError('CONF_TARGET_INVALID', `--target must be an http:// or https:// URL, not ${url.protocol}//. Example: --target http://localhost:9600/actuator/backups`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConformanceError('CONF_TARGET_INVALID', `--target must not carry a query or fragment (${url.search}${url.hash}). Give only the API's base URL.`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

function integer(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new ConformanceError('CONF_USAGE', `${flag} takes a whole number of at least ${min}, not ${JSON.stringify(text)}.`);
  }
  return value;
}

function duration(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = parseDuration(text);
  if (value === undefined || value <= 0) {
    throw new ConformanceError('CONF_USAGE', `${flag} takes a duration such as 500ms, 10s or 2m (a bare number means seconds), not ${JSON.stringify(text)}.`);
  }
  return value;
}

function replayPath(text: string): string {
  if (!/^\d+(:\d+)*$/.test(text)) {
    throw new ConformanceError('CONF_USAGE', `--path takes the replay path printed with a stateful finding, such as 3:1:0, not ${JSON.stringify(text)}.`);
  }
  return text;
}
