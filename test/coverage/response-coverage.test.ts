import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { formatCoverageLine } from '../../src/coverage/format-coverage.js';
import { operationOf, ResponseCoverageLog, whyNotProvokable } from '../../src/coverage/response-coverage.js';
import type { Exchange } from '../../src/http/exchange.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { runCli } from '../helpers/run-cli.js';

const BASE = 'http://localhost:9600/actuator/backups';

function exchange(method: string, path: string, status: number, contentType = 'application/json'): Exchange {
  return {
    seq: 1,
    startedAt: 0,
    request: { method, url: `${BASE}${path}`, headers: {} },
    response: { status, headers: contentType === '' ? {} : { 'content-type': contentType }, bodyText: '{}', truncated: false, durationMs: 1 },
  };
}

describe('attributing an exchange to its operation', () => {
  test('by method and path template under the base URL', async () => {
    const { operations } = await bundledIndex();
    const label = (method: string, url: string) => operationOf(method, url, BASE, operations)?.label;
    assert.equal(label('GET', BASE), 'GET /');
    assert.equal(label('GET', `${BASE}/`), 'GET /');
    assert.equal(label('POST', BASE), 'POST /');
    assert.equal(label('GET', `${BASE}/42`), 'GET /{backupId}');
    assert.equal(label('DELETE', `${BASE}/not-a-number?x=1`), 'DELETE /{backupId}', 'an invalid id is still that operation');
    assert.equal(label('GET', `${BASE}/1/2`), undefined);
    assert.equal(label('PUT', `${BASE}/1`), undefined);
    assert.equal(label('GET', 'http://localhost:9600/elsewhere'), undefined);
  });
});

describe('coverage of documented responses', () => {
  test('counts each documented status and media type, and the statuses no response documents', async () => {
    const { operations } = await bundledIndex();
    const log = new ResponseCoverageLog(operations);
    for (const e of [
      exchange('POST', '', 202),
      exchange('POST', '', 202, 'application/vnd.spring-boot.actuator.v3+json'),
      exchange('POST', '', 409, 'text/plain'),
      exchange('POST', '', 418),
      exchange('GET', '/7', 404),
    ])
      log.observe(operationOf(e.request.method, e.request.url, BASE, operations)!, e);
    const post = log.entries().find((c) => c.operation === 'POST /')!;
    assert.deepEqual(
      post.responses.map((r) => [r.status, r.observed]),
      [
        ['202', 2],
        ['400', 0],
        ['409', 1],
        ['500', 0],
        ['502', 0],
        ['504', 0],
      ],
    );
    assert.deepEqual(post.responses.find((r) => r.status === '409')?.mediaTypes, [{ mediaType: 'application/json', observed: 0 }]);
    assert.deepEqual(post.undocumented, [{ status: 418, observed: 1 }]);
    assert.equal(formatCoverageLine(post), 'POST /: 202 ✔ 400 – 409 ✔ 500 – 502 – 504 –; never received 409 as application/json; also 418 (undocumented)');
    assert.equal(post.responses.find((r) => r.status === '400')?.notProvokable, undefined, "POST /'s 400 is also for an invalid id: provokable");
    const get = log.entries().find((c) => c.operation === 'GET /{backupId}')!;
    assert.equal(get.responses.find((r) => r.status === '404')?.observed, 1);
  });

  test('says why, from the spec, a status cannot be provoked from outside', () => {
    assert.match(
      whyNotProvokable({ key: '504', description: 'Request from gateway to broker timed out' }) ?? '',
      /failure of the server or its gateway \("Request from gateway to broker timed out"\)/,
    );
    assert.match(whyNotProvokable({ key: '5XX', description: 'Server error' }) ?? '', /failure of the server/);
    assert.match(
      whyNotProvokable({ key: '400', description: 'Backup is not enabled or configured on the brokers' }) ?? '',
      /only when no backup store is configured .* exit code 2/,
    );
    assert.equal(
      whyNotProvokable({ key: '400', description: 'Backup is not enabled or configured on the brokers. Or the given BackupId is not valid.' }),
      undefined,
    );
    assert.equal(whyNotProvokable({ key: '404', description: 'A backup with given backupId does not exist' }), undefined);
  });
});

describe('a run against the reference server', () => {
  test('findings.json records POST / 202, 400 and 409 as received; the console and report.html show the coverage', async () => {
    const result = await runCli([]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const document = (await result.findings()) as unknown as {
      coverage: { operation: string; responses: { status: string; observed: number; notProvokable?: string }[] }[];
    };
    const ajv = new Ajv({ allErrors: true });
    (ajvFormats as unknown as FormatsPlugin)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../../reports/findings.schema.json', import.meta.url), 'utf8')) as object);
    assert.ok(validate(document), JSON.stringify(validate.errors?.slice(0, 3)));
    const post = document.coverage.find((c) => c.operation === 'POST /')!;
    for (const status of ['202', '400', '409']) assert.ok(post.responses.find((r) => r.status === status)!.observed > 0, `POST / ${status} observed`);
    assert.ok(post.responses.filter((r) => r.status.startsWith('5')).every((r) => r.observed === 0 && r.notProvokable !== undefined));
    assert.match(result.stdout, /^ {2}POST \/: 202 ✔ 400 ✔ 409 ✔ 500 – 502 – 504 –/m);
    assert.match(result.stdout, /Not provokable from outside: 500, 502, 504: failures of the server or its gateway/);
    const report = readFileSync(`${result.outDir}/report.html`, 'utf8');
    assert.match(report, /<section id="coverage">.*<code>POST \/<\/code>.*<strong>409<\/strong> ✔/s);
  });
});
