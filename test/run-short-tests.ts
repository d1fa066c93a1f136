import { otherShortTestFiles, runInThisProcess } from './test-groups.js';

// The short test files that are not judgement code, in this one process: `npm test` runs this file
// as one of its own (test-groups.ts says which files and why).

await runInThisProcess(await otherShortTestFiles());
