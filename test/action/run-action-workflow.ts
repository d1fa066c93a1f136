import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { evaluateExpression, interpolate, type ExpressionScope, type ExpressionValue } from './workflow-expression.js';

// The Action's steps run as a runner runs a composite action: inputs from the job's `with:` over the defaults of
// action.yml (which may be expressions), each step's `if:`, a `run:` step in bash with its env and the runner's
// variables (GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, ...), a `uses:` step recorded with its inputs
// instead of run. Nothing is installed: what a job gets is what this checkout holds.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface ActionStep {
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly 'working-directory'?: string;
}

interface ActionFile {
  readonly inputs: Readonly<Record<string, { readonly default?: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

/** One step as the job went through it. */
export interface StepRecord {
  readonly name: string;
  readonly uses?: string;
  /** Whether its `if:` let it run (a `uses:` step is recorded, not run). */
  readonly ran: boolean;
  /** A `uses:` step's inputs, its expressions read. */
  readonly with?: Readonly<Record<string, string>>;
  readonly code?: number;
}

/** The job around the Action: what the workflow's `with:` gives it, and the contexts a runner would have. */
export interface ActionJob {
  readonly inputs: Readonly<Record<string, string>>;
  readonly github?: Readonly<Record<string, ExpressionValue>>;
  readonly strategy?: Readonly<Record<string, ExpressionValue>>;
  /** Put before the runner's PATH (e.g. a folder with another `node`). */
  readonly pathPrefix?: string;
}

export interface WorkflowRun {
  /** The job's exit code: that of its first failed step, or 0. */
  readonly code: number;
  readonly steps: readonly StepRecord[];
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
  /** The job's folder, where relative paths such as `out` land. */
  readonly workspace: string;
}

export async function readActionFile(): Promise<ActionFile> {
  return load(await readFile(join(ROOT, 'action.yml'), 'utf8')) as ActionFile;
}

/** The inputs as the steps see them: the job's values over the defaults, each default's expressions read. */
export function resolveInputs(action: ActionFile, job: ActionJob): Record<string, string> {
  const scope = scopeOf(job, {}, false);
  return Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, job.inputs[name] ?? interpolate(String(input.default ?? ''), scope)]));
}

function scopeOf(job: ActionJob, inputs: Readonly<Record<string, string>>, failed: boolean): ExpressionScope {
  const github = { job: 'conformance', run_attempt: '1', action_path: ROOT, ...job.github };
  return { contexts: { github, strategy: { 'job-index': 0, 'job-total': 1, ...job.strategy }, inputs, matrix: {}, env: {} }, failed };
}

function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
      { cwd, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
    );
  });
}

/** The runner's own variables for a step, and the step's env over them. */
function stepEnvironment(step: ActionStep, scope: ExpressionScope, files: { output: string; summary: string; workspace: string }, job: ActionJob) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^(GITHUB_|RUNNER_|INPUT_)/.test(name)) delete env[name];
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_ACTION_PATH: ROOT.replace(/\/$/, ''),
    GITHUB_WORKSPACE: files.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    PATH: job.pathPrefix === undefined ? env['PATH'] : `${job.pathPrefix}:${env['PATH'] ?? ''}`,
  });
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = interpolate(String(value), scope);
  return env;
}

/** Runs the Action's steps in a fresh workspace, as a job that names it in `uses:` with these inputs would. */
export async function runActionWorkflow(job: ActionJob): Promise<WorkflowRun> {
  const action = await readActionFile();
  if (action.runs.using !== 'composite') throw new Error(`action.yml runs ${action.runs.using}, not composite`);
  const inputs = resolveInputs(action, job);
  const workspace = await mkdtemp(join(tmpdir(), 'conformance-workflow-'));
  const files = { workspace, output: join(workspace, '.github-output'), summary: join(workspace, '.step-summary') };
  await Promise.all([writeFile(files.output, ''), writeFile(files.summary, '')]);
  const steps: StepRecord[] = [];
  let code = 0;
  let stdout = '';
  let stderr = '';
  for (const [index, step] of action.runs.steps.entries()) {
    const scope = scopeOf(job, inputs, code !== 0);
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    const ran = step.if === undefined ? !scope.failed : Boolean(evaluateExpression(step.if, scope));
    if (step.uses !== undefined) {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), scope)]));
      steps.push({ name, uses: step.uses, ran, with: given });
      continue;
    }
    if (!ran || step.run === undefined) {
      steps.push({ name, ran: false });
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`the step ${name} runs in ${step.shell ?? 'no shell'}; this runner knows bash`);
    const cwd = step['working-directory'] === undefined ? workspace : interpolate(step['working-directory'], scope);
    const result = await runScript(interpolate(step.run, scope), cwd, stepEnvironment(step, scope, files, job));
    stdout += result.stdout;
    stderr += result.stderr;
    steps.push({ name, ran, code: result.code });
    if (result.code !== 0 && code === 0) code = result.code;
  }
  return { code, steps, stdout, stderr, summary: await readFile(files.summary, 'utf8'), workspace };
}
