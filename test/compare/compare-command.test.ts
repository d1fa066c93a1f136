import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { runCli } from '../helpers/run-cli.js';

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(options: Parameters<typeof startReferenceServer>[0] = {}): Promise<string> {
  // Slow enough that the first GET after a take sees the backup on its way, however loaded the machine.
  const server = await startReferenceServer({ settleMs: 300, jitterMs: 10, seedBackups: [{ id: 1 }], ...options });
  servers.push(server);
  return server.url;
}

const schema = JSON.parse(await readFile(new URL('../../../reports/compare.schema.json', import.meta.url), 'utf8')) as object;

describe('conformance compare on the command line', () => {
  test('exit 0 when nothing differs, with compare.json that its schema describes and compare.html', async () => {
    const url = await serve();
    const result = await runCli(['compare', '--target', url, '--against', url, '--quiet']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^No difference in \d+ steps\.$/m);
    const report = JSON.parse(await readFile(join(result.outDir, 'compare.json'), 'utf8')) as { exitCode: number; differences: unknown[] };
    const validate = new Ajv({ strict: true }).compile(schema);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.deepEqual([report.exitCode, report.differences.length], [0, 0]);
    assert.match(await readFile(join(result.outDir, 'compare.html'), 'utf8'), /No difference in \d+ steps\./);
  });

  test('exit 1 when something differs: the console shows each difference with its steps and what follows from it, the page escapes what the server sent', async () => {
    const quirky = await serve({
      quirks: ['no-broker-id'],
      intercept: (_request, planned) =>
        'status' in planned && planned.status === 404 ? { status: 404, headers: { 'content-type': 'text/html' }, text: '<b>gone</b>' } : planned,
    });
    const result = await runCli(['compare', '--target', await serve(), '--against', quirky, '--quiet']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^\d+ differences in \d+ steps:$/m);
    assert.match(
      result.stdout,
      /^ {2}field \.details\[\]\.brokerId: A number; B \(absent\)\n {4}at 2 steps \(4\. get \+0 until it settles, 7\. .*\)\n {4}with it: order \.details\[\]\.brokerId$/m,
    );
    assert.match(result.stdout, /^ {2}media type: A application\/json; B text\/html\n {4}at \d+ steps? \(/m);
    const page = await readFile(join(result.outDir, 'compare.html'), 'utf8');
    assert.ok(!page.includes('<b>gone</b>'));
    assert.match(page, /<td><div>order \.details\[\]\.brokerId: A ascending; B \(absent\) \(steps 4, 7\)<\/div><\/td>/);
    assert.match(page, /<summary>4\. get \+0 until it settles<\/summary><pre>A: curl [^<]*<\/pre><pre>B: curl /);
    const report = JSON.parse(await readFile(join(result.outDir, 'compare.json'), 'utf8')) as { exitCode: number };
    const validate = new Ajv({ strict: true }).compile(schema);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.equal(report.exitCode, 1);
  });

  test('a missing --against, two noise options or a bad URL is one line and exit 2', async () => {
    const url = await serve();
    for (const args of [
      ['compare', '--target', url],
      ['compare', '--target', url, '--against', url, '--noise', url, '--noise-pass'],
      ['compare', '--target', url, '--against', 'ftp://127.0.0.1:1'],
      ['compare', '--target', url, '--against', 'http://a%zz@127.0.0.1:1'],
      ['compare', '--target', url, '--against', url, '--tmeout', '1s'],
      ['compare', '--target', url, '--against', url, '--timeout', '-1s'],
      ['compare', '--target', url, '--against', url, '--noise-pass', 'yes'],
    ]) {
      const result = await runCli(args, { out: false });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /internal error/);
      if (args.includes('ftp://127.0.0.1:1')) assert.match(result.stderr, /^error: --against must be an http:\/\/ or https:\/\/ URL/);
      if (args.includes('http://a%zz@127.0.0.1:1')) assert.match(result.stderr, /--against/);
      if (args.includes('--tmeout')) assert.match(result.stderr, /^error: Unknown option '--tmeout'\. Run conformance compare --help for the options\.$/m);
    }
  });

  test('--help says what is compared and the exit codes', async () => {
    const result = await runCli(['compare', '--help'], { out: false });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: conformance compare --target A --against B/);
    assert.match(result.stdout, /Exit codes: 0 nothing differs, 1 something differs, 2 could not compare/);
    assert.match(result.stdout, /^ {2}--settle-timeout DUR +how long a backup may take to settle or to be gone \(default 60s\)$/m);
  });
});
