import type { SuiteId } from './rules/rules.js';

/**
 * How a flag's text is read: `switch` takes no value, `list` is repeatable, `count` a whole number, `number` one above 0,
 * `duration` such as 500ms or 2m, `id` a backup id, `text` anything (its own check, if any, is in resolveConfig).
 */
export type FlagKind = 'switch' | 'text' | 'list' | 'count' | 'number' | 'duration' | 'id';

/** The commands that read the flag table: a run (`conformance`) and `conformance compare`. */
export type Command = 'run' | 'compare';

/** One flag of `conformance`: everything the parser, the help, the option types, the README and the Action know of it. */
export interface Flag {
  /** The flag without its dashes. */
  readonly name: string;
  /** Its field in RunOptions and ConformanceOptions; absent: the CLI answers it itself (--help, --version). */
  readonly option?: string;
  readonly kind: FlagKind;
  /** The placeholder of its value in the help and the README. */
  readonly value?: string;
  /** Bounds of a count, number or duration (durations in ms). */
  readonly min?: number;
  readonly max?: number;
  /** The value when the flag is not given (durations in ms); `{default}` in the help shows it. */
  readonly default?: number | string;
  /** The help text; a new line continues it under the same column. */
  readonly help: string;
  /** The suites whose behaviour it changes; `run`: the whole command (the client, the reports, which suites run). */
  readonly readBy: readonly SuiteId[] | 'run';
  /** The CLI gives the option the value of the environment variable the flag names, so that a secret never sits in argv. */
  readonly fromEnvironment?: true;
  /** Not an input of the GitHub Action, and why. */
  readonly notInAction?: string;
  /** The Action's default where it differs from the CLI's (the Action always writes its reports). */
  readonly actionDefault?: string;
  /** The commands that take it; absent: a run only. */
  readonly commands?: readonly Command[];
  /** Its help under `conformance compare`, where the run's would mislead. */
  readonly compareHelp?: string;
}

const RUN_AND_COMPARE = ['run', 'compare'] as const;
/** Not a run's flag: the Action runs `conformance` alone. */
const COMPARE_ONLY = ['compare'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

// The largest values the numeric flags take: beyond them a run would exhaust memory (generated requests are drawn up
// front), never end, or, for durations, pass what a timer can hold (Node fires a longer one at once).
/** Every flag of every command, in the order of the help. Adding a flag is one entry here; the tests say which docs to update. */
export const FLAG_TABLE = [
  {
    name: 'target',
    option: 'target',
    kind: 'text',
    value: 'URL',
    readBy: 'run',
    help: 'base URL of the API, e.g. http://localhost:9600/actuator/backups',
    commands: RUN_AND_COMPARE,
    compareHelp: "A, the primary (a management address or the API's base URL)",
  },
  { name: 'against', option: 'against', kind: 'text', value: 'URL', readBy: 'run', help: 'B, the candidate', commands: COMPARE_ONLY },
  { name: 'noise', option: 'noise', kind: 'text', value: 'URL', readBy: 'run', help: 'C, a second instance of A', commands: COMPARE_ONLY },
  { name: 'noise-pass', option: 'noisePass', kind: 'switch', readBy: 'run', help: 'without --noise: run the sequence against A twice', commands: COMPARE_ONLY },
  {
    name: 'spec',
    option: 'spec',
    kind: 'text',
    value: 'PATH',
    readBy: 'run',
    help: 'OpenAPI document to test against (default: the bundled Zeebe 8.2-8.7 spec)',
    commands: RUN_AND_COMPARE,
  },
  {
    name: 'profile',
    option: 'profile',
    kind: 'text',
    value: 'NAME',
    default: 'spec',
    readBy: 'run',
    help: 'hold the server to: {default} (default), or zeebe-8.2 ... zeebe-8.10, whose\ndocumented departures from the spec become known deviations',
  },
  {
    name: 'out',
    option: 'out',
    kind: 'text',
    value: 'DIR',
    actionDefault: 'conformance-results',
    readBy: 'run',
    help:
      'write DIR/report.html, DIR/junit.xml, DIR/findings.json and\nDIR/exchanges.har (every request and response, secrets redacted;\n' +
      'the folder is checked writable before the first request)',
    commands: RUN_AND_COMPARE,
    compareHelp: 'write compare.json and compare.html there',
  },
  {
    name: 'baseline',
    option: 'baseline',
    kind: 'text',
    value: 'FILE',
    readBy: 'run',
    help: 'findings.json of an earlier run: its faults are known and do not fail\nthis run; new ones do, fixed ones are listed',
  },
  {
    name: 'suite',
    option: 'suites',
    kind: 'list',
    value: 'ID',
    readBy: 'run',
    help: 'run only this suite (repeatable): inventory, smoke, stateful, negative',
  },
  {
    name: 'timeout',
    option: 'timeout',
    kind: 'duration',
    value: 'DURATION',
    max: DAY_MS,
    default: 10_000,
    readBy: 'run',
    help: 'per-request time limit (default {default}; 500ms, 10s, 2m; a bare number is seconds)',
    commands: RUN_AND_COMPARE,
  },
  {
    name: 'max-body-bytes',
    option: 'maxBodyBytes',
    kind: 'count',
    value: 'N',
    min: 1024,
    max: 1024 ** 3,
    default: 32 * 1024 * 1024,
    readBy: 'run',
    help: 'read at most N bytes of a response body (default {default})',
    commands: RUN_AND_COMPARE,
  },
  {
    name: 'seed',
    option: 'seed',
    kind: 'count',
    value: 'N',
    min: -(2 ** 31),
    max: 2 ** 31 - 1,
    readBy: ['stateful', 'negative'],
    help: 'seed of the generated requests (stateful and negative), to replay a failure',
  },
  {
    name: 'path',
    option: 'path',
    kind: 'text',
    value: 'P',
    readBy: ['stateful'],
    help: 'replay path printed with a stateful failure (with the same --seed and\n--max-commands)',
  },
  {
    name: 'runs',
    option: 'runs',
    kind: 'count',
    value: 'N',
    min: 1,
    max: 10_000,
    default: 20,
    readBy: ['stateful'],
    help: 'stateful runs (default {default})',
  },
  {
    name: 'max-commands',
    option: 'maxCommands',
    kind: 'count',
    value: 'N',
    min: 1,
    max: 1_000,
    default: 12,
    readBy: ['stateful'],
    help: 'most commands in one stateful run (default {default})',
  },
  {
    name: 'budget',
    option: 'budget',
    kind: 'duration',
    value: 'DURATION',
    max: DAY_MS,
    default: 30_000,
    readBy: ['stateful'],
    help: 'time the stateful suite may take before it starts no further random run\n(the scenarios always run in full; default {default})',
  },
  {
    name: 'settle-timeout',
    option: 'settleTimeout',
    kind: 'duration',
    value: 'DURATION',
    max: DAY_MS,
    default: 60_000,
    readBy: ['smoke', 'stateful'],
    help: 'how long a backup may take to complete or fail (default {default})',
    commands: RUN_AND_COMPARE,
    compareHelp: 'how long a backup may take to settle or to be gone (default {default})',
  },
  {
    name: 'concurrency',
    option: 'concurrency',
    kind: 'count',
    value: 'N',
    min: 1,
    max: 16,
    default: 4,
    readBy: ['inventory', 'stateful', 'negative'],
    help:
      "requests in flight at once where their answers are independent: the\ninventory's and the closing sweep's reads, " +
      "the negative suite's invalid\nrequests, cleanup's deletes (default {default})",
  },
  {
    name: 'keep-backups',
    option: 'keepBackups',
    kind: 'switch',
    readBy: ['smoke', 'stateful', 'negative'],
    help: 'leave the backups the suite created (default: delete them)',
  },
  {
    name: 'negative-runs',
    option: 'negativeRuns',
    kind: 'count',
    value: 'N',
    min: 0,
    max: 10_000,
    default: 60,
    readBy: ['negative'],
    help: 'generated invalid requests in the negative suite, on top of a fixed\nlist of 61 (default {default})',
  },
  {
    name: 'take-huge-ids',
    option: 'takeHugeIds',
    kind: 'switch',
    readBy: ['negative'],
    help: 'let the negative suite take valid ids beyond 2^53, up to 2^63-1 (default:\nonly on the embedded server; such a take blocks every lower id for good)',
  },
  {
    name: 'read-only',
    option: 'readOnly',
    kind: 'switch',
    readBy: 'run',
    help: 'GET requests only: validate the list and existing backups (safe on production)',
  },
  {
    name: 'yes',
    option: 'yes',
    kind: 'switch',
    readBy: 'run',
    help: 'agree to take and delete backups on a target that is not on this machine',
    notInAction: 'the Action always passes it: a CI job cannot answer the question a run asks',
    commands: RUN_AND_COMPARE,
  },
  {
    name: 'wait-for-target',
    option: 'waitForTarget',
    kind: 'duration',
    value: 'DURATION',
    max: 60 * 60 * 1000,
    readBy: 'run',
    help: 'wait up to this long (at most 60m) for the target to answer before the run',
  },
  {
    name: 'id-base',
    option: 'idBase',
    kind: 'id',
    value: 'N',
    readBy: ['smoke', 'stateful', 'negative'],
    help: 'take backups only at ids >= N (always above the highest existing id)',
  },
  {
    name: 'header',
    option: 'headers',
    kind: 'list',
    value: '"Name: value"',
    readBy: 'run',
    help: 'send this header with every request (repeatable; values never printed)',
    commands: RUN_AND_COMPARE,
  },
  {
    name: 'bearer-token-env',
    option: 'bearerToken',
    kind: 'text',
    value: 'VAR',
    readBy: 'run',
    fromEnvironment: true,
    help: 'send "Authorization: Bearer $VAR" (the token is read from the environment)',
  },
  { name: 'ca', option: 'ca', kind: 'text', value: 'FILE', readBy: 'run', help: 'trust the certificate authorities in this PEM file' },
  { name: 'insecure', option: 'insecure', kind: 'switch', readBy: 'run', help: 'do not verify TLS certificates' },
  { name: 'rate', option: 'rate', kind: 'number', value: 'N', max: 10_000, readBy: 'run', help: 'at most N requests per second' },
  {
    name: 'max-duration',
    option: 'maxDuration',
    kind: 'duration',
    value: 'DURATION',
    max: DAY_MS,
    readBy: 'run',
    help: 'stop the whole run after this long (cleanup still runs; reports are partial)',
  },
  { name: 'suite-timeout', option: 'suiteTimeout', kind: 'duration', value: 'DURATION', max: DAY_MS, readBy: 'run', help: 'stop each suite after this long' },
  {
    name: 'quiet',
    option: 'quiet',
    kind: 'switch',
    readBy: 'run',
    help: 'print only findings and the summary (not with --verbose)',
    commands: RUN_AND_COMPARE,
    compareHelp: 'no progress lines',
  },
  { name: 'verbose', option: 'verbose', kind: 'switch', readBy: 'run', help: 'print every request and its status' },
  { name: 'version', kind: 'switch', readBy: 'run', help: 'print the version', notInAction: 'it prints the version instead of running' },
  { name: 'help', kind: 'switch', readBy: 'run', help: 'print this help', notInAction: 'it prints the help instead of running', commands: RUN_AND_COMPARE },
] as const satisfies readonly Flag[];

type TableFlag = (typeof FLAG_TABLE)[number];
/** The rows of the table a command takes. */
type FlagOf<C extends Command, F extends TableFlag = TableFlag> = F extends { readonly commands: readonly (infer Taken)[] }
  ? C extends Taken
    ? F
    : never
  : C extends 'run'
    ? F
    : never;

/** Whether a command takes this flag. */
export function takes(command: Command, entry: Flag): boolean {
  return (entry.commands ?? ['run']).includes(command);
}

/** The flags of a run: its parser, help, options, README table and the Action's inputs. */
export const FLAGS = FLAG_TABLE.filter((entry) => takes('run', entry)) as readonly FlagOf<'run'>[];

/** The flags of `conformance compare`, parsed and checked by the same code as a run's. */
export const COMPARE_FLAGS = FLAG_TABLE.filter((entry) => takes('compare', entry)) as readonly FlagOf<'compare'>[];

type AnyFlag = FlagOf<'run'>;
type CompareFlag = Extract<FlagOf<'compare'>, { readonly option: string }>;
type OptionFlag = Extract<AnyFlag, { readonly option: string }>;
type OptionValue<F extends TableFlag> = F['kind'] extends 'switch' ? boolean : F['kind'] extends 'list' ? readonly string[] : string;

/** The options a user may give, all optional, as strings where they come from flags: one field per flag of FLAGS. */
export type RunOptions = { readonly [F in OptionFlag as F['option']]?: OptionValue<F> };

/** The options of `conformance compare`: one field per flag of COMPARE_FLAGS, the two targets required. */
export type CompareOptionFlags = { readonly [F in CompareFlag as F['option']]?: OptionValue<F> };

/** The options whose flags take a number: code may give them as numbers (`idBase` also as a bigint). */
export type NumericOption = Extract<AnyFlag, { readonly kind: 'count' | 'number' | 'id' }>['option'];

/** The flag of this name; the names are the table's, so a typo does not compile. */
export function flag<N extends AnyFlag['name']>(name: N): Extract<AnyFlag, { readonly name: N }> {
  return FLAGS.find((entry) => entry.name === name) as Extract<AnyFlag, { readonly name: N }>;
}
