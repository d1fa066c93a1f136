import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from './run-cli.js';

const preload = new URL('./report-peak-rss.js', import.meta.url).href;

export interface MeasuredCliResult extends CliResult {
  /** The peak resident set size of the CLI process, in bytes. */
  readonly peakRssBytes: number;
}

/** Runs the real CLI as `runCli` does, with --out, and measures the peak memory of its process. */
export async function runCliMeasured(args: readonly string[]): Promise<MeasuredCliResult> {
  const rssFile = join(await mkdtemp(join(tmpdir(), 'conformance-rss-')), 'peak-rss');
  const inherited = process.env['NODE_OPTIONS'];
  const result = await runCli(args, {
    env: { NODE_OPTIONS: `${inherited === undefined ? '' : `${inherited} `}--import="${preload}"`, CONFORMANCE_PEAK_RSS_FILE: rssFile },
  });
  return { ...result, peakRssBytes: Number(await readFile(rssFile, 'utf8')) };
}
