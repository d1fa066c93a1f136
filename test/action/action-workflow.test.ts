import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { ACTION_BUNDLE, bundleAction } from '../../action/bundle-action.js';
import { readActionFile, resolveInputs, runActionWorkflow, type WorkflowRun } from './run-action-workflow.js';

// The Action as a CI job runs it: its steps from action.yml, in bash, against a reference server on loopback. What a job
// gets is the committed bundle, so that must be the sources' build.

const ROOT = new URL('../../../', import.meta.url);
const { engines } = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { engines: { node: string } };

const step = (run: WorkflowRun, name: string) => run.steps.find((entry) => entry.name === name || entry.uses?.startsWith(name) === true);

describe('the Action in a workflow-shaped job', () => {
  let server: Awaited<ReturnType<typeof startReferenceServer>>;
  let run: WorkflowRun;
  before(async () => {
    server = await startReferenceServer({ settleMs: 0 });
    run = await runActionWorkflow({
      inputs: { target: server.url, suite: 'inventory\nsmoke' },
      github: { job: 'backup-api', run_attempt: '1' },
      strategy: { 'job-index': 2, 'job-total': 3 },
    });
  });
  after(async () => {
    await server.close();
    await rm(run.workspace, { recursive: true, force: true });
  });

  test('runs the suites on the runner’s own Node: setup-node is skipped, the run exits 0', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(step(run, 'actions/setup-node')?.ran, false);
    assert.equal(step(run, "Check the runner's Node")?.code, 0);
    assert.equal(step(run, 'Run the conformance suite')?.code, 0);
    assert.match(run.stdout, /Conforms to the spec\./);
  });

  test('writes the reports to out in the workspace and says the verdict in the step summary', async () => {
    const findings = JSON.parse(await readFile(join(run.workspace, 'conformance-results', 'findings.json'), 'utf8')) as { suites: { id: string }[] };
    assert.deepEqual(findings.suites.map((suite) => suite.id).sort(), ['inventory', 'smoke']);
    for (const file of ['junit.xml', 'report.html', 'exchanges.har']) assert.ok((await stat(join(run.workspace, 'conformance-results', file))).size > 0, file);
    assert.match(run.summary, /Backup API conformance: Conformant/);
  });

  test('uploads out under a name of its job, its index in the matrix and the attempt', () => {
    const upload = step(run, 'Upload the reports');
    assert.equal(upload?.ran, true);
    assert.deepEqual(upload?.with, { name: 'conformance-results-backup-api-2-attempt-1', path: 'conformance-results', 'if-no-files-found': 'warn' });
  });
});

describe('the Action’s own inputs', () => {
  test('two jobs of a matrix, or a job run again, upload under different names; a given name is kept', async () => {
    const action = await readActionFile();
    const names = [
      { strategy: { 'job-index': 0 } },
      { strategy: { 'job-index': 1 } },
      { strategy: { 'job-index': 0 }, github: { job: 'conformance', run_attempt: '2' } },
      { github: { job: 'other-job', run_attempt: '1' } },
    ].map((context) => resolveInputs(action, { inputs: {}, ...context })['artifact-name']);
    assert.equal(new Set(names).size, names.length, names.join(', '));
    assert.equal(resolveInputs(action, { inputs: { 'artifact-name': 'mine' } })['artifact-name'], 'mine');
  });

  test('node-version sets up that Node before the run; its description names the Node the CLI needs', async () => {
    const action = await readActionFile();
    const inputs = resolveInputs(action, { inputs: { 'node-version': '22' } });
    assert.equal(inputs['node-version'], '22');
    const setup = action.runs.steps[0]!;
    assert.match(setup.uses ?? '', /^actions\/setup-node@v\d+$/);
    assert.ok(String((action.inputs['node-version'] as { description?: string }).description).includes(engines.node.replace('>=', '>= ')));
  });

  test('a runner’s Node older than the CLI needs fails in one line naming node-version, and still uploads what there is', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'conformance-old-node-'));
    await writeFile(join(bin, 'node'), '#!/bin/sh\necho v18.19.0\n');
    await chmod(join(bin, 'node'), 0o755);
    try {
      const run = await runActionWorkflow({ inputs: { 'read-only': 'true' }, pathPrefix: bin });
      assert.equal(run.code, 2);
      assert.deepEqual(run.stdout.trim().split('\n'), [
        `::error::backup-conformance needs Node ${engines.node.replace('>=', '>= ')}, the runner has v18.19.0: ` +
          'give the input node-version (e.g. node-version: 22) to set one up.',
      ]);
      assert.equal(step(run, 'Run the conformance suite')?.ran, false);
      assert.equal(step(run, 'Upload the reports')?.ran, true);
      await rm(run.workspace, { recursive: true, force: true });
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });
});

test(`the committed ${ACTION_BUNDLE} is the build of these sources (npm run bundle:action writes it)`, async () => {
  const committed = await readFile(new URL(ACTION_BUNDLE, ROOT), 'utf8');
  assert.ok(committed === (await bundleAction()), `${ACTION_BUNDLE} is stale: run npm run bundle:action and commit it`);
});
