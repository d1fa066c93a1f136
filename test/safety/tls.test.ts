import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createClient } from '../../src/http/client.js';
import { runCli } from '../helpers/run-cli.js';

// A self-signed certificate for localhost and 127.0.0.1, made for these tests (test/fixtures/README.md).
const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

let server: Server;
let url: string;
before(async () => {
  server = createServer({ key: readFileSync(fixture('tls-localhost.key')), cert: readFileSync(fixture('tls-localhost.crt')) }, (request, response) => {
    const list = request.url === '/actuator/backups';
    response.writeHead(list ? 200 : 404, { 'content-type': 'application/json' });
    response.end(list ? '[]' : '{"message":"Backup with id 1 does not exist"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/actuator/backups`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('https targets', () => {
  test('a certificate the machine does not trust is a clear tool error naming --ca and --insecure', async () => {
    const result = await runCli(['--target', url, '--read-only'], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /^error: Cannot reach https:\/\/127\.0\.0\.1:\d+\/actuator\/backups: .*certificate.*--ca FILE.*--insecure\.$/m);
  });

  test('--ca trusts the certificate authority in a PEM file', async () => {
    const result = await runCli(['--target', url, '--read-only', '--ca', fixture('tls-localhost.crt')]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  test('--insecure skips verification', async () => {
    const result = await runCli(['--target', url, '--read-only', '--insecure']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  test('a --ca file that cannot be read is a usage error', async () => {
    const result = await runCli(['--target', url, '--read-only', '--ca', 'no/such.pem'], { out: false });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Cannot read the --ca file no\/such\.pem/);
  });
});

describe('--rate', () => {
  test('spaces the start of requests by at least 1/rate seconds', async () => {
    const client = createClient({ timeoutMs: 2_000, maxBodyBytes: 1_000, insecure: true, ratePerSecond: 25 });
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) starts.push((await client.send({ method: 'GET', url })).startedAt);
    await client.close();
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    // A lower bound only: a limiter never lets requests start closer than 40 ms apart (timers may
    // fire a millisecond early, and start times are whole milliseconds), however slow the machine.
    assert.ok(
      gaps.every((gap) => gap >= 38),
      `gaps ${gaps.map((g) => g.toFixed(1)).join(', ')} ms`,
    );
  });
});
