import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { resolveConfig } from '../../src/config.js';
import { ConformanceError } from '../../src/errors.js';
import type { ReceivedRequest } from '../../src/server/request/received-request.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { runCli } from '../helpers/run-cli.js';

type Running = Awaited<ReturnType<typeof startReferenceServer>>;
const servers: Running[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A reference server that remembers every request it received. */
async function recordingServer(options: ReferenceServerOptions = {}): Promise<{ server: Running; requests: ReceivedRequest[] }> {
  const requests: ReceivedRequest[] = [];
  const server = await startReferenceServer({
    settleMs: 0,
    ...options,
    intercept: async (request, planned) => {
      requests.push(request);
      return options.intercept === undefined ? planned : options.intercept(request, planned);
    },
  });
  servers.push(server);
  return { server, requests };
}

async function allOutput(result: Awaited<ReturnType<typeof runCli>>): Promise<string> {
  return [result.stdout, result.stderr, await result.junit(), JSON.stringify(await result.findings())].join('\n');
}

describe('--read-only', () => {
  test('sends GET requests only, and still validates what is there', async () => {
    const { url, requests } = await recordingServer({ seedBackups: [{ id: 5 }, { id: 7, state: 'FAILED' }] }).then(({ server, requests }) => ({
      url: server.url,
      requests,
    }));
    const result = await runCli(['--target', url, '--read-only']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Read-only: GET requests only/);
    assert.ok(requests.length >= 4, 'it read the list and the backups');
    assert.deepEqual([...new Set(requests.map((r) => r.method))], ['GET']);
    assert.ok(requests.some((r) => r.path.endsWith('/7')) && requests.some((r) => r.path.endsWith('/8')));
  });

  test('catches a broken backup without writing anything', async () => {
    const { server, requests } = await recordingServer({
      seedBackups: [{ id: 5 }],
      behaviour: (base) => ({ renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as object), state: 'DONE' }) }),
    });
    const result = await runCli(['--target', server.url, '--read-only']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.ok((await result.findings()).findings.some((f) => f.checkId === 'response-schema-valid' && f.operation === 'GET /{backupId}'));
    assert.deepEqual([...new Set(requests.map((r) => r.method))], ['GET']);
  });

  test('refuses a destructive suite', async () => {
    const result = await runCli(['--read-only', '--suite', 'smoke'], { out: false });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--suite smoke takes or deletes backups, which --read-only forbids/);
  });
});

describe('secrets', () => {
  const TOKEN = 's3cr3t-t0ken-do-not-print';
  const failing = {
    intercept: (_request: ReceivedRequest, planned: Parameters<NonNullable<ReferenceServerOptions['intercept']>>[1]) =>
      'status' in planned && planned.status === 200 ? { ...planned, status: 299 } : planned,
  };

  test('a token from --bearer-token-env is sent but appears in no output', async () => {
    const { server, requests } = await recordingServer(failing);
    const result = await runCli(['--target', server.url, '--bearer-token-env', 'BACKUP_TOKEN'], { env: { BACKUP_TOKEN: TOKEN } });
    assert.equal(result.code, 1, 'the run has findings, so curl lines are printed');
    assert.ok(requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
    const output = await allOutput(result);
    assert.ok(!output.includes(TOKEN));
    assert.match(output, /authorization: \*\*\*/);
  });

  test('--header values are sent and redacted; URL credentials become a redacted header', async () => {
    const { server, requests } = await recordingServer(failing);
    const withCredentials = server.url.replace('http://', 'http://operator:pa55word@');
    const result = await runCli(['--target', withCredentials, '--header', `X-Api-Key: ${TOKEN}`]);
    assert.equal(result.code, 1);
    assert.ok(
      requests.every((r) => r.headers['x-api-key'] === TOKEN && r.headers.authorization === `Basic ${Buffer.from('operator:pa55word').toString('base64')}`),
    );
    const output = await allOutput(result);
    assert.ok(!output.includes(TOKEN) && !output.includes('pa55word') && !output.includes(Buffer.from('operator:pa55word').toString('base64')));
    assert.match(output, /x-api-key: \*\*\*/);
  });

  test('an unset token variable is a usage error', async () => {
    const result = await runCli(['--bearer-token-env', 'NO_SUCH_VARIABLE_SET'], { out: false });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /NO_SUCH_VARIABLE_SET: that environment variable is not set/);
  });
});

describe('what the suite may do to the target', () => {
  test('a remote target without --yes is refused before any request', async () => {
    const result = await runCli(['--target', 'http://backups.conformance.invalid:9600/actuator/backups'], { out: false });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Refusing to take and delete backups on backups\.conformance\.invalid:9600 without consent: .* up to \d+ backups .* Add --yes/);
  });

  test('--id-base sets the lowest id taken, and the plan says how many backups at most', async () => {
    const { server, requests } = await recordingServer();
    const result = await runCli(['--target', server.url, '--id-base', '4000', '--suite', 'smoke']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /at most 1 backup will be taken/);
    const takes = requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.bodyText).backupId);
    assert.deepEqual(takes, [4000]);
    assert.equal(server.store.size, 0, 'and deleted it again');
  });

  test('--max-duration stops the run, cleans up, and marks the reports partial', async () => {
    const { server } = await recordingServer({ latencyMs: 150 });
    const result = await runCli(['--target', server.url, '--max-duration', '1s', '--suite', 'smoke', '--suite', 'inventory']);
    const report = await result.findings();
    assert.equal((report as unknown as { interrupted?: string }).interrupted, 'max-duration');
    assert.match(result.stdout, /Stopped early \(--max-duration reached\)/);
    assert.equal(server.store.size, 0, 'no backup of its own left behind');
  });

  test('Ctrl-C stops the run, deletes its backups and writes partial reports', async () => {
    const { server } = await recordingServer({ latencyMs: 300 });
    const out = await mkdtemp(join(tmpdir(), 'conformance-int-'));
    const cli = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
    const child = spawn(process.execPath, [cli, '--target', server.url, '--suite', 'smoke', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('· get backup') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 130, stdout);
    assert.match(stdout, /Stopped early \(interrupted\)/);
    assert.doesNotMatch(stdout, /Conforms/);
    assert.equal(JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')).interrupted, 'interrupt');
    assert.ok(server.store.createdCount >= 1, 'a backup was taken before the interrupt');
    assert.equal(server.store.size, 0, 'and deleted after it');
  });
});

describe('option parsing', () => {
  test('headers, ids and rates are checked, with secrets kept out of messages', () => {
    const usage = (options: Parameters<typeof resolveConfig>[0], pattern: RegExp) =>
      assert.throws(
        () => resolveConfig(options),
        (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_USAGE' && pattern.test(error.message),
      );
    usage({ headers: ['no colon secret'] }, /--header takes "Name: value"/);
    assert.throws(
      () => resolveConfig({ headers: ['Bad Name: topsecret'] }),
      (error: unknown) => !(error as Error).message.includes('topsecret'),
    );
    usage({ idBase: '0' }, /--id-base takes a backup id from 1/);
    usage({ idBase: '9223372036854775808' }, /--id-base/);
    usage({ rate: '-1' }, /--rate takes a number above 0/);
    const config = resolveConfig({ headers: ['X-Tenant: a', 'Cookie: c=1'], idBase: '9223372036854775807', rate: '2.5' });
    assert.deepEqual(config.headers, { 'x-tenant': 'a', cookie: 'c=1' });
    assert.ok(config.redactedHeaders.has('x-tenant') && config.redactedHeaders.has('authorization'));
    assert.equal(config.idBase, 9223372036854775807n);
    assert.equal(config.ratePerSecond, 2.5);
  });
});
