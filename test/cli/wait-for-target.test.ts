import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { serveReference } from './reference-servers.js';

const cli = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

/** A port that was free a moment ago: the late server takes it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('--wait-for-target 20s passes against a server that starts 3 s late, saying how it waited', async () => {
  const port = await freePort();
  // The 3 s count from the run's first try, so a slow start of the CLI cannot shorten them.
  const child = spawn(process.execPath, [cli, '--target', `http://127.0.0.1:${port}/actuator/backups`, '--wait-for-target', '20s', '--suite', 'smoke'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let late: Promise<unknown> | undefined;
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (late === undefined && /waiting for/.test(stdout)) late = new Promise((resolve) => setTimeout(resolve, 3_000)).then(() => serveReference({ port }));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(guard);
  await late;
  assert.equal(code, 0, stdout + stderr);
  assert.match(stdout, /waiting for http:\/\/127\.0\.0\.1:\d+\/actuator\/backups: connect ECONNREFUSED/);
  assert.match(stdout, /answers \(200\) after ([3-9]|1\d) s/);
  assert.match(stdout, /Conforms to the spec\./);
});

test('a target still down after --wait-for-target is exit 2, saying it waited', async () => {
  const port = await freePort();
  const result = await runCli(['--target', `http://127.0.0.1:${port}/actuator/backups`, '--wait-for-target', '1s'], { out: false });
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /^error: Cannot reach .*ECONNREFUSED.* It did not answer within --wait-for-target \(1\.0 s\)\.$/m);
});

test('--wait-for-target without --target is refused when the flags are read', async () => {
  const result = await runCli(['--wait-for-target', '5s'], { out: false });
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /--wait-for-target waits for a --target/);
});
