import type { NumericOption, RunOptions } from './flags.js';

/**
 * A run's options for code: the CLI's flags as fields (`--max-commands` is `maxCommands`,
 * `--suite` is `suites`, `--header` is `headers`, `--bearer-token-env` is `bearerToken`), every one
 * optional with the CLI's default. Counts may be numbers, `idBase` a bigint; durations stay strings
 * such as `'500ms'` or `'2m'`, as on the command line.
 */
export type ConformanceOptions = {
  readonly [K in keyof RunOptions]: K extends 'idBase' ? RunOptions[K] | number | bigint : K extends NumericOption ? RunOptions[K] | number : RunOptions[K];
};

/** The same options as the CLI passes them, so that `resolveConfig` applies its defaults and checks alike. */
export function toRunOptions(options: ConformanceOptions): RunOptions {
  return Object.fromEntries(
    Object.entries(options)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === 'number' || typeof value === 'bigint' ? String(value) : value]),
  ) as RunOptions;
}
