import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LONGEST_ADDRESSABLE_URL } from '../../src/api/backup-account.js';
import { startLenientStore, type LenientStore } from '../helpers/lenient-store.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

// The suites whose takes a lenient store keeps: the negative suite's megabyte id, "abc", 58.5, true, ...
const SUITES = ['--suite', 'smoke', '--suite', 'negative', '--seed', '5'];
const LONGEST_LINE = 2_000;

let store: LenientStore;
let lenient: CliResult;
let correct: CliResult;
before(async () => {
  store = await startLenientStore();
  const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' };
  [lenient, correct] = await Promise.all([runCli(['--target', store.url, ...SUITES], { env }), runCli(SUITES, { env })]);
});
after(() => store.close());

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}

test('on a store that keeps a megabyte id, no console line, annotation or JUnit line is over 2,000 characters', async () => {
  assert.equal(lenient.code, 1, lenient.stderr);
  assert.match(lenient.stdout, /^::error /m, 'the run printed no annotation');
  assert.ok(longestLine(lenient.stdout) <= LONGEST_LINE, `a console line of ${longestLine(lenient.stdout)} characters`);
  assert.ok(longestLine(lenient.stderr) <= LONGEST_LINE, `an error line of ${longestLine(lenient.stderr)} characters`);
  const junit = await lenient.junit();
  assert.ok(longestLine(junit) <= LONGEST_LINE, `a JUnit line of ${longestLine(junit)} characters`);
});

test('findings.json and report.html stay within twice their size on a correct server; exchanges.har has the whole id', async () => {
  for (const file of ['findings.json', 'report.html']) {
    const [size, reference] = await Promise.all([stat(join(lenient.outDir, file)), stat(join(correct.outDir, file))]);
    assert.ok(size.size <= 2 * reference.size, `${file}: ${size.size} bytes, ${reference.size} on a correct server`);
  }
  assert.match(await readFile(join(lenient.outDir, 'findings.json'), 'utf8'), /…\(1,048,5\d\d digits\)/);
  assert.match(await readFile(join(lenient.outDir, 'exchanges.har'), 'utf8'), /\d{1000000}/);
});

test('every backup the store lets the run address is deleted; the one it cannot is named with its length and its take', () => {
  const left = store.ids();
  for (const id of left) assert.ok(id === '' || encodeURIComponent(id).length > LONGEST_ADDRESSABLE_URL, `left behind: ${JSON.stringify(id.slice(0, 80))}`);
  assert.ok(
    left.some((id) => id.length > 1_000_000),
    'the store kept no megabyte id: the test proves nothing',
  );
  assert.match(
    lenient.stdout,
    new RegExp(
      String.raw`Left behind, and no request can address it: backup \d{16}…\(1,048,5\d\d digits\), an id of 1,048,5\d\d characters .*; ` +
        String.raw`the server created it for POST http://127\.0\.0\.1:\d+/actuator/backups \{"backupId":\d{16}…`,
    ),
  );
});
