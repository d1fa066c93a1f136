import { judgementTestFiles, runInThisProcess } from './test-groups.js';

// `npm run test:judgement`: the unit tests of the code that judges answers (the checks, the model,
// the stateful suite's judges, the judgement log and the profiles' excuses), a few seconds in all,
// in this one process. `npm test` runs this file as one of its own.

await runInThisProcess(await judgementTestFiles());
