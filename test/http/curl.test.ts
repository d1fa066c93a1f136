import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { toCurl, withTls } from '../../src/http/curl.js';

test('writes a curl line with method, headers, body and URL', () => {
  const line = toCurl({
    method: 'POST',
    url: 'http://localhost:9600/actuator/backups',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: '{"backupId":5}',
  });
  assert.equal(
    line,
    `curl -i -X POST -H 'accept: application/json' -H 'content-type: application/json' --data-raw '{"backupId":5}' http://localhost:9600/actuator/backups`,
  );
});

test("sends no header the suite did not: curl's own Accept and its form Content-Type for a body are emptied", () => {
  const line = toCurl({ method: 'POST', url: 'http://h/x', headers: {}, body: '{"backupId":5}' });
  assert.equal(line, `curl -i -X POST -H Accept: -H Content-Type: --data-raw '{"backupId":5}' http://h/x`);
  assert.ok(!toCurl({ method: 'GET', url: 'http://h/x', headers: { accept: 'application/json' } }).includes('Content-Type'), 'no body, nothing to empty');
});

test('redacts secrets', () => {
  const line = toCurl({ method: 'GET', url: 'http://h/x', headers: { authorization: 'Bearer s3cret' } }, new Set(['authorization']));
  assert.ok(!line.includes('s3cret'));
  assert.ok(line.includes('authorization: ***'));
});

test('turns globbing off for a URL with brackets or braces, and prints the URL as it went on the wire', () => {
  assert.match(toCurl({ method: 'GET', url: 'http://h/x/[1]', headers: { accept: '*/*' } }), /^curl -i -g -X GET .* 'http:\/\/h\/x\/\[1\]'$/);
  assert.match(toCurl({ method: 'GET', url: 'http://h/a/../x y#frag', headers: { accept: '*/*' } }), / http:\/\/h\/x%20y$/);
});

test('adds the TLS flags of the run to https lines only', () => {
  const lines = ["curl -i -X GET 'https://h/x'", 'curl -i -X GET https://h/y', '# repeat the line above until it answers 404', 'curl -i -X GET http://h/z'];
  assert.deepEqual(withTls(lines, { caFile: 'certs/ca file.pem', insecure: false }), [
    "curl --cacert 'certs/ca file.pem' -i -X GET 'https://h/x'",
    "curl --cacert 'certs/ca file.pem' -i -X GET https://h/y",
    lines[2],
    lines[3],
  ]);
  assert.deepEqual(withTls(lines, { insecure: true })[1], 'curl -k -i -X GET https://h/y');
  assert.deepEqual(withTls(lines, {}), lines);
});

test('quotes hostile bodies so the shell passes them through unchanged', () => {
  const body = `{"backupId":"'; rm -rf / #$(id)\`x\`"}`;
  const line = toCurl({ method: 'POST', url: 'http://h/x', headers: {}, body });
  const echoed = execFileSync('sh', [
    '-c',
    line.replace(/^curl -i -X POST -H Accept: -H Content-Type: --data-raw /, 'printf %s ').replace(/ http:\/\/h\/x$/, ''),
  ]).toString();
  assert.equal(echoed, body);
});
