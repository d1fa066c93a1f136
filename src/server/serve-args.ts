import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { ConformanceError } from '../errors.js';
import { withNegativeValues } from '../with-negative-values.js';
import { faultCatalog, type FaultSpec } from './behaviour/fault-catalog.js';
import type { ReferenceServerOptions } from './options.js';
import { resolveServerOptions } from './options.js';
import { quirkCatalog, type QuirkName } from './behaviour/quirk-catalog.js';
import { quirkProfiles, type QuirkProfile } from './behaviour/quirk-profiles.js';

/** The port `conformance serve` listens on when none is given: Zeebe's management port. */
const SERVE_PORT = 9600;

const NUMBER_FLAGS = {
  port: 'port',
  partitions: 'partitions',
  brokers: 'brokers',
  'settle-ms': 'settleMs',
  'jitter-ms': 'jitterMs',
  'start-window-ms': 'startWindowMs',
  'latency-ms': 'latencyMs',
} as const;

/** A valid value of each flag, for error messages. */
const EXAMPLES: Readonly<Record<string, string>> = {
  port: String(SERVE_PORT),
  host: '0.0.0.0',
  'base-path': '/actuator/backupRuntime',
  partitions: '3',
  brokers: '3',
  'broker-version': '8.5.0',
  'settle-ms': '50',
  'jitter-ms': '20',
  'start-window-ms': '30',
  'latency-ms': '100',
  fault: 'partition-fails=2',
  quirks: 'zeebe-8.5',
};

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'base-path': { type: 'string' },
  partitions: { type: 'string' },
  brokers: { type: 'string' },
  'broker-version': { type: 'string' },
  'settle-ms': { type: 'string' },
  'jitter-ms': { type: 'string' },
  'start-window-ms': { type: 'string' },
  'latency-ms': { type: 'string' },
  fault: { type: 'string', multiple: true },
  quirks: { type: 'string' },
} as const;

/** Width of the first column of the help text. */
const COLUMN = 28;

const faultLines = faultCatalog.map((fault) => {
  const argument = fault.argument === undefined ? '' : `[=${fault.argument.kind === 'partition id' ? 'P' : 'MS'}]`;
  const fallback = fault.argument === undefined ? '' : ` (default ${fault.argument.defaultValue})`;
  return `  ${`${fault.name}${argument}`.padEnd(COLUMN)}${fault.summary}${fallback}`;
});

const quirkLines = quirkCatalog.map((quirk) => `  ${quirk.name.padEnd(COLUMN)}${quirk.summary}`);

/** Help text of `conformance serve`. */
export const serveUsage = [
  'Usage: conformance serve [flags]',
  '',
  'Runs the reference Backup Management API, a stateful in-memory mock of a Zeebe gateway.',
  '',
  'Flags:',
  `  --port N                    port to listen on (default ${SERVE_PORT}; 0 picks a free one)`,
  '  --host H                    interface to listen on (default 127.0.0.1; 0.0.0.0 for all)',
  '  --base-path P               path of the API (default /actuator/backups; Zeebe 8.8+ uses /actuator/backupRuntime)',
  '  --partitions N              number of partitions (default 3)',
  '  --brokers M                 number of brokers, leading partitions round-robin (default: one per partition)',
  '  --broker-version V          brokerVersion reported in backups (default 8.5.0)',
  '  --settle-ms N               time a backup stays IN_PROGRESS before COMPLETED; 0 completes at once (default 50)',
  '  --jitter-ms N               up to N ms more settle time per partition (default 20)',
  '  --latency-ms N              delay before every answer (default 0)',
  '  --fault NAME[=ARG]          inject a fault; repeatable',
  '  --quirks Q                  emulate a release: zeebe-8.5, or a comma-separated list of quirk names',
  '  --start-window-ms N         with the start-window quirk: time from a 202 until every partition has started (default 30)',
  '  --help                      show this help',
  '',
  'Faults:',
  ...faultLines,
  '',
  'Quirks (--quirks zeebe-8.5 turns on all of them):',
  ...quirkLines,
  '',
  'Examples:',
  '  conformance serve --port 9600 --partitions 3',
  '  conformance serve --fault partition-fails=2 --fault slow=500',
  '  conformance serve --quirks zeebe-8.5 --base-path /actuator/backups',
].join('\n');

/**
 * The options of `conformance serve` from its command-line flags (those after `serve`). Throws
 * `ConformanceError` `CONF_USAGE` with a one-line fix for an unknown flag, a missing or malformed
 * value, or a value out of range.
 */
export function parseServeArgs(argv: readonly string[]): ReferenceServerOptions {
  const values = parseFlags(argv);
  const options: ReferenceServerOptions = { port: SERVE_PORT };
  for (const [flag, option] of Object.entries(NUMBER_FLAGS)) {
    const value = values[flag as keyof typeof NUMBER_FLAGS];
    if (value === undefined) continue;
    if (!/^\d+$/.test(value)) throw usage(`--${flag} needs a whole number, but got '${value}' (e.g. --${flag} ${EXAMPLES[flag]}).`);
    options[option] = Number(value);
  }
  if (values.host !== undefined) options.host = host(values.host);
  if (values['base-path'] !== undefined) options.basePath = values['base-path'];
  if (values['broker-version'] !== undefined) options.brokerVersion = values['broker-version'];
  if (values.fault !== undefined) options.faults = values.fault.map(faultSpec);
  if (values.quirks !== undefined) options.quirks = quirks(values.quirks);
  try {
    resolveServerOptions(options);
  } catch (error) {
    if (error instanceof ConformanceError) throw usage(`Invalid serve flags: ${error.message}`);
    throw error;
  }
  return options;
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: withNegativeValues(argv, FLAGS), options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw usage(`Unknown flag '${quoted}' for serve. Run 'conformance serve --help' for the list of flags.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = quoted.split(' ')[0] ?? quoted;
      throw usage(`${flag} needs a value, e.g. ${flag} ${EXAMPLES[flag.slice(2)] ?? '<value>'}.`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw usage(`Unexpected argument '${quoted}': serve takes only flags, e.g. --port 9600.`);
    }
    throw usage(`Cannot read the serve flags: ${message}.`);
  }
}

/** An IP address, or a host name (a dotted run of digits that is no IPv4 address is neither). */
function host(value: string): string {
  const name = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
  if (isIP(value) !== 0 || (name.test(value) && !/^[\d.]+$/.test(value))) return value;
  throw usage(`--host ${JSON.stringify(value)} is not an IP address or host name; give an address of this machine, e.g. --host 127.0.0.1 or --host 0.0.0.0.`);
}

function faultSpec(value: string): FaultSpec {
  const name = value.split('=')[0] ?? '';
  if (!faultCatalog.some((fault) => fault.name === name)) {
    throw usage(`Unknown fault '${name}' in --fault ${value}. Known faults: ${faultCatalog.map((f) => f.name).join(', ')}.`);
  }
  return value as FaultSpec;
}

function quirks(value: string): QuirkProfile | QuirkName[] {
  if (Object.hasOwn(quirkProfiles, value)) return value as QuirkProfile;
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !quirkCatalog.some((quirk) => quirk.name === name));
  if (unknown !== undefined) {
    throw usage(
      `Unknown quirk '${unknown}' in --quirks ${value}. Use ${Object.keys(quirkProfiles).join(', ')} or quirk names from: ` +
        `${quirkCatalog.map((q) => q.name).join(', ')}.`,
    );
  }
  return names as QuirkName[];
}

function usage(message: string): ConformanceError {
  return new ConformanceError('CONF_USAGE', message);
}
