import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConformanceError } from '../src/errors.js';
import type { RunOutcome } from '../src/run-outcome.js';
import { toFindingsJson } from './findings-json.js';
import { toHtmlReport } from './html-report.js';
import { toHar } from './har.js';
import { toJUnit } from './junit.js';
import { toMarkdownSummary } from './markdown-summary.js';

/** Writes junit.xml, findings.json, report.html and exchanges.har into `dir` (created if needed); returns the paths written. */
export async function writeReports(dir: string, outcome: RunOutcome): Promise<string[]> {
  const files: [string, string][] = [
    [join(dir, 'junit.xml'), toJUnit(outcome)],
    [join(dir, 'findings.json'), toFindingsJson(outcome)],
    [join(dir, 'report.html'), toHtmlReport(outcome)],
    ...(outcome.exchanges === undefined ? [] : [[join(dir, 'exchanges.har'), toHar(outcome.exchanges)] as [string, string]]),
  ];
  try {
    await mkdir(dir, { recursive: true });
    for (const [path, text] of files) await writeFile(path, text);
  } catch (error) {
    throw new ConformanceError('CONF_OUT_UNWRITABLE', `Cannot write the reports to ${dir}: ${(error as Error).message}. Choose a writable --out directory.`);
  }
  return files.map(([path]) => path);
}

/** Appends the run's Markdown summary to a GitHub job summary file ($GITHUB_STEP_SUMMARY). */
export async function appendJobSummary(file: string, outcome: RunOutcome): Promise<void> {
  await appendFile(file, toMarkdownSummary(outcome));
}
