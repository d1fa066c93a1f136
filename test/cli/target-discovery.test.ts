import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { closeAfterTests, serveReference } from './reference-servers.js';

const serve = serveReference;

/** A plain HTTP server answering every request with `answer`. */
async function plainServer(answer: (res: import('node:http').ServerResponse) => void): Promise<string> {
  const server: Server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeAfterTests(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the base path', () => {
  test('an API served at the root is found from the origin, and the run says so', async () => {
    const { origin } = await serve({ basePath: '/' });
    const result = await runCli(['--target', origin, '--suite', 'smoke']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /found \/ by probing/);
  });

  test('a target with a path is used as given', async () => {
    const { url, requests } = await serve({ basePath: '/gateway/backups' });
    const result = await runCli(['--target', url, '--suite', 'inventory']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(
      requests.every((r) => r.path.startsWith('/gateway/backups')),
      requests.map((r) => r.path).join(' '),
    );
  });
});

describe('not the API: exit 2, CONF_NOT_THE_API, before anything is taken', () => {
  test('a mistyped base path: the 404 body says where the API is, and the run passes it on', async () => {
    const { url, requests } = await serve();
    const result = await runCli(['--target', url.replace(/backups$/, 'backup')]);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /^error: \S+\/actuator\/backup is not a Backup Management API: it answers 404 and no list; the server says "No resource at \/actuator\/backup: the API is at \/actuator\/backups\."/,
    );
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.doesNotMatch(result.stdout, /Conforms|Does not conform/);
    const report = JSON.parse(await readFile(join(result.outDir, 'findings.json'), 'utf8')) as { errors: { code: string }[] };
    assert.deepEqual(
      report.errors.map((e) => e.code),
      ['CONF_NOT_THE_API'],
    );
    assert.deepEqual([...new Set(requests.map((r) => r.method))], ['GET']);
  });

  test('an HTML page', async () => {
    const origin = await plainServer((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Welcome</title>'));
    const result = await runCli(['--target', `${origin}/actuator/backups`], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /is not a Backup Management API: it answers 200 with an HTML page, not JSON/);
  });

  test('a redirect elsewhere names where it points', async () => {
    const origin = await plainServer((res) => res.writeHead(301, { location: '/login' }).end());
    const result = await runCli(['--target', `${origin}/actuator/backups`], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`it redirects \\(301\\); it points to ${origin}/login\\.`));
  });

  test('an origin where no candidate answers: every path tried, and the hint from the 404s', async () => {
    const { origin } = await serve({ basePath: '/elsewhere' });
    const result = await runCli(['--target', origin], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /tried \/actuator\/backups: 404; \/actuator\/backupRuntime: 404; \/: 404\); the server says "No resource at .*: the API is at \/elsewhere\."/,
    );
  });
});
