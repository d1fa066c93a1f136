import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { serveReference } from './reference-servers.js';

/** The latest id the server holds, as its 409 to a take of id 1 states it. */
async function latestId(url: string): Promise<bigint> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"backupId":1}' });
  const { message } = (await response.json()) as { message: string };
  const match = /latest backup has id (\d+)/.exec(message);
  assert.ok(response.status === 409 && match !== null, `${response.status} ${message}`);
  return BigInt(match[1]!);
}

test('five default runs in a row against one server all pass, and the ids stay low', async () => {
  const { server } = await serveReference();
  const highest: bigint[] = [];
  for (let run = 1; run <= 5; run++) {
    const result = await runCli(['--target', server.url]);
    assert.equal(result.code, 0, `run ${run}:\n${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /Conforms to the spec\./);
    assert.equal((await result.findings()).findings.filter((f) => f.checkId === 'take-accepted-above-highest').length, 0, `run ${run}`);
    highest.push(await latestId(server.url));
  }
  assert.ok(highest[4]! <= 5_000n, `highest id after each run: ${highest.join(', ')}`);
  const listed = (await (await fetch(server.url)).json()) as unknown[];
  assert.deepEqual(listed, [], 'every backup the runs took is deleted');
});
