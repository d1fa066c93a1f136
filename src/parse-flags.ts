import { parseArgs } from 'node:util';
import { ConformanceError } from './errors.js';
import type { Flag } from './flags.js';
import { withNegativeValues } from './with-negative-values.js';

type ParserOptions = Readonly<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>;
type ParsedValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** What a command's arguments say: each flag given under its name; its options, read once --help and --version are answered. */
export interface ParsedFlags {
  readonly values: ParsedValues;
  /** Each flag with an option under the option's name (a variable a flag names is read only now). */
  options(): Readonly<Record<string, unknown>>;
}

/**
 * A command's arguments read by its rows of the flag table (a run's, compare's): the same parser, the same one-line
 * errors naming the command's --help. A flag read `fromEnvironment` takes the value of the variable it names.
 */
export function parseFlags(
  argv: readonly string[],
  table: readonly Flag[],
  command: string,
  environment: Readonly<Record<string, string | undefined>>,
): ParsedFlags {
  const parser: ParserOptions = Object.fromEntries(
    table.map((entry) => [entry.name, { type: entry.kind === 'switch' ? 'boolean' : 'string', ...(entry.kind === 'list' ? { multiple: true } : {}) }]),
  );
  const values = parseStrictly(withNegativeValues(argv, parser), parser, command);
  const options = (): Record<string, unknown> => {
    const read: Record<string, unknown> = {};
    for (const entry of table) {
      const value = values[entry.name];
      if (entry.option === undefined || value === undefined) continue;
      read[entry.option] = entry.fromEnvironment === true ? fromEnvironment(`--${entry.name}`, value as string, environment) : value;
    }
    return read;
  };
  return { values, options };
}

/** node:util's strict parse, its errors one line of our own words with the command's --help: a usage error, exit code 2. */
export function parseStrictly(args: readonly string[], options: ParserOptions, command: string): ParsedValues {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error;
    throw new ConformanceError('CONF_USAGE', `${parseArgsMessage(code, (error as Error).message)} Run ${command} --help for the options.`);
  }
}

/** The value of the variable a flag names; the flag takes a name so that a secret never sits in argv. */
function fromEnvironment(flagName: string, variable: string, environment: Readonly<Record<string, string | undefined>>): string {
  const value = environment[variable];
  if (value === undefined || value === '') throw new ConformanceError('CONF_USAGE', `${flagName} ${variable}: that environment variable is not set or empty.`);
  return value;
}

function parseArgsMessage(code: string, message: string): string {
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag !== undefined) return `Unknown option '${flag}'.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag !== undefined) {
    return /argument missing/.test(message)
      ? `${flag} needs a value.`
      : /does not take an argument/.test(message)
        ? `${flag} takes no value.`
        : `${flag}: ${message.split('\n')[0]}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: every option is a --flag.`;
  return `${message.split('\n')[0]}.`;
}
