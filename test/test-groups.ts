import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Which test files `npm test` runs in a process of their own and which share one. A process per file
// (what `run({ files })` does on Node 20, which has no `isolation: 'none'`) costs about 0.3 s to start
// and 0.4 s more in each file that reads the spec: more than most files' tests themselves, and on
// two cores a third of the whole command's time. So the short files share a process, in two groups:
// the unit tests of the judgement code (`npm run test:judgement`, which the mutation run starts once
// per mutant) and every other short file. A file has a process of its own when it is long (it runs
// beside the others instead of holding up its group), starts other processes (the CLI, npm, curl,
// tsc), changes what is process-wide or awaits at its top level (which would register its tests late).

const testRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The long files, longest first, as timed in a whole `npm test` on two cores: from about 25 s down
 * to about 3 s. Each has its own process, and `npm test` starts them first so that it does not end
 * with a long file beside an idle slot.
 */
export const LONGEST_FIRST = [
  'cli/cli.test.js',
  'package/packed-package.test.js',
  'compare/compare-servers.test.js',
  'stateful/stateful-suite.test.js',
  'gauntlet/gauntlet.test.js',
  'cli/interrupts.test.js',
  'package/register-conformance-tests.test.js',
  'package/build.test.js',
  'safety/safety.test.js',
  'profiles/profiles.test.js',
  'cli/repeated-runs.test.js',
  'compare/compare-command.test.js',
  'negative/negative-suite.test.js',
  'cli/wait-for-target.test.js',
  'findings/stateless-mock.test.js',
  'findings/generating-mock.test.js',
];

/** Shorter files that start other processes (the CLI, npm, curl) or await at their top level: each has its own process. */
export const OWN_PROCESS = [
  'action/action.test.js',
  'baseline/baseline.test.js',
  'cli/github-actions.test.js',
  'cli/not-the-api.test.js',
  'cli/refuse-early.test.js',
  'cli/rules-command.test.js',
  'cli/target-discovery.test.js',
  'coverage/response-coverage.test.js',
  'har/har.test.js',
  'http/curl-replay.test.js',
  'http/curl.test.js',
  'reports/junit-xsd.test.js',
  'safety/lenient-store.test.js',
  'safety/tls-causes.test.js',
  'safety/tls.test.js',
];

/** Run by a command of their own: the browser tests need Chromium; the catalog runs the CLI 83 times a seed. */
function runsElsewhere(path: string): boolean {
  return path.startsWith('browser/') || path === 'mutants/catalog.test.js';
}

/** The folders under test/ whose every file is a unit test of judgement code. */
export const JUDGEMENT_TEST_FOLDERS = ['checks', 'model', 'judges'];

/** Files elsewhere that test judgement code only: the model of a stateful run (BackupModel and its parts). */
export const JUDGEMENT_TEST_FILES = ['stateful/stateful-model.test.js'];

/** Every compiled test file, as a path below the compiled test/ folder, sorted. */
async function allTestFiles(): Promise<string[]> {
  return (await readdir(testRoot, { recursive: true })).filter((path) => path.endsWith('.test.js')).sort();
}

/** The judgement code's unit tests, sorted. */
export async function judgementTestFiles(): Promise<string[]> {
  const inFolders = JUDGEMENT_TEST_FOLDERS.map((folder) => `${folder}/`);
  return (await allTestFiles()).filter((path) => inFolders.some((folder) => path.startsWith(folder)) || JUDGEMENT_TEST_FILES.includes(path));
}

/** Every other short file `npm test` runs: not long, not in a process of its own, not judgement code, sorted. */
export async function otherShortTestFiles(): Promise<string[]> {
  const judgement = new Set(await judgementTestFiles());
  return (await allTestFiles()).filter((path) => !runsElsewhere(path) && !LONGEST_FIRST.includes(path) && !OWN_PROCESS.includes(path) && !judgement.has(path));
}

/** Refuses to go on when a listed file is missing: a renamed file would silently lose its place. */
export async function assertListedFilesExist(): Promise<void> {
  await Promise.all([...LONGEST_FIRST, ...OWN_PROCESS, ...JUDGEMENT_TEST_FILES].map((path) => access(join(testRoot, path))));
}

/** A test file's absolute path. */
export function testFile(path: string): string {
  return join(testRoot, path);
}

/**
 * Runs test files in this process: one module imports them all, so that every file's tests and
 * hooks are registered before the first test starts; node:test then runs them here and reports
 * them as `node --test` does (spec on a terminal, TAP otherwise, and to a parent runner when there
 * is one), setting a failing exit code when a test fails.
 */
export async function runInThisProcess(paths: readonly string[]): Promise<void> {
  const importAll = paths.map((path) => `import ${JSON.stringify(pathToFileURL(testFile(path)).href)};`).join('\n');
  await import(`data:text/javascript,${encodeURIComponent(importAll)}`);
}
