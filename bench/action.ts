import { rm } from 'node:fs/promises';
import { startReferenceServer } from '../src/server/reference-server.js';
import { below, median, round, spread, type BenchResult } from './bench-result.js';
import { runActionWorkflow } from '../test/action/run-action-workflow.js';

const REPETITIONS = 5;

/**
 * The GitHub Action's own set-up, run as the workflow-shaped test runs it: from the job reaching the Action's first step
 * (action.yml read, the inputs resolved, the check of the runner's Node, the bundled CLI started, the spec loaded) to
 * the first request reaching the target. It used to include `npm ci` and a build, about 22 s.
 */
export async function benchAction(): Promise<BenchResult[]> {
  const setUps: number[] = [];
  const wholeRuns: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    let firstRequestAt: number | undefined;
    const server = await startReferenceServer({
      settleMs: 0,
      intercept: (_received, planned) => {
        firstRequestAt ??= performance.now();
        return planned;
      },
    });
    try {
      const startedAt = performance.now();
      const run = await runActionWorkflow({ inputs: { target: server.url, suite: 'inventory', 'read-only': 'true' } });
      wholeRuns.push(performance.now() - startedAt);
      await rm(run.workspace, { recursive: true, force: true });
      if (run.code !== 0) throw new Error(`the Action's run exited ${run.code}: ${run.stdout}${run.stderr}`);
      if (firstRequestAt !== undefined) setUps.push(firstRequestAt - startedAt);
    } finally {
      await server.close();
    }
  }
  return [
    below(`GitHub Action: its steps' set-up to the first request at the target (median of ${REPETITIONS}; ${spread(setUps)} ms)`, median(setUps), 'ms', 5000),
    { name: `GitHub Action: a whole read-only inventory job, upload step recorded (${spread(wholeRuns)} ms)`, value: round(median(wholeRuns)), unit: 'ms' },
  ];
}
