import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { startReferenceServer } from '../../src/server/reference-server.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { runCli } from '../helpers/run-cli.js';

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(options: ReferenceServerOptions = {}): Promise<string> {
  const server = await startReferenceServer({ settleMs: 0, ...options });
  servers.push(server);
  return server.url;
}

const NO_STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe('exit code 0', () => {
  test('with no --target: the embedded reference server, said so, both reports written', async () => {
    const result = await runCli([]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /embedded reference server/);
    assert.match(result.stdout, /Conforms to the spec\./);
    const report = await result.findings();
    assert.equal(report.exitCode, 0);
    // Every rule of the catalogue is exercised by a default run against the embedded server.
    const rules = (report as unknown as { rules: { id: string; status: string }[] }).rules;
    assert.ok(rules.length >= 20);
    assert.deepEqual(
      rules.filter((rule) => rule.status === 'not-exercised').map((rule) => rule.id),
      [],
    );
    assert.ok(report.summary['checksRun']! > 20);
    assert.match(await result.junit(), /<testsuites name="backup-conformance" tests="\d+" failures="0" errors="0"/);
  });

  test('says the seed it drew, with --quiet too, and --seed with it draws the same requests', async () => {
    const first = await runCli(['--quiet', '--suite', 'negative']);
    const seed = (first.stdout.match(/^Seed (-?\d+): --seed \1 repeats this run's exploration and generated requests\.$/m) ?? [])[1];
    assert.ok(seed !== undefined, first.stdout);
    const recorded = (await first.findings()) as unknown as { seed: number; summary: Record<string, number> };
    assert.equal(recorded.seed, Number(seed));
    const again = await runCli(['--quiet', '--suite', 'negative', '--seed', seed]);
    assert.equal(((await again.findings()) as unknown as { seed: number }).seed, Number(seed));
    assert.equal((await again.findings()).summary['requests'], recorded.summary['requests']);
  });

  test('against a correct server given by --target', async () => {
    const url = await serve();
    const result = await runCli(['--target', url]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`Target: ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
  });
});

// Side by side: the hung-DELETE run spends its seconds waiting out request timeouts.
describe('exit code 1', { concurrency: true }, () => {
  test('an undocumented status: a finding naming the check, the operation and a curl line', async () => {
    const url = await serve({
      intercept: (request, planned) =>
        request.method === 'GET' && !/\/\d+$/.test(request.path) ? { status: 418, headers: {}, json: { message: 'teapot' } } : planned,
    });
    const result = await runCli(['--target', url]);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /status-code-documented \(GET \/\): violation \[medium\]: expected one of 200, 400, 500, 502, 504, received 418/);
    const finding = (await result.findings()).findings.find((f) => f.checkId === 'status-code-documented');
    assert.equal(finding?.operation, 'GET /');
    assert.equal(finding?.reproduction.curl[0], `curl -i -X GET -H 'accept: application/json' ${url}`);
    assert.match(await result.junit(), /<failure type="violation" message="status-code-documented \(GET \/\)/);
  });

  test('a body that breaks the schema', async () => {
    const url = await serve({ behaviour: (base) => ({ renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as object), state: 'DONE' }) }) });
    // The broken state never settles: a short settle timeout keeps the test from waiting out the default 60 s.
    const result = await runCli(['--target', url, '--settle-timeout', '1s']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const finding = (await result.findings()).findings.find((f) => f.checkId === 'response-schema-valid');
    assert.equal(finding?.operation, 'GET /{backupId}');
    // The best reproduction from a fresh start: the take that creates the backup, then its get.
    assert.ok(
      finding?.reproduction.curl.some((line) => new RegExp(`^curl -i -X GET .* ${url}/\\d+( #.*)?$`).test(line)),
      finding?.reproduction.curl.join('\n'),
    );
  });

  test('a server that never answers one request: a timeout finding, not a stuck run', async () => {
    const url = await serve({ intercept: (request, planned) => (request.method === 'DELETE' ? { hang: true } : planned) });
    // Every DELETE waits out the whole --timeout, the final cleanup's too: the smoke suite and one
    // stateful run (whose closing line is asserted below) meet the hang, and the negative suite and 19
    // more runs would only add waiting. The catalog's hangs-on-delete runs every suite against it.
    const result = await runCli(['--target', url, '--timeout', '300ms', '--suite', 'smoke', '--suite', 'stateful', '--runs', '1']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok((await result.findings()).findings.some((f) => f.checkId === 'response-received' && f.operation === 'DELETE /{backupId}'));
    assert.match(result.stdout, /could not delete \d+ backups, delete them by hand: \d+/, 'the closing line names the backups left');
  });

  test('garbage instead of JSON gets findings, not a crash', async () => {
    const url = await serve({
      intercept: (_request, planned) =>
        'status' in planned && planned.status === 200 ? { status: 200, headers: { 'content-type': 'text/html' }, text: '<html>\u0000</html>' } : planned,
    });
    const result = await runCli(['--target', url]);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const checks = new Set((await result.findings()).findings.map((f) => f.checkId));
    assert.ok(checks.has('content-type-documented') && checks.has('response-schema-valid'));
    assert.doesNotMatch(result.stderr, NO_STACK);
  });
});

describe('exit code 2, one clear line, no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['--frobnicate'], /Unknown option '--frobnicate'.*--help/],
    ['a malformed --target', ['--target', 'not a url'], /--target "not a url" is not a URL/],
    ['a --target of another scheme', ['--target', 'ftp://host/x'], /http:\/\/ or https:\/\//],
    ['a missing spec file', ['--spec', 'no/such.yaml'], /no\/such\.yaml does not exist/],
    ['a bad duration', ['--timeout', 'soon'], /--timeout takes a duration/],
    ['an unknown suite', ['--suite', 'nope'], /--suite nope is not a suite/],
  ];
  for (const [name, args, message] of cases) {
    test(name, async () => {
      const result = await runCli(args, { out: false });
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, NO_STACK);
    });
  }

  test('an unreachable target, with a JUnit <error>', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runCli(['--target', `http://127.0.0.1:${port}/actuator/backups`]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Cannot reach http:\/\/127\.0\.0\.1:\d+\/actuator\/backups/);
    assert.match(await result.junit(), /<error type="CONF_TARGET_UNREACHABLE"/);
    assert.equal((await result.findings()).exitCode, 2);
  });

  test('a server with no backup store configured', async () => {
    const url = await serve({ faults: ['not-configured'] });
    const result = await runCli(['--target', url]);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /no backup store is configured.*Configure a backup store/);
  });
});
