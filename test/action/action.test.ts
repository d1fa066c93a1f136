import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const actionYml = readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const cli = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

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

/** The lines of the run step's script (`run: |` and the block under it) that passes inputs to the CLI. */
function runScript(yaml: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => /^\s+run: \|$/.test(line));
  assert.ok(start >= 0, 'a run step with a script');
  const indent = /^\s*/.exec(lines[start + 1] ?? '')![0].length;
  const script: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && /^\s*/.exec(line)![0].length < indent) break;
    script.push(line.trim());
  }
  return script;
}

/** The CLI's verdict on these arguments followed by --help: exit 0 only if it knows every flag and its kind (value or not). */
function cliAccepts(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args, '--help'], (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stderr }));
  });
}

describe('action.yml', () => {
  const inputs = childKeys(actionYml, 'inputs');
  const script = runScript(actionYml);
  // Each input goes through one environment variable into the script: CONFORMANCE_<NAME>.
  const variables = new Map([...actionYml.matchAll(/^\s+(CONFORMANCE_[A-Z_]+): \$\{\{ inputs\.([\w-]+) \}\}$/gm)].map((m) => [m[2]!, m[1]!]));

  test('has the inputs a team needs, a target first of all', () => {
    for (const input of ['target', 'profile', 'read-only', 'bearer-token-env', 'out']) assert.ok(inputs.includes(input), `input ${input}`);
  });

  test('is a composite action: setup-node, npm ci, the run, the reports uploaded even when the run fails', () => {
    assert.match(actionYml, /^ {2}using: composite$/m);
    assert.match(actionYml, /uses: actions\/setup-node@v\d+/);
    assert.match(actionYml, /run: npm ci\b/);
    assert.match(actionYml, /if: always\(\)\n\s+uses: actions\/upload-artifact@v\d+/);
    assert.match(actionYml, /path: \$\{\{ inputs\.out \}\}/);
  });

  for (const input of childKeys(actionYml, 'inputs')) {
    test(`input ${input} maps to the CLI flag --${input}, which the CLI accepts as the script passes it`, async () => {
      const variable = variables.get(input);
      assert.ok(variable !== undefined, `input ${input} reaches the script as an environment variable, not spliced into it`);
      const passing = script.filter((line) => line.includes(`--${input}`));
      assert.ok(passing.length > 0, `the script passes --${input}`);
      for (const line of passing) {
        // args+=(--flag "$VAR") or args=(... --flag "$VAR" ...) or args+=(--flag) for a switch.
        const takesValue = new RegExp(`--${input} "\\$${variable}"`).test(line);
        assert.ok(takesValue || (line.includes(`$${variable}`) && new RegExp(`--${input}\\)`).test(line)), `--${input} is given $${variable} or guarded by it: ${line}`);
        const result = await cliAccepts(takesValue ? [`--${input}`, 'value'] : [`--${input}`]);
        assert.equal(result.code, 0, `conformance --${input}${takesValue ? ' value' : ''}: ${result.stderr}`);
      }
    });
  }

  test('every flag the script passes is a flag of the CLI', async () => {
    const flags = new Set(script.flatMap((line) => [...line.matchAll(/(?<![\w-])--([a-z][\w-]*)/g)].map((m) => m[1]!)));
    assert.ok(flags.has('yes'), 'CI cannot answer the question a run asks: --yes');
    for (const flag of flags) {
      const withValue = await cliAccepts([`--${flag}`, 'value']);
      const alone = await cliAccepts([`--${flag}`]);
      assert.ok(withValue.code === 0 || alone.code === 0, `--${flag} is not a flag of the CLI: ${alone.stderr}`);
    }
  });

  test('the check itself bites: a made-up flag is refused', async () => {
    assert.notEqual((await cliAccepts(['--no-such-flag'])).code, 0);
    assert.notEqual((await cliAccepts(['--read-only', 'value'])).code, 0, 'a switch given a value');
    assert.notEqual((await cliAccepts(['--target'])).code, 0, 'a value flag given none');
  });

  test("the README's GitHub job runs it in one uses: line", () => {
    const job = /```yaml\njobs:[\s\S]*?```/.exec(readme)?.[0] ?? '';
    assert.match(job, /^\s+- uses: \.\/\n\s+with:\n\s+target: /m);
    assert.doesNotMatch(job, /npx conformance|npm ci/);
  });
});
