import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { ExchangeArchive } from '../../src/http/exchange-archive.js';
import type { Exchange } from '../../src/http/exchange.js';
import { toHar } from '../../reports/har.js';
import { runCli } from '../helpers/run-cli.js';

// The fields HAR 1.2 requires (http://www.softwareishard.com/blog/har-12-spec/), which viewers rely on.
const nameValue = { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } } };
const HAR_1_2 = {
  type: 'object',
  required: ['log'],
  properties: {
    log: {
      type: 'object',
      required: ['version', 'creator', 'entries'],
      properties: {
        version: { const: '1.2' },
        creator: { type: 'object', required: ['name', 'version'] },
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'],
            properties: {
              startedDateTime: { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$' },
              time: { type: 'number', minimum: 0 },
              request: {
                type: 'object',
                required: ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'headersSize', 'bodySize'],
                properties: {
                  headers: { type: 'array', items: nameValue },
                  queryString: { type: 'array', items: nameValue },
                  postData: { type: 'object', required: ['mimeType', 'text'] },
                },
              },
              response: {
                type: 'object',
                required: ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize'],
                properties: {
                  status: { type: 'integer' },
                  headers: { type: 'array', items: nameValue },
                  content: { type: 'object', required: ['size', 'mimeType'], properties: { size: { type: 'integer' }, text: { type: 'string' } } },
                },
              },
              timings: {
                type: 'object',
                required: ['send', 'wait', 'receive'],
                properties: { send: { type: 'number', minimum: -1 }, wait: { type: 'number', minimum: -1 }, receive: { type: 'number', minimum: -1 } },
              },
            },
          },
        },
      },
    },
  },
};

interface HarEntry {
  time: number;
  request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { text: string } };
  response: { status: number; content: { size: number; text?: string; comment?: string } };
  timings: Record<string, number>;
  _error?: string;
}

/** An exchange; `response: undefined` in the overrides makes one that got no response. */
function exchange(seq: number, body: string, overrides: { [K in keyof Exchange]?: Exchange[K] | undefined } = {}): Exchange {
  const { response, ...rest } = overrides;
  const answered = 'response' in overrides ? (response === undefined ? {} : { response }) : undefined;
  return {
    seq,
    startedAt: Date.UTC(2026, 0, 1) + seq,
    request: {
      method: 'POST',
      url: 'http://localhost:9600/actuator/backups?x=1',
      headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
      body: '{"backupId":1}',
    },
    ...(answered ?? {
      response: {
        status: 202,
        headers: { 'content-type': 'application/json', 'set-cookie': 'session=abc' },
        bodyText: body,
        truncated: false,
        durationMs: 12,
        headersMs: 10,
      },
    }),
    ...(rest as Partial<Exchange>),
  };
}

describe('exchanges.har of a run', () => {
  test('one entry per request of the run, valid HAR 1.2, and no secret in it', async () => {
    const result = await runCli(['--suite', 'inventory', '--suite', 'smoke', '--header', 'Authorization: Bearer s3cret', '--header', 'X-Api-Key: k3y-value']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const text = await readFile(join(result.outDir, 'exchanges.har'), 'utf8');
    const har = JSON.parse(text) as { log: { entries: HarEntry[]; comment: string } };
    const validate = new Ajv({ strict: false, allErrors: true }).compile(HAR_1_2);
    assert.ok(validate(har), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(har.log.entries.length, (await result.findings()).summary['requests']);
    assert.ok(har.log.entries.some((e) => e.request.method === 'POST') && har.log.entries.some((e) => e.request.method === 'DELETE'));
    assert.doesNotMatch(text, /s3cret|k3y-value/);
    const headers = har.log.entries[0]!.request.headers;
    assert.deepEqual(
      headers.filter((h) => h.name === 'authorization' || h.name === 'x-api-key').map((h) => h.value),
      ['***', '***'],
    );
    for (const entry of har.log.entries) {
      const spent = Object.values(entry.timings)
        .filter((ms) => ms >= 0)
        .reduce((sum, ms) => sum + ms, 0);
      assert.ok(Math.abs(spent - entry.time) < 0.01, `timings add up to the time of ${entry.request.method} ${entry.request.url}`);
    }
    assert.match(har.log.comment, /keeps at most 1 MiB of each body/);
  });
});

describe('the archive keeps bounded bodies', () => {
  test('a body beyond the per-body share is cut, and once the budget is spent bodies are left out, each saying so', () => {
    const archive = new ExchangeArchive(new Set(['authorization']), 1024, 20, 60);
    archive.record(exchange(1, 'short'));
    archive.record(exchange(2, 'x'.repeat(100)));
    archive.record(exchange(3, 'y'.repeat(100)));
    const har = JSON.parse(toHar(archive.contents())) as { log: { entries: HarEntry[] } };
    const contents = har.log.entries.map((e) => e.response.content);
    assert.deepEqual(
      contents.map((c) => c.text),
      ['short', 'x'.repeat(20), undefined],
    );
    assert.deepEqual(
      contents.map((c) => c.size),
      [5, 100, 100],
    );
    assert.match(contents[1]!.comment ?? '', /cut to its first 20 bytes of 100: this file keeps at most that much of each body/);
    assert.match(contents[2]!.comment ?? '', /left out of 100: this file's budget for all bodies was spent/);
    assert.deepEqual(
      har.log.entries.map((e) => e.request.postData?.text),
      ['{"backupId":1}', '{"backupId":1}', '{"backu'],
      'request bodies count against the same budget',
    );
  });

  test('secrets are redacted when recorded, and a request without response has status 0 and its failure', () => {
    const archive = new ExchangeArchive(new Set(['authorization']), 1024);
    archive.record(exchange(2, 'ok'));
    archive.record(exchange(1, '', { response: undefined, failure: { kind: 'timeout', message: 'no complete response within 10 ms', durationMs: 10 } }));
    const contents = archive.contents();
    assert.equal(contents.exchanges[0]!.request.headers['authorization'], '***');
    assert.equal(contents.exchanges[1]!.response?.headers['set-cookie'], '***');
    assert.doesNotMatch(JSON.stringify(contents), /s3cret|session=abc/);
    const har = JSON.parse(toHar(contents)) as { log: { entries: HarEntry[] } };
    assert.deepEqual(
      har.log.entries.map((e) => e.response.status),
      [0, 202],
      'in the order sent',
    );
    assert.equal(har.log.entries[0]!._error, 'timeout: no complete response within 10 ms');
    assert.equal(har.log.entries[0]!.time, 10);
  });

  test('a body the client cut at --max-body-bytes says so', () => {
    const archive = new ExchangeArchive(new Set(), 1024);
    archive.record(exchange(1, 'z'.repeat(1024), { response: { status: 200, headers: {}, bodyText: 'z'.repeat(1024), truncated: true, durationMs: 3 } }));
    const entry = (JSON.parse(toHar(archive.contents())) as { log: { entries: HarEntry[] } }).log.entries[0]!;
    assert.match(entry.response.content.comment ?? '', /the run read no more of it \(--max-body-bytes\)/);
    assert.equal(entry.timings['wait'], 3, 'without a headers time the whole exchange is waiting');
  });
});
