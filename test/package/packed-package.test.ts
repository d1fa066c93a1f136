import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { packedTarball } from '../helpers/packed-tarball.js';
import { runNodeTest } from './run-node-test.js';

// The package as a user gets it: what npm packs, and the tarball installed into an empty folder
// outside this repository, run by npx and used through its exports only, with the examples of the
// README's "Use it from code" section. The tests share one packed tarball and one install.

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Exec {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function exec(command: string, args: readonly string[], cwd: string): Promise<Exec> {
  // The variables `npm test` sets for this package, and the test runner's, do not reach the user's folder
  // (npm's configuration, such as its cache, does).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(?:package|lifecycle|config_local_prefix|command)/.test(name) && name !== 'NODE_TEST_CONTEXT'),
  );
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const transcript = (ran: Exec): string => `exit ${ran.code}\nstdout:\n${ran.stdout.slice(-3000)}\nstderr:\n${ran.stderr.slice(-3000)}`;

/** The fenced code blocks of one language in the README's section on using the package from code. */
async function readmeExamples(language: string): Promise<string[]> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Use it from code\n');
  assert.ok(start >= 0, 'the README has a "Use it from code" section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] as string);
}

let folder: string;
let app: string;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'conformance-packed-'));
  app = join(folder, 'app');
  await mkdir(app);
  const tarball = (await packedTarball()).path;
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // A TypeScript user has Node's types; the package's own declarations need nothing else. The
  // dependencies come from the npm cache that `npm ci` filled; the network only for what it lacks.
  const installed = await exec(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `@types/node@${manifest.devDependencies['@types/node']}`],
    app,
  );
  assert.equal(installed.code, 0, installed.stderr);
});
after(() => rm(folder, { recursive: true, force: true }));

describe('the npm package', () => {
  test('holds what a user runs, and no tests, benchmarks, fixtures, CI files, sources or source maps', async () => {
    const { files } = await packedTarball();
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/conformance.js',
      'dist/bundle/cli.js',
      'dist/src/cli.js',
      'dist/src/server/reference-server.js',
      'dist/suites/stateful/stateful.js',
      'dist/suites/stateful/commands/backup-commands.js',
      'dist/reports/html-report.js',
      'reports/findings.schema.json',
      'spec/backup-management-api.yaml',
      'spec/NOTES.md',
    ]) {
      assert.ok(files.includes(needed), `${needed} is not in the package`);
    }
    const unwanted = files.filter((path) => /^(?:dist\/)?(?:test|bench)\/|^\.ci\/|fixtures\/|\.map$|(?<!\.d)\.ts$|^tsconfig|\.tgz$/.test(path));
    assert.deepEqual(unwanted, []);
  });
});

describe('the packed package, installed into an empty folder', () => {
  test('npx conformance tests the embedded server and exits 0', async () => {
    // A tarball install runs no `prepare`, and devDependencies are not installed: nothing compiles there.
    await assert.rejects(stat(join(app, 'node_modules', 'typescript')), { code: 'ENOENT' });
    const ran = await exec('npx', ['--no-install', 'conformance', '--quiet', '--out', join(app, 'results')], app);
    assert.equal(ran.code, 0, transcript(ran));
    assert.match(ran.stdout, /Conforms to the spec\./);
    const findings = JSON.parse(await readFile(join(app, 'results', 'findings.json'), 'utf8')) as { exitCode: number };
    assert.equal(findings.exitCode, 0);
  });

  test('npx backup-conformance runs the tarball in a folder that has not installed it, under its own name', async () => {
    const elsewhere = join(folder, 'elsewhere');
    await mkdir(elsewhere);
    // The README's form for a run without an install; the tarball stands in for the registry.
    const ran = await exec(
      'npx',
      ['--yes', '--prefer-offline', '--package', (await packedTarball()).path, 'backup-conformance', '--suite', 'smoke', '--quiet'],
      elsewhere,
    );
    assert.equal(ran.code, 0, transcript(ran));
    assert.match(ran.stdout, /Conforms to the spec\./);
    await assert.rejects(stat(join(elsewhere, 'node_modules')), { code: 'ENOENT' });
  });

  test('exports the main entry (a run, a compare, the reference server) and ./node-test, and nothing else', async () => {
    const script = [
      "const main = await import('backup-conformance');",
      "const nodeTest = await import('backup-conformance/node-test');",
      'const refused = [];',
      "for (const path of ['backup-conformance/dist/src/run.js', 'backup-conformance/package.json']) await import(path).catch((error) => refused.push(error.code));",
      'console.log(JSON.stringify({ main: Object.keys(main).sort(), nodeTest: Object.keys(nodeTest), refused }));',
    ].join('\n');
    const result = await exec(process.execPath, ['--input-type=module', '-e', script], app);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      main: ['ConformanceError', 'compareServers', 'runConformance', 'startReferenceServer'],
      nodeTest: ['registerConformanceTests'],
      refused: ['ERR_PACKAGE_PATH_NOT_EXPORTED', 'ERR_PACKAGE_PATH_NOT_EXPORTED'],
    });
  });

  test("the README's node:test example passes under node --test against startReferenceServer()", async () => {
    const example = (await readmeExamples('js'))[0] ?? '';
    assert.ok(example.includes('startReferenceServer()'));
    assert.ok(example.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('//')).length <= 10, 'at most 10 lines of code');
    await writeFile(join(app, 'conformance.test.mjs'), example);
    const result = await runNodeTest('conformance.test.mjs', app);
    assert.equal(result.code, 0, result.junit + result.stderr);
    assert.deepEqual([...new Set(result.cases.map((c) => c.suite))], ['inventory', 'smoke', 'stateful', 'negative']);
    assert.deepEqual(
      result.cases.filter((c) => c.status === 'failed'),
      [],
    );
    assert.ok(result.cases.filter((c) => c.status === 'passed').length > 40);
  });

  test('the same example against a server that lists backups in ascending order fails with the rule it breaks', async () => {
    const example = (await readmeExamples('js'))[0] ?? '';
    const faulty = example.replace('startReferenceServer()', "startReferenceServer({ quirks: ['list-unsorted'], seedBackups: [{ id: 1 }, { id: 2 }] })");
    assert.notEqual(faulty, example);
    await writeFile(join(app, 'ascending.test.mjs'), faulty);
    const result = await runNodeTest('ascending.test.mjs', app);
    assert.equal(result.code, 1);
    const failed = result.cases.filter((c) => c.status === 'failed');
    assert.ok(failed.length > 0);
    for (const c of failed) {
      assert.equal(c.name, 'list-sorted-descending');
      assert.match(c.text, /list-sorted-descending \(GET \/\): violation/);
      assert.match(c.text, /curl -i -X GET/);
    }
  });

  test("tsc --noEmit type-checks the README's examples against the package's declarations, and refuses a wrongly typed option", async () => {
    const example = (await readmeExamples('ts'))[0] ?? '';
    assert.ok(example.includes('runConformance'));
    await writeFile(join(app, 'use-api.ts'), example);
    await writeFile(join(app, 'misuse.ts'), example.replace('readOnly: true', "readOnly: 'yes'"));
    // The node:test example is TypeScript too: it checks the declarations of ./node-test and of the server.
    await writeFile(join(app, 'conformance.test.ts'), (await readmeExamples('js'))[0] ?? '');
    // Strict, and without skipLibCheck: the declarations themselves are checked too.
    const tsconfig = {
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'] },
      files: ['use-api.ts', 'misuse.ts', 'conformance.test.ts'],
    };
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    const result = await exec(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'], app);
    const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.equal(errors.length, 1, result.stdout);
    assert.match(errors[0] ?? '', /^misuse\.ts\(\d+,\d+\): error TS2322: Type '[^']+' is not assignable to type 'boolean \| undefined'/);
  });
});
