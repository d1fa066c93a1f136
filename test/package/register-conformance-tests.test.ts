import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { registerConformanceTests } from '../../src/node-test.js';
import { ConformanceError } from '../../src/errors.js';
import { rules } from '../../src/rules/rules.js';
import { runNodeTest, type NodeTestResult } from './run-node-test.js';

const nodeTestModule = new URL('../../src/node-test.js', import.meta.url).href;
const serverModule = new URL('../../src/server/reference-server.js', import.meta.url).href;

let folder: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'conformance-node-test-'));
});
after(() => rm(folder, { recursive: true, force: true }));

/**
 * A user's test file: a reference server with these options (and a count of the requests it
 * receives, written out when the tests end), and the conformance tests registered against it.
 */
async function runAgainst(name: string, serverOptions: string, conformanceOptions: string, answer = 'planned'): Promise<NodeTestResult> {
  const file = join(folder, `${name}.test.mjs`);
  await writeFile(
    file,
    [
      `import { writeFileSync } from 'node:fs';`,
      `import { after } from 'node:test';`,
      `import { startReferenceServer } from ${JSON.stringify(serverModule)};`,
      `import { registerConformanceTests } from ${JSON.stringify(nodeTestModule)};`,
      `let received = 0;`,
      `const server = await startReferenceServer({ ...${serverOptions}, intercept: (request, planned) => { received++; return ${answer}; } });`,
      `after(async () => { await server.close(); writeFileSync(${JSON.stringify(`${file}.requests`)}, String(received)); });`,
      `registerConformanceTests({ target: server.url, ...${conformanceOptions} });`,
    ].join('\n'),
  );
  return runNodeTest(file, folder);
}

function rulesOf(suite: string): string[] {
  return rules.filter((rule) => rule.suites.some((id) => id === suite)).map((rule) => rule.id);
}

describe('registerConformanceTests', () => {
  test('registers one suite per conformance suite and one test per rule it exercises; against the reference server none fails, and the run happens once', async () => {
    const out = join(folder, 'reports');
    const result = await runAgainst('reference', '{}', `{ out: ${JSON.stringify(out)} }`);
    assert.equal(result.code, 0, result.junit);
    for (const suite of ['inventory', 'smoke', 'stateful', 'negative']) {
      assert.deepEqual(
        result.cases.filter((c) => c.suite === suite).map((c) => c.name),
        rulesOf(suite),
      );
    }
    assert.equal(
      result.cases.length,
      rules.reduce((sum, rule) => sum + rule.suites.length, 0),
    );
    assert.deepEqual(
      result.cases.filter((c) => c.status === 'failed'),
      [],
    );
    for (const skipped of result.cases.filter((c) => c.status === 'skipped')) assert.match(skipped.text, /^(inconclusive|not exercised|not checked): /);
    assert.ok(result.cases.filter((c) => c.status === 'passed').length > 40);
    // One run: the server received exactly the requests the one findings.json counts.
    const findings = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { summary: { requests: number } };
    assert.equal(Number(await readFile(join(folder, 'reference.test.mjs.requests'), 'utf8')), findings.summary.requests);
    // Nothing of the console reporter reached the test output.
    assert.doesNotMatch(result.junit, /Summary:|backup-conformance \d/);
  });

  test('a rule the server breaks fails with its findings and curl lines; the other rules of the suite pass', async () => {
    const result = await runAgainst('ascending', "{ quirks: ['list-unsorted'], seedBackups: [{ id: 1 }, { id: 2 }] }", "{ suites: ['inventory'] }");
    assert.equal(result.code, 1);
    const failed = result.cases.filter((c) => c.status === 'failed');
    assert.deepEqual(
      failed.map((c) => `${c.suite} ${c.name}`),
      ['inventory list-sorted-descending'],
    );
    assert.match(failed[0]?.text ?? '', /list-sorted-descending \(GET \/\): violation \[medium\]: expected backupIds strictly descending, received 1 then 2/);
    assert.match(failed[0]?.text ?? '', /curl -i -X GET -H 'accept: application\/json' http:\/\/127\.0\.0\.1:\d+\/actuator\/backups/);
    assert.deepEqual(result.cases.filter((c) => c.status === 'passed').length, rulesOf('inventory').length - 1);
  });

  test('a fault seen in every suite fails the test of its rule in every suite, not only where its best sighting was', async () => {
    // Every 404 comes as text/plain, which no schema describes: the inventory, smoke, stateful and negative suites all ask for unknown ids.
    const plain404 = `'status' in planned && planned.status === 404 ? { status: 404, headers: { 'content-type': 'text/plain' }, text: 'Not Found' } : planned`;
    const result = await runAgainst('plain-404', '{ seedBackups: [{ id: 1 }, { id: 2 }] }', '{}', plain404);
    assert.equal(result.code, 1);
    assert.deepEqual(
      result.cases.filter((c) => c.status === 'failed').map((c) => `${c.suite} ${c.name}`),
      ['inventory', 'smoke', 'stateful', 'negative'].flatMap((suite) => [`${suite} content-type-documented`, `${suite} response-schema-valid`]),
    );
  });

  test('a fault the baseline already records is skipped as known, not failed', async () => {
    const server = "{ quirks: ['list-unsorted'], seedBackups: [{ id: 1 }, { id: 2 }] }";
    const earlier = join(folder, 'earlier');
    assert.equal((await runAgainst('before-baseline', server, `{ suites: ['inventory'], out: ${JSON.stringify(earlier)} }`)).code, 1);
    const result = await runAgainst('with-baseline', server, `{ suites: ['inventory'], baseline: ${JSON.stringify(join(earlier, 'findings.json'))} }`);
    assert.equal(result.code, 0, result.junit);
    const known = result.cases.find((c) => c.name === 'list-sorted-descending');
    assert.equal(known?.status, 'skipped');
    assert.match(known?.text ?? '', /^in the baseline: list-sorted-descending \(GET \/\): violation/);
  });

  test("a departure the profile expects passes: the profile's known deviation is not a failure", async () => {
    const result = await runAgainst(
      'profiled',
      "{ quirks: ['list-unsorted'], seedBackups: [{ id: 1 }, { id: 2 }] }",
      "{ suites: ['inventory'], profile: 'zeebe-8.5' }",
    );
    assert.equal(result.code, 0, result.junit);
    assert.equal(result.cases.find((c) => c.name === 'list-sorted-descending')?.status, 'passed');
  });

  test('a target that cannot be reached fails every test with the tool error, not a cancellation', async () => {
    const result = await runAgainst('unreachable', '{}', "{ target: 'http://127.0.0.1:9/actuator/backups', suites: ['inventory', 'smoke'] }");
    assert.equal(result.code, 1);
    assert.equal(result.cases.length, rulesOf('inventory').length + rulesOf('smoke').length);
    for (const c of result.cases) {
      assert.equal(c.status, 'failed');
      assert.match(c.text, /Cannot reach http:\/\/127\.0\.0\.1:9\/actuator\/backups/);
    }
  });

  test('bad options throw the ConformanceError the CLI would report, before any test is registered', () => {
    assert.throws(
      () => registerConformanceTests({ timeout: 'soon' }),
      (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_USAGE' && /--timeout/.test(error.message),
    );
    assert.throws(
      () => registerConformanceTests({ suites: ['fuzz'] }),
      (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_USAGE' && /--suite fuzz is not a suite/.test(error.message),
    );
    assert.throws(
      () => registerConformanceTests({ target: 'ftp://host' }),
      (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_TARGET_INVALID',
    );
  });
});
