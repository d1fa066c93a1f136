import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { runCli } from '../helpers/run-cli.js';

// A self-signed certificate for localhost and 127.0.0.1, made for these tests (test/fixtures/README.md).
const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

let tlsServer: Server;
let tlsPort: number;
let plain: Awaited<ReturnType<typeof startReferenceServer>>;
before(async () => {
  tlsServer = createServer({ key: readFileSync(fixture('tls-localhost.key')), cert: readFileSync(fixture('tls-localhost.crt')) }, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  // On all loopback addresses: 127.0.0.2 reaches it under a name the certificate does not hold.
  await new Promise<void>((resolve) => tlsServer.listen(0, '0.0.0.0', resolve));
  tlsPort = (tlsServer.address() as AddressInfo).port;
  plain = await startReferenceServer({ settleMs: 0 });
});
after(async () => {
  tlsServer.closeAllConnections();
  await new Promise((resolve) => tlsServer.close(resolve));
  await plain.close();
});

describe('messages that name the cause of a TLS failure', () => {
  test('https:// to a plain HTTP server: use http://, not --ca', async () => {
    const result = await runCli(['--target', plain.url.replace(/^http:/, 'https:'), '--read-only'], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /^error: Cannot reach https:\/\/\S+: the server speaks plain HTTP, not TLS: use http:\/\/\. Give --target http:\/\/127\.0\.0\.1:\d+\/actuator\/backups\.$/m,
    );
    assert.doesNotMatch(result.stderr, /--ca|ssl3_get_record/);
  });

  test('http:// to a TLS server: use https://', async () => {
    const result = await runCli(['--target', `http://127.0.0.1:${tlsPort}/actuator/backups`, '--read-only'], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      new RegExp(`The server speaks TLS: use https://, i\\.e\\. --target https://127\\.0\\.0\\.1:${tlsPort}/actuator/backups\\.$`, 'm'),
    );
  });

  test('a certificate for another name: says which names it holds, and no --ca advice', async () => {
    const result = await runCli(['--target', `https://127.0.0.2:${tlsPort}/actuator/backups`, '--read-only', '--ca', fixture('tls-localhost.crt')], {
      out: false,
    });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /: the certificate is for localhost, 127\.0\.0\.1, not 127\.0\.0\.2\. Give --target a host name the certificate holds, or skip verification with --insecure\.$/m,
    );
    assert.doesNotMatch(result.stderr, /--ca/);
  });
});
