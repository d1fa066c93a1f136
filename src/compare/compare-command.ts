import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareHtml } from '../../reports/compare/compare-html.js';
import { compareJson } from '../../reports/compare/compare-json.js';
import { ConformanceError } from '../errors.js';
import { prepareOutDir } from '../prepare-out-dir.js';
import { toolVersion } from '../tool-version.js';
import { compareUsage } from '../cli-usage.js';
import type { ParsedFlags } from '../parse-flags.js';
import { compareServers } from './compare-servers.js';
import type { CompareOptionFlags } from '../flags.js';
import { resolveCompareOptions } from './resolve-compare-options.js';
import { formatCompare } from './format-compare.js';

export interface CompareIo {
  out(text: string): void;
  progress(text: string): void;
  readonly signal: AbortSignal;
}

/** `conformance compare` with its flags parsed: the exit code; a ConformanceError for anything that stops the compare. */
export async function compareCommand(parsed: ParsedFlags, io: CompareIo): Promise<number> {
  if (parsed.values['help'] === true) {
    io.out(compareUsage);
    return 0;
  }
  const { out: outDir, quiet, ...flags } = parsed.options() as CompareOptionFlags;
  if (flags.target === undefined || flags.against === undefined) {
    throw new ConformanceError('CONF_USAGE', 'conformance compare needs --target A and --against B (see conformance compare --help).');
  }
  const options = resolveCompareOptions(
    { ...flags, target: flags.target, against: flags.against },
    { signal: io.signal, progress: quiet === true ? () => {} : io.progress },
  );
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
