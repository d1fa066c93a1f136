import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { closeAfterTests } from './reference-servers.js';

/** A server of the test's own on a free port, closed when the file ends. */
async function serve(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ origin: string; paths: string[] }> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url}`);
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeAfterTests(() => new Promise((resolve) => server.close(() => resolve())));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths };
}

/** A static file server as Python's http.server is: a folder's URL redirects to it with a slash, a missing file is an HTML 404. */
function staticFiles(files: Readonly<Record<string, { type: string; text: string }>>, folders: readonly string[]) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = request.url ?? '/';
    const file = files[path];
    if (folders.includes(path)) response.writeHead(301, { location: `${path}/` }).end();
    else if (file !== undefined) response.writeHead(200, { 'content-type': file.type }).end(file.text);
    else response.writeHead(404, { 'content-type': 'text/html' }).end('<!DOCTYPE HTML><title>Error response</title><p>File not found');
  };
}

describe('a server that is not the API is told apart: exit 2, CONF_NOT_THE_API, nothing taken', () => {
  test('a static file server whose folder redirects to itself with a slash', async () => {
    const { origin, paths } = await serve(staticFiles({ '/actuator/': { type: 'text/html', text: '<html><ul><li>index.txt</ul>' } }, ['/actuator']));
    const result = await runCli(['--target', `${origin}/actuator`, '--yes']);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      new RegExp(`is not a Backup Management API: it redirects \\(301\\) to ${origin}/actuator/, as a file server does for a folder`),
    );
    assert.deepEqual((await result.findings()).exitCode, 2);
    assert.ok(
      paths.every((line) => line.startsWith('GET ')),
      paths.join(', '),
    );
  });

  test('a static file server that answers text/plain', async () => {
    const { origin, paths } = await serve(staticFiles({ '/actuator/backups': { type: 'text/plain', text: 'backups go here\n' } }, []));
    const result = await runCli(['--target', `${origin}/actuator/backups`, '--yes']);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /is not a Backup Management API: it answers 200 with text\/plain, not JSON/);
    assert.ok(
      paths.every((line) => line.startsWith('GET ')),
      paths.join(', '),
    );
  });

  test('a mock serving the API at its root, given …/actuator/backups, is told where the API answered', async () => {
    const { origin } = await serve((request, response) => {
      const json = { 'content-type': 'application/json' };
      if (request.url === '/') response.writeHead(200, json).end('[]');
      else response.writeHead(404, json).end('{"type":"NO_PATH_MATCHED_ERROR","title":"Route not resolved, no path matched","status":404}');
    });
    const result = await runCli(['--target', `${origin}/actuator/backups`], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`it answers 404 and no list\\. The API answers at ${origin}: give that in --target\\.`));
    assert.doesNotMatch(result.stderr, /e\.g\. \S+\/actuator\/backups/);
  });

  test('where no candidate answers like the API, the message suggests the origin, never the URL it rejected', async () => {
    const { origin } = await serve(staticFiles({}, []));
    const result = await runCli(['--target', `${origin}/actuator/backups`], { out: false });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`or only the origin \\(${origin}\\) to let the run look for it\\.`));
  });
});
