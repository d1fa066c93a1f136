import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';

// `npm run test:judgement`: the unit tests of the code that judges answers (the checks, the model,
// the stateful suite's judges, the judgement log and the profiles' excuses), a few seconds in all.
// It is also the command the mutation run starts once per mutant, so on Node 22.8 and later the
// files share one process: a process per file would cost more than the tests themselves. `npm test`
// runs the same files among all the others, each in its own process.

const testRoot = fileURLToPath(new URL('.', import.meta.url));

/** The folders under test/ whose every file is a unit test of judgement code. */
export const JUDGEMENT_TEST_FOLDERS = ['checks', 'model', 'judges'];

/** Files elsewhere that test judgement code only: the model of a stateful run (BackupModel and its parts). */
export const JUDGEMENT_TEST_FILES = ['stateful/stateful-model.test.js'];

const files = (
  await Promise.all(
    JUDGEMENT_TEST_FOLDERS.map(async (folder) =>
      (await readdir(join(testRoot, folder), { recursive: true })).filter((path) => path.endsWith('.test.js')).map((path) => join(testRoot, folder, path)),
    ),
  )
)
  .flat()
  .concat(JUDGEMENT_TEST_FILES.map((path) => join(testRoot, path)))
  .sort();

// `isolation` is newer than the Node 20 types; Node 20 ignores it and starts a process per file.
const options = { files, isolation: 'none' };
run(options)
  .on('test:fail', (failure) => {
    if (failure.todo === undefined || failure.todo === false) process.exitCode = 1;
  })
  .compose(process.stdout.isTTY ? new spec() : tap)
  .pipe(process.stdout);
