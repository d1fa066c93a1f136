import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curlScript } from '../../src/findings/curl-script.js';
import type { Exchange } from '../../src/http/exchange.js';

const URL = 'http://127.0.0.1:9600/actuator/backups';

function exchange(method: string, url: string, status: number, bodyText = ''): Exchange {
  return {
    seq: 1,
    startedAt: 0,
    request: { method, url, headers: { accept: 'application/json' } },
    response: { status, headers: {}, bodyText, truncated: false, durationMs: 1 },
  };
}

test('writes a poll once, saying what it waited for', () => {
  const polls = [
    exchange('GET', `${URL}/5`, 200, '{"state":"IN_PROGRESS"}'),
    exchange('GET', `${URL}/5`, 200, '{"state":"IN_PROGRESS"}'),
    exchange('GET', `${URL}/5`, 200, '{"state":"COMPLETED"}'),
  ];
  const lines = curlScript([exchange('POST', URL, 202), ...polls, exchange('DELETE', `${URL}/5`, 204)], new Set());
  assert.equal(lines.length, 3);
  assert.equal(
    lines[1],
    `curl -i -X GET -H 'accept: application/json' ${URL}/5 # repeat until it answers 200 with state COMPLETED (the suite sent it 3 times)`,
  );
});

test('says so when a repeated request got the same answer each time', () => {
  const lines = curlScript(
    [exchange('DELETE', `${URL}/5`, 204), ...Array.from({ length: 10 }, () => exchange('GET', `${URL}/5`, 200, '{"state":"COMPLETED"}'))],
    new Set(),
  );
  assert.equal(lines.length, 2);
  assert.match(lines[1]!, /\/5 # the suite sent this 10 times; each time it answered 200 with state COMPLETED$/);
});

test('keeps requests that differ, in order', () => {
  const lines = curlScript([exchange('GET', `${URL}/5`, 404), exchange('GET', `${URL}/6`, 404), exchange('GET', `${URL}/5`, 404)], new Set());
  assert.equal(lines.length, 3);
  assert.ok(lines.every((line) => line.startsWith('curl ')));
});
