import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { serveReference } from './reference-servers.js';

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
  const late = new Promise<void>((resolve) => setTimeout(() => void serveReference({ port }).then(() => resolve()), 3_000));
  const result = await runCli(['--target', `http://127.0.0.1:${port}/actuator/backups`, '--wait-for-target', '20s', '--suite', 'smoke']);
  await late;
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /waiting for http:\/\/127\.0\.0\.1:\d+\/actuator\/backups: connect ECONNREFUSED/);
  assert.match(result.stdout, /answers \(200\) after \d+ s/);
  assert.match(result.stdout, /Conforms to the spec\./);
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
