import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';

// `npm test`: every test file but the browser ones, each in its own process, two at a time (three
// flaked under load on two cores), reported as `node --test` reports them. `node --test` starts the
// files in path order whatever order they are given in; here the longest start first, so that the
// run does not end with a long file beside an idle slot.

const testRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Longest first, as timed in a whole `npm test` on two cores: from about 75 s (the catalog) down to
 * about 6 s. The other files, a few seconds or less each, follow in path order.
 */
const LONGEST_FIRST = [
  'mutants/catalog.test.js',
  'package/packed-package.test.js',
  'cli/cli.test.js',
  'stateful/stateful-suite.test.js',
  'package/build.test.js',
  'gauntlet/gauntlet.test.js',
  'findings/stateless-mock.test.js',
  'cli/interrupts.test.js',
  'safety/safety.test.js',
  'negative/negative-suite.test.js',
  'cli/repeated-runs.test.js',
  'package/register-conformance-tests.test.js',
  'profiles/profiles.test.js',
  'cli/wait-for-target.test.js',
];

// A renamed file would silently lose its place: refuse to run instead.
await Promise.all(LONGEST_FIRST.map((path) => access(join(testRoot, path))));

const others = (await readdir(testRoot, { recursive: true }))
  .filter((path) => path.endsWith('.test.js') && !path.startsWith('browser/') && !LONGEST_FIRST.includes(path))
  .sort();

run({ files: [...LONGEST_FIRST, ...others].map((path) => join(testRoot, path)), concurrency: 2 })
  .on('test:fail', (failure) => {
    if (failure.todo === undefined || failure.todo === false) process.exitCode = 1;
  })
  .compose(process.stdout.isTTY ? new spec() : tap)
  .pipe(process.stdout);
