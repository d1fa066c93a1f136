import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

// What a user of a checkout gets: the bin after a build. (The package as npm packs it, and as it
// is installed from its tarball, is tested in packed-package.test.ts.)

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
/** What the build needs from a checkout (tests and benchmarks left out, so it compiles less). */
const BUILD_INPUTS = ['package.json', 'tsconfig.json', 'bin', 'src', 'suites', 'generators', 'reports', 'spec', 'README.md', 'LICENSE'];

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program to its end (at most `timeoutMs`), with the environment of a user's shell: the
 * variables `npm test` sets for its own package are left out, so a nested npm sees only its folder.
 */
function run(command: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<Ran> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(?:package|lifecycle|config_local_prefix|command)/.test(name)));
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr: error !== null && code === -1 ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

const transcript = (ran: Ran): string => `exit ${ran.code}\nstdout:\n${ran.stdout.slice(-3000)}\nstderr:\n${ran.stderr.slice(-3000)}`;

let scratch: string;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'conformance-package-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('after the build, the bin runs by its path', async () => {
  // The build empties dist/ first; it runs in a copy so the tests running from this dist/ keep it.
  const checkout = join(scratch, 'checkout');
  await mkdir(checkout);
  await Promise.all(BUILD_INPUTS.map((name) => cp(join(ROOT, name), join(checkout, name), { recursive: true })));
  await symlink(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  const build = await run('npm', ['run', 'build'], checkout, 180_000);
  assert.equal(build.code, 0, transcript(build));
  const bin = join(checkout, 'bin', 'conformance.js');
  assert.ok(((await stat(bin)).mode & 0o111) !== 0, 'bin/conformance.js has no run bit');
  const ran = await run(bin, ['--version'], checkout);
  assert.equal(ran.code, 0, transcript(ran));
  assert.equal(ran.stdout.trim(), version);
});
