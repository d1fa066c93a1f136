import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { actionArgs } from '../../src/action-args.js';
import { defaultText } from '../../src/cli-usage.js';
import { FLAGS, type Flag } from '../../src/flags.js';

const actionYml = readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const cli = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const actionCli = fileURLToPath(new URL('../../src/action-cli.js', import.meta.url));
/** The inputs of the Action that no flag has: they act on the job around the run, not on the run. */
const ACTION_ONLY_INPUTS = ['node-version', 'artifact-name'];

/** The keys of a top-level block's children (`inputs:` → its input names), read from this flat file by indentation. */
function childKeys(yaml: string, block: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.indexOf(`${block}:`);
  assert.ok(start >= 0, `action.yml has a top-level ${block}:`);
  const keys: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const key = /^ {2}([\w-]+):/.exec(line)?.[1];
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

/** The CLI's verdict on these arguments followed by --help: exit 0 only if it knows every flag and its kind (value or not). */
function cliAccepts(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args, '--help'], (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stderr }));
  });
}

/** A YAML string as the formatter writes it: single-quoted unless it holds a single quote. */
function yamlString(text: string): string {
  return text.includes("'") && !text.includes('"') ? JSON.stringify(text) : `'${text.replaceAll("'", "''")}'`;
}

/** The inputs block action.yml must have: one input per flag of the table that the Action passes on. */
function expectedInputs(): string {
  const inputs = (FLAGS as readonly Flag[]).filter((entry) => entry.notInAction === undefined);
  return inputs
    .map((entry) => {
      const help = entry.help.replace('{default}', defaultText(entry) ?? '').replaceAll('\n', ' ');
      const description = `${help[0]!.toUpperCase()}${help.slice(1)}${entry.kind === 'list' ? '; one value a line.' : '.'}`;
      const fallback = entry.actionDefault ?? (entry.kind === 'switch' ? 'false' : '');
      return `  ${entry.name}:\n    description: ${yamlString(description)}\n    required: false\n    default: ${yamlString(fallback)}`;
    })
    .join('\n');
}

/** The Action's command, run as the composite step runs it: the inputs as JSON in one variable. */
function runAction(inputs: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CONFORMANCE_INPUTS: JSON.stringify(inputs) };
    delete env['GITHUB_ACTIONS'];
    execFile(process.execPath, [actionCli], { env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
}

describe('action.yml', () => {
  const inputs = childKeys(actionYml, 'inputs');

  test('has the inputs a team needs, a target first of all', () => {
    for (const input of ['target', 'profile', 'read-only', 'bearer-token-env', 'out', 'wait-for-target', 'header', 'suite', 'settle-timeout']) {
      assert.ok(inputs.includes(input), `input ${input}`);
    }
  });

  test('its inputs are the flag table: one per flag but --yes, --help and --version, in its order', () => {
    const block = /\ninputs:\n([\s\S]*?)\n\n/.exec(actionYml)?.[1] ?? '';
    assert.equal(block, expectedInputs(), `action.yml's inputs differ from src/flags.ts; its inputs block should read:\n${expectedInputs()}`);
  });

  test('its other inputs are the Action’s own, after the flags: the Node to set up and the artifact’s name', () => {
    const flagInputs = (FLAGS as readonly Flag[]).filter((entry) => entry.notInAction === undefined).map((entry) => entry.name);
    assert.deepEqual(inputs, [...flagInputs, ...ACTION_ONLY_INPUTS]);
  });

  test('is a composite action that installs nothing: setup-node only when asked, the committed bundle, the reports uploaded even when the run fails', () => {
    assert.match(actionYml, /^ {2}using: composite$/m);
    assert.match(actionYml, /- if: inputs\.node-version != ''\n\s+uses: actions\/setup-node@v\d+/);
    assert.doesNotMatch(actionYml, /\bnpm (ci|install)\b|npm run build/);
    assert.match(actionYml, /if: always\(\)\n\s+uses: actions\/upload-artifact@v\d+/);
    assert.match(actionYml, /path: \$\{\{ inputs\.out \}\}/);
    assert.match(actionYml, /name: \$\{\{ inputs\.artifact-name \}\}/);
  });

  test('the inputs reach the CLI as one JSON variable, never spliced into the script', () => {
    assert.match(actionYml, /^\s+CONFORMANCE_INPUTS: \$\{\{ toJSON\(inputs\) \}\}$/m);
    assert.match(actionYml, /^\s+run: node "\$GITHUB_ACTION_PATH\/action\/dist\/action-cli\.js"$/m);
    const scripts = (load(actionYml) as { runs: { steps: { run?: string }[] } }).runs.steps.flatMap((step) => step.run ?? []);
    assert.equal(scripts.length, 2, 'the check of the Node and the run');
    for (const script of scripts) assert.doesNotMatch(script, /\$\{\{/, `no expression in a script: ${script}`);
  });

  test('every flag the Action may pass is one the CLI accepts as it passes it', async () => {
    const every = Object.fromEntries(
      (FLAGS as readonly Flag[]).map((entry) => [entry.name, entry.kind === 'switch' ? 'true' : entry.kind === 'list' ? 'a\nb' : 'value']),
    );
    const args = actionArgs(every);
    assert.ok(args.includes('--yes'));
    for (const entry of FLAGS as readonly Flag[]) {
      assert.equal(args.includes(`--${entry.name}`), entry.notInAction === undefined || entry.name === 'yes', `--${entry.name}`);
    }
    const result = await cliAccepts(args);
    assert.equal(result.code, 0, result.stderr);
  });

  test('the check itself bites: a made-up flag is refused', async () => {
    assert.notEqual((await cliAccepts(['--no-such-flag'])).code, 0);
    assert.notEqual((await cliAccepts(['--read-only', 'value'])).code, 0, 'a switch given a value');
    assert.notEqual((await cliAccepts(['--target'])).code, 0, 'a value flag given none');
  });
});

describe('the Action turns its inputs into flags', () => {
  test("empty inputs are flags not given; 'false' leaves a switch off; a repeatable flag takes one value a line", () => {
    assert.deepEqual(actionArgs({ target: '', 'read-only': 'false', 'keep-backups': 'true', suite: 'inventory\n\n smoke \n', runs: '3' }), [
      '--yes',
      '--suite',
      'inventory',
      '--suite',
      'smoke',
      '--runs',
      '3',
      '--keep-backups',
    ]);
  });

  test('a value is passed as it is, whatever it holds', () => {
    assert.deepEqual(actionArgs({ target: 'http://h/$(touch x); `id`' }), ['--yes', '--target', 'http://h/$(touch x); `id`']);
  });

  test("a switch given anything but 'true' or 'false' is a one-line error, exit 2", async () => {
    assert.throws(() => actionArgs({ insecure: 'yes' }), /The input insecure takes 'true' or 'false', not "yes"/);
    const result = await runAction({ insecure: 'yes' });
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  });

  test('the Action runs the suite with its inputs and writes the reports to out', async () => {
    const out = await mkdtemp(join(tmpdir(), 'conformance-action-'));
    const result = await runAction({ suite: 'inventory', 'read-only': 'true', out, runs: '' });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const findings = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { suites: { id: string }[] };
    assert.deepEqual(
      findings.suites.map((suite) => suite.id),
      ['inventory'],
    );
  });

  test('a flag the CLI refuses is refused as from the command line', async () => {
    const result = await runAction({ runs: '0' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: --runs takes a whole number from 1 to 10000, not "0"\.$/m);
  });
});

describe('the README', () => {
  test("the README's GitHub job runs it in one uses: line", () => {
    const job = /```yaml\njobs:[\s\S]*?```/.exec(readme)?.[0] ?? '';
    assert.match(job, /^\s+- uses: \.\/\n\s+with:\n\s+target: /m);
    assert.doesNotMatch(job, /npx conformance|npm ci/);
  });
});
