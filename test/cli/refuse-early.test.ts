import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { serveReference } from './reference-servers.js';

const recordingServer = () => serveReference();

const NO_STACK = /^\s+at .+:\d+:\d+\)?$/m;

function assertOneLine(result: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, message);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.doesNotMatch(result.stderr, NO_STACK);
}

describe('--out is checked before the first request', () => {
  const file = mkdtemp(join(tmpdir(), 'conformance-out-')).then(async (dir) => {
    await writeFile(join(dir, 'a-file'), '');
    return join(dir, 'a-file');
  });
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['on procfs, where a recursive mkdir never returns', async () => '/proc/x', /--out \/proc\/x: \/proc is on a kernel file system/],
    ['a device', async () => '/dev/null', /--out \/dev\/null: \/dev\/null is on a kernel file system/],
    ['a path through a file', async () => join(await file, 'results'), /a-file is not a directory/],
    ['a file', () => file, /it exists and is not a directory/],
  ];
  for (const [name, out, message] of cases) {
    test(name, async () => {
      const { url, requests } = await recordingServer();
      const result = await runCli(['--target', url, '--out', await out()], { out: false });
      assertOneLine(result, message);
      assert.match(result.stderr, /^error: Cannot write the reports to --out .*Choose a writable directory/);
      assert.equal(requests.length, 0, 'no request was sent');
    });
  }
});

describe('bad flags fail when parsed, with one line, exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['a huge --negative-runs', ['--negative-runs', '100000000'], /^error: --negative-runs takes a whole number from 0 to 10000, not "100000000"\.$/m],
    ['--runs just above its bound', ['--runs', String(10_001)], /--runs takes a whole number from 1 to 10000/],
    ['a --timeout a timer cannot hold', ['--timeout', '90000'], /--timeout takes a duration of at most 1440m, not "90000"/],
    ['a --rate beyond the limit', ['--rate', '1e9'], /--rate takes a number above 0 and at most 10000/],
    ['--path without --seed', ['--path', '3:1:0'], /--path replays a stateful failure only with the --seed/],
    ['--quiet with --verbose', ['--quiet', '--verbose'], /--quiet and --verbose contradict each other/],
    ['a negative --id-base read as a value', ['--id-base', '-3'], /--id-base takes a backup id from 1 to 9223372036854775807, not "-3"/],
    ['a --header without a colon', ['--header', 'Foo'], /--header takes "Name: value", and this one has no colon/],
    ['a --header with a bad name', ['--header', 'Fo o: bar'], /"Fo o" is not a header name/],
    ['a flag without its value', ['--seed'], /^error: --seed needs a value\. Run conformance --help/],
    ['serve on an address that is none', ['serve', '--host', '256.1.1.1'], /^error: --host "256\.1\.1\.1" is not an IP address or host name/],
    [
      'serve on a name that does not resolve',
      ['serve', '--host', 'no-such-host.invalid', '--port', '0'],
      /^error: Cannot listen on no-such-host\.invalid:0: .*ENOTFOUND/,
    ],
    ['serve with a negative port', ['serve', '--port', '-1'], /--port needs a whole number, but got '-1'/],
  ];
  for (const [name, args, message] of cases) {
    test(name, async () => {
      const { url, requests } = await recordingServer();
      const result = await runCli(args[0] === 'serve' ? args : ['--target', url, ...args], { out: false });
      assertOneLine(result, message);
      assert.doesNotMatch(result.stderr, /internal error|This is a bug/);
      assert.equal(requests.length, 0, 'no request was sent');
    });
  }
});

describe('a --target whose credentials cannot be decoded', () => {
  for (const [part, target] of [
    ['user name', 'http://a%zz@127.0.0.1:1'],
    ['password', 'http://user:s3cr%zzet@127.0.0.1:1'],
  ] as const) {
    test(`a broken %-escape in its ${part} is one line, exit 2, the secret not echoed`, async () => {
      const result = await runCli(['--target', target], { out: false });
      assertOneLine(result, new RegExp(`^error: --target has a ${part} with a broken %-escape`));
      assert.doesNotMatch(result.stderr, /internal error|This is a bug|s3cr/);
    });
  }
});
