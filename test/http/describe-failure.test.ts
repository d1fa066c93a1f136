import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createClient } from '../../src/http/client.js';
import type { Exchange } from '../../src/http/exchange.js';

// Real undici errors from a server that misbehaves on purpose, one way per path: the message of
// each failure must say what happened and how far the response had come.
const BODY = '[{"backupId":1,"state":"COMPLETED","details":[]}]';
const head = (headers: string) => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${headers}\r\n`;
const ways: Record<string, (socket: Socket) => void> = {
  '/silent': () => undefined,
  '/close': (socket) => socket.destroy(),
  '/reset': (socket) => socket.resetAndDestroy(),
  '/not-http': (socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'),
  '/stall': (socket) => socket.write(`${head('content-length: 100\r\n')}[`),
  '/close-mid-body': (socket) => socket.end(`${head('content-length: 100\r\n')}[{"backupId"`),
  '/close-mid-chunked': (socket) => socket.end(`${head('transfer-encoding: chunked\r\n')}4\r\n[{"b\r\n`),
  '/not-gzip': (socket) => socket.end(`${head(`content-encoding: gzip\r\ncontent-length: ${BODY.length}\r\n`)}${BODY}`),
  '/gzip': (socket) => {
    const gzipped = gzipSync(BODY);
    socket.end(Buffer.concat([Buffer.from(head(`content-encoding: gzip\r\ncontent-length: ${gzipped.length}\r\n`)), gzipped]));
  },
};

let server: Server;
let base: string;
before(async () => {
  server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (data: Buffer) => ways[data.toString('latin1').split(' ')[1] ?? '']?.(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function get(path: string): Promise<Exchange> {
  const client = createClient({ timeoutMs: 300, maxBodyBytes: 10_000 });
  try {
    return await client.send({ method: 'GET', url: `${base}${path}` });
  } finally {
    await client.close();
  }
}

test('before any response: the failure says nothing came, and why', async () => {
  assert.deepEqual(pick(await get('/silent')), { kind: 'timeout', message: 'no response within 300 ms' });
  assert.deepEqual(pick(await get('/close')), { kind: 'connection-reset', message: 'the server closed the connection without sending a response' });
  const reset = pick(await get('/reset'));
  assert.equal(reset.kind, 'connection-reset');
  assert.match(
    reset.message ?? '',
    /^the (connection was reset before a response came \(read ECONNRESET\)|server closed the connection without sending a response)$/,
  );
  assert.deepEqual(pick(await get('/not-http')), {
    kind: 'protocol',
    message: 'the answer is not a valid HTTP response: Response does not match the HTTP/1.1 protocol (Expected HTTP/, RTSP/ or ICE/)',
  });
});

test('after the status and headers: the failure says how much of the body came, of how much announced', async () => {
  assert.deepEqual(pick(await get('/stall')), {
    kind: 'timeout',
    message: 'no complete response within 300 ms: status 200 and its headers came, then 1 byte of the body of the 100 its Content-Length announced',
  });
  assert.deepEqual(pick(await get('/close-mid-body')), {
    kind: 'connection-reset',
    message:
      'the server closed the connection before the body was complete: status 200 and its headers came, then 12 bytes of the body of the 100 its Content-Length announced',
  });
  assert.deepEqual(pick(await get('/close-mid-chunked')), {
    kind: 'connection-reset',
    message: 'the server closed the connection before the body was complete: status 200 and its headers came, then 4 bytes of the body',
  });
});

test('a body that is not the gzip it claims is a protocol failure; a real gzip is read as JSON', async () => {
  assert.deepEqual(pick(await get('/not-gzip')), {
    kind: 'protocol',
    message: 'status 200 came, but the body is not the gzip its Content-Encoding says (incorrect header check)',
  });
  const gzip = await get('/gzip');
  assert.equal(gzip.response?.bodyText, BODY);
  assert.equal(gzip.response?.headers['content-encoding'], 'gzip');
});

function pick(exchange: Exchange): { kind?: string | undefined; message?: string | undefined } {
  assert.equal(exchange.response, undefined, 'no response');
  return { kind: exchange.failure?.kind, message: exchange.failure?.message };
}
