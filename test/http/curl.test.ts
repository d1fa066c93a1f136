import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { toCurl } from '../../src/http/curl.js';

test('writes a curl line with method, headers, body and URL', () => {
  const line = toCurl({ method: 'POST', url: 'http://localhost:9600/actuator/backups', headers: { 'content-type': 'application/json' }, body: '{"backupId":5}' });
  assert.equal(line, `curl -i -X POST -H 'content-type: application/json' --data-raw '{"backupId":5}' http://localhost:9600/actuator/backups`);
});

test('redacts secrets', () => {
  const line = toCurl({ method: 'GET', url: 'http://h/x', headers: { authorization: 'Bearer s3cret' } }, new Set(['authorization']));
  assert.ok(!line.includes('s3cret'));
  assert.ok(line.includes('authorization: ***'));
});

test('quotes hostile bodies so the shell passes them through unchanged', () => {
  const body = `{"backupId":"'; rm -rf / #$(id)\`x\`"}`;
  const line = toCurl({ method: 'POST', url: 'http://h/x', headers: {}, body });
  const echoed = execFileSync('sh', ['-c', line.replace(/^curl -i -X POST --data-raw /, 'printf %s ').replace(/ http:\/\/h\/x$/, '')]).toString();
  assert.equal(echoed, body);
});
