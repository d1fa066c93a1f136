import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createClient } from '../../src/http/client.js';

let server: Server;
let base: string;
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/reset') return req.socket.destroy();
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('x'.repeat(100_000));
      return;
    }
    res.writeHead(418, { 'content-type': 'application/json; charset=UTF-8', 'x-one': 'a' });
    res.end(JSON.stringify({ method: req.method, accept: req.headers.accept }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('every status is data, with headers and body', async () => {
  const seen: number[] = [];
  const client = createClient({ timeoutMs: 2_000, maxBodyBytes: 1_000, defaultHeaders: { accept: 'application/json' }, onExchange: (e) => seen.push(e.seq) });
  const exchange = await client.send({ method: 'DELETE', url: `${base}/x` });
  await client.close();
  assert.equal(exchange.response?.status, 418);
  assert.equal(exchange.response?.headers['content-type'], 'application/json; charset=UTF-8');
  assert.deepEqual(JSON.parse(exchange.response?.bodyText ?? ''), { method: 'DELETE', accept: 'application/json' });
  assert.deepEqual(seen, [1]);
});

test('a server that never answers is a timeout, not a hang', async () => {
  const client = createClient({ timeoutMs: 200, maxBodyBytes: 1_000 });
  const exchange = await client.send({ method: 'GET', url: `${base}/hang` });
  await client.close();
  assert.equal(exchange.failure?.kind, 'timeout');
  assert.equal(exchange.response, undefined);
});

test('a reset connection is a transport failure', async () => {
  const client = createClient({ timeoutMs: 2_000, maxBodyBytes: 1_000 });
  const exchange = await client.send({ method: 'GET', url: `${base}/reset` });
  await client.close();
  assert.ok(exchange.failure !== undefined);
  assert.notEqual(exchange.failure.kind, 'timeout');
});

test('a refused connection says so', async () => {
  const client = createClient({ timeoutMs: 2_000, maxBodyBytes: 1_000 });
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const exchange = await client.send({ method: 'GET', url: `http://127.0.0.1:${port}/` });
  await client.close();
  assert.equal(exchange.failure?.kind, 'connection-refused');
});

test('a body over the cap is cut and marked, not read to the end', async () => {
  const client = createClient({ timeoutMs: 2_000, maxBodyBytes: 1_000 });
  const exchange = await client.send({ method: 'GET', url: `${base}/big` });
  await client.close();
  assert.equal(exchange.response?.truncated, true);
  assert.equal(exchange.response?.bodyText.length, 1_000);
});
