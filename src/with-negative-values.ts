/**
 * `--id-base -3` as `--id-base=-3`: the parser would read `-3` as a flag and call the argument
 * ambiguous; read as a value, it gets the flag's own message about what it takes.
 */
export function withNegativeValues(argv: readonly string[], flags: Readonly<Record<string, { type: string }>>): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.startsWith('--') && flags[arg.slice(2)]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  return args;
}
