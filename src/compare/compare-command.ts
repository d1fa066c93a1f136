import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareHtml } from '../../reports/compare/compare-html.js';
import { compareJson } from '../../reports/compare/compare-json.js';
import { ConformanceError } from '../errors.js';
import { prepareOutDir } from '../prepare-out-dir.js';
import { toolVersion } from '../tool-version.js';
import { withNegativeValues } from '../with-negative-values.js';
import { compareServers } from './compare-servers.js';
import { resolveCompareOptions, type CompareFlags } from './resolve-compare-options.js';
import { formatCompare } from './format-compare.js';

const COMPARE_FLAGS = {
  target: { type: 'string' },
  against: { type: 'string' },
  noise: { type: 'string' },
  'noise-pass': { type: 'boolean' },
  spec: { type: 'string' },
  out: { type: 'string' },
  timeout: { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'settle-timeout': { type: 'string' },
  header: { type: 'string', multiple: true },
  yes: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export const compareUsage = `Usage: conformance compare --target A --against B [--noise C | --noise-pass] [options]

Sends the same fixed sequence (every operation with valid requests, the spec's conflicts, an id
never taken, the negative suite's fixed list of invalid takes, the deletes) to A and to B, each on
its own ids above its own highest backup, and reports every way B answers differently from A:
statuses, media types, fields present or absent and their types, enumerated values, message
templates (numbers blanked), the order of lists and partitions, the states a backup goes through
and how long it takes to settle. Ids are compared as offsets from each run's first id, timestamps
only by their order. With --noise C (a second instance of A), or --noise-pass (A a second time),
what A and C already differ in is left out.

Options:
  --target URL          A, the primary (a management address or the API's base URL)
  --against URL         B, the candidate
  --noise URL           C, a second instance of A
  --noise-pass          without --noise: run the sequence against A twice
  --spec PATH           OpenAPI document (default: the bundled spec)
  --out DIR             write compare.json and compare.html there
  --timeout DURATION    per request (default 10s)
  --max-body-bytes N    cap on a response body read
  --settle-timeout D    how long a backup may take to settle or to be gone (default 60s)
  --header 'N: v'       extra request header, repeatable (never printed)
  --yes                 agree to take and delete backups on targets not on this machine
  --quiet               no progress lines
  --help                print this help

Exit codes: 0 nothing differs, 1 something differs, 2 could not compare (bad flags, a target
unreachable or not the API, interrupted).`;

export interface CompareIo {
  out(text: string): void;
  progress(text: string): void;
  readonly signal: AbortSignal;
}

/** `conformance compare`: the exit code; a ConformanceError for anything that stops the compare. */
export async function compareCommand(argv: readonly string[], io: CompareIo): Promise<number> {
  const { values } = parseArgs({ args: withNegativeValues(argv, COMPARE_FLAGS), options: COMPARE_FLAGS, strict: true, allowPositionals: false });
  if (values.help) {
    io.out(compareUsage);
    return 0;
  }
  if (values.target === undefined || values.against === undefined) {
    throw new ConformanceError('CONF_USAGE', 'conformance compare needs --target A and --against B (see conformance compare --help).');
  }
  const flags: CompareFlags = {
    target: values.target,
    against: values.against,
    ...(values.noise === undefined ? {} : { noise: values.noise }),
    noisePass: values['noise-pass'] === true,
    ...(values.spec === undefined ? {} : { spec: values.spec }),
    ...(values.timeout === undefined ? {} : { timeout: values.timeout }),
    ...(values['max-body-bytes'] === undefined ? {} : { maxBodyBytes: values['max-body-bytes'] }),
    ...(values['settle-timeout'] === undefined ? {} : { settleTimeout: values['settle-timeout'] }),
    ...(values.header === undefined ? {} : { headers: values.header }),
    yes: values.yes === true,
  };
  const outDir = values.out;
  const options = resolveCompareOptions(flags, { signal: io.signal, progress: values.quiet === true ? () => {} : io.progress });
  if (outDir !== undefined) await prepareOutDir(outDir);
  const outcome = await compareServers(options);
  io.out(formatCompare(outcome));
  if (outDir !== undefined) {
    const report = compareJson(outcome, toolVersion);
    await writeFile(join(outDir, 'compare.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(outDir, 'compare.html'), compareHtml(report));
    io.out(`Reports: ${join(outDir, 'compare.json')}, ${join(outDir, 'compare.html')}`);
  }
  return outcome.differences.length === 0 ? 0 : 1;
}
