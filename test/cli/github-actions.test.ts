import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { runCli } from '../helpers/run-cli.js';

let server: RunningServer;
before(async () => {
  server = await startReferenceServer({
    settleMs: 0,
    seedBackups: [{ id: 1 }, { id: 2 }],
    behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) },
  });
});
after(async () => {
  await server.close();
});

test('in GitHub Actions: annotations on stdout, after the quoted output is fenced off, and a job summary appended', async () => {
  const summaryFile = join(await mkdtemp(join(tmpdir(), 'conformance-gha-')), 'step-summary.md');
  await writeFile(summaryFile, '# Earlier step\n');
  const result = await runCli(['--target', server.url, '--suite', 'smoke'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile } });
  assert.equal(result.code, 1, result.stdout + result.stderr);

  const lines = result.stdout.split('\n');
  const stop = lines.findIndex((line) => /^::stop-commands::[0-9a-f-]{36}$/.test(line));
  assert.ok(stop >= 0, 'no ::stop-commands:: line');
  const token = lines[stop]!.slice('::stop-commands::'.length);
  const resume = lines.indexOf(`::${token}::`);
  assert.ok(resume > stop, 'commands are not resumed after the run');
  const finding = lines.findIndex(
    (line) =>
      line === '  list-sorted-descending (GET /): violation [medium]: expected backupIds strictly descending, received 1 then 2 at position 1 (ids: 1, 2)',
  );
  assert.ok(stop < finding && finding < resume, 'the console finding is not inside the fenced-off part');
  const annotation = lines.indexOf(
    '::error title=list-sorted-descending (GET /)::list-sorted-descending (GET /): violation [medium]: expected backupIds strictly descending, received 1 then 2 at position 1 (ids: 1, 2)',
  );
  assert.ok(annotation > resume, 'no ::error annotation after the resume');
  assert.deepEqual(
    lines.filter((line) => line.startsWith('::') && line !== lines[stop] && line !== lines[resume]).map((line) => line.slice(0, line.indexOf('::', 2) + 2)),
    ['::error title=list-sorted-descending (GET /)::'],
  );

  const summary = await readFile(summaryFile, 'utf8');
  assert.ok(summary.startsWith('# Earlier step\n## ❌ Backup API conformance: Not conformant\n'), summary.slice(0, 200));
  assert.match(
    summary,
    /\n\| ❌ violation \| <code>list-sorted-descending<\/code> \| <code>GET \/<\/code> \| backupIds strictly descending \| 1 then 2 at position 1 \\\(ids: 1, 2\\\) \|\n/,
  );
  assert.match(summary, new RegExp(`\`\`\`sh\\ncurl -i -X GET -H 'accept: application/json' ${server.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\`\`\``));
});

test('inconclusive results are ::warning annotations', async () => {
  const flaky = await startReferenceServer({
    settleMs: 0,
    intercept: (request, planned) => (request.method === 'DELETE' ? { status: 503, headers: {}, json: { message: 'busy' } } : planned),
  });
  try {
    const result = await runCli(['--target', flaky.url, '--suite', 'smoke'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' } });
    assert.match(result.stdout, /\n::warning title=not-a-server-error \(DELETE \/\{backupId\}\)::not-a-server-error \(DELETE \/\{backupId\}\): inconclusive /);
  } finally {
    await flaky.close();
  }
});

test('outside GitHub Actions: no workflow command and no summary', async () => {
  const result = await runCli(['--target', server.url, '--suite', 'smoke'], { env: { GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' } });
  assert.equal(result.code, 1);
  assert.doesNotMatch(result.stdout, /^::/m);
});
