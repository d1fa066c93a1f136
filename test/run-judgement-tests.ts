import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `npm run test:judgement`: the unit tests of the code that judges answers (the checks, the model,
// the stateful suite's judges, the judgement log and the profiles' excuses), a few seconds in all.
// It is also the command the mutation run starts once per mutant, so the files share this one
// process on every Node: a process per file (what `run({ files })` does on Node 20, which has no
// `isolation: 'none'`) costs about 0.3 s each to start and 0.4 s more in each that reads the spec,
// more than the tests themselves. `npm test` runs the same files among all the others, each in its
// own process.
//
// The files are imported by one module that imports them all, so that every file's tests and
// hooks are registered before the first test starts; node:test then runs them in this process and
// reports them as `node --test` does (spec on a terminal, TAP otherwise), setting a failing exit
// code when a test fails. A file that awaited at its top level would register its tests late: read
// the spec in a `before` hook instead.

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

const importAll = files.map((path) => `import ${JSON.stringify(pathToFileURL(path).href)};`).join('\n');
await import(`data:text/javascript,${encodeURIComponent(importAll)}`);
