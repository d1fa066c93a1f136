import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
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
  const child = spawn(process.execPath, [cli, '--target', `http://127.0.0.1:${port}/actuator/backups`, '--wait-for-target', '20s', '--suite', 'smoke'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The server starts 3 s after the run said it is waiting (not after a fixed delay from spawning,
  // which a loaded machine could spend starting the process).
  const late = new Promise<void>((resolve, reject) => {
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (started || !/waiting for /.test(stdout)) return;
      started = true;
      setTimeout(() => serveReference({ port }).then(() => resolve(), reject), 3_000);
    });
    child.once('exit', () => (started ? undefined : reject(new Error(`the run ended without waiting: ${stdout}${stderr}`))));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await late;
  const code = await exited;
  assert.equal(code, 0, stdout + stderr);
  assert.match(stdout, /waiting for http:\/\/127\.0\.0\.1:\d+\/actuator\/backups: connect ECONNREFUSED/);
  assert.match(stdout, /answers \(200\) after \d+ s/);
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
