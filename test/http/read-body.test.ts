import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { IncompleteBody, readBody } from '../../src/http/read-body.js';

const LIST = '[{"backupId":1,"state":"COMPLETED","details":[]}]';

function chunks(...parts: (string | Uint8Array)[]): Readable {
  return Readable.from(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
}

test('a plain body is read whole', async () => {
  assert.deepEqual(await readBody(chunks('[{"backupId":', '1}]'), { limit: 1_000 }), { text: '[{"backupId":1}]', truncated: false });
});

test('a body of exactly the cap is whole; one byte more is cut at the cap and the stream destroyed', async () => {
  assert.deepEqual(await readBody(chunks('12345', '67890'), { limit: 10 }), { text: '1234567890', truncated: false });
  const longer = chunks('12345', '67890', 'x');
  assert.deepEqual(await readBody(longer, { limit: 10 }), { text: '1234567890', truncated: true });
  assert.equal(longer.destroyed, true);
});

test('a body without end is read up to the cap and no further', async () => {
  let produced = 0;
  const endless = new Readable({
    read() {
      produced += 65_536;
      this.push(Buffer.alloc(65_536, 0x20));
    },
  });
  const { text, truncated } = await readBody(endless, { limit: 1_000_000 });
  assert.equal(truncated, true);
  assert.equal(text.length, 1_000_000);
  assert.ok(produced < 2_000_000, `${produced} bytes produced`);
  assert.equal(endless.destroyed, true);
});

test('gzip, deflate and br bodies are decoded, codings applied in the reverse of their listing', async () => {
  assert.equal((await readBody(chunks(gzipSync(LIST)), { contentEncoding: 'gzip', limit: 1_000 })).text, LIST);
  assert.equal((await readBody(chunks(gzipSync(LIST)), { contentEncoding: 'x-gzip', limit: 1_000 })).text, LIST);
  assert.equal((await readBody(chunks(deflateSync(LIST)), { contentEncoding: 'deflate', limit: 1_000 })).text, LIST);
  assert.equal((await readBody(chunks(brotliCompressSync(LIST)), { contentEncoding: 'br', limit: 1_000 })).text, LIST);
  assert.equal((await readBody(chunks(brotliCompressSync(gzipSync(LIST))), { contentEncoding: 'GZIP, br', limit: 1_000 })).text, LIST);
  assert.equal((await readBody(chunks(LIST), { contentEncoding: 'identity', limit: 1_000 })).text, LIST);
});

test('a small gzip of a huge body is cut at the cap, counted in decoded bytes', async () => {
  const bomb = gzipSync(Buffer.alloc(16 * 2 ** 20, 0x20));
  assert.ok(bomb.length < 100_000);
  const { text, truncated } = await readBody(chunks(bomb), { contentEncoding: 'gzip', limit: 1_000_000 });
  assert.equal(truncated, true);
  assert.equal(text.length, 1_000_000);
});

test('an empty body is empty whatever its Content-Encoding says', async () => {
  assert.deepEqual(await readBody(chunks(), { contentEncoding: 'gzip', limit: 1_000 }), { text: '', truncated: false });
});

test('a body that is not the coding it claims, or a coding this suite cannot decode, is incomplete and says why', async () => {
  await assert.rejects(readBody(chunks(LIST), { contentEncoding: 'gzip', limit: 1_000 }), (error: unknown) => {
    assert.ok(error instanceof IncompleteBody);
    assert.equal(error.receivedBytes, LIST.length);
    assert.match(error.undecodable ?? '', /^the body is not the gzip its Content-Encoding says \(incorrect header check\)$/);
    return true;
  });
  await assert.rejects(
    readBody(chunks(gzipSync(LIST).subarray(0, 20)), { contentEncoding: 'gzip', limit: 1_000 }),
    (error: unknown) => error instanceof IncompleteBody && /not the gzip .*unexpected end of file/.test(error.undecodable ?? ''),
  );
  const zstd = chunks('(\u00b5/\u00fd');
  await assert.rejects(
    readBody(zstd, { contentEncoding: 'zstd', limit: 1_000 }),
    (error: unknown) =>
      error instanceof IncompleteBody &&
      error.undecodable === 'the body has Content-Encoding zstd, which this suite cannot decode (it reads gzip, deflate and br)',
  );
  assert.equal(zstd.destroyed, true);
});

test('a body that breaks off is incomplete, with what had come', async () => {
  const broken = new Readable({ read() {} });
  broken.push(Buffer.from('[{"backupId":'));
  setImmediate(() => broken.destroy(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })));
  await assert.rejects(readBody(broken, { limit: 1_000 }), (error: unknown) => {
    assert.ok(error instanceof IncompleteBody);
    assert.equal(error.receivedBytes, 13);
    assert.equal(error.undecodable, undefined);
    assert.equal((error.reason as { code?: string }).code, 'UND_ERR_SOCKET');
    return true;
  });
});

test('UTF-8 split across chunks is decoded whole; invalid bytes become replacement characters', async () => {
  const text = Buffer.from('"état"');
  assert.equal((await readBody(chunks(text.subarray(0, 2), text.subarray(2)), { limit: 1_000 })).text, '"état"');
  assert.equal((await readBody(chunks(Uint8Array.of(0x22, 0xff, 0xc3, 0x22)), { limit: 1_000 })).text, '"\ufffd\ufffd"');
});
