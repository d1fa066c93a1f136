import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';
import { assertListedFilesExist, LONGEST_FIRST, OWN_PROCESS, testFile } from './test-groups.js';

// `npm test`: every test file but the browser ones and the catalog of servers, reported as
// `node --test` reports them, two processes at a time (three flaked under load on two cores). The
// long files first, each in its own process; then the short files in two shared processes (the
// judgement code's unit tests, and the others); then the short files that need a process of their
// own (test-groups.ts says which and why). `node --test` starts the files in path order whatever
// order they are given in; this runner keeps the order given. The catalog runs the CLI against 83
// servers, minutes of two cores' time that would double this command's: `npm run test:catalog` runs
// it, and CI does.

await assertListedFilesExist();

const [longest, longer] = [LONGEST_FIRST.slice(0, 4), LONGEST_FIRST.slice(4)];
// The two shared processes take about as long as the longest files: they start among them.
const files = [...longest, 'run-judgement-tests.js', 'run-short-tests.js', ...longer, ...OWN_PROCESS];

run({ files: files.map(testFile), concurrency: 2 })
  .on('test:fail', (failure) => {
    if (failure.todo === undefined || failure.todo === false) process.exitCode = 1;
  })
  .compose(process.stdout.isTTY ? new spec() : tap)
  .pipe(process.stdout);
