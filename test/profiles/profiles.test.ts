import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { ConformanceError } from '../../src/errors.js';
import type { Finding } from '../../src/findings/finding.js';
import { applyProfile } from '../../src/profiles/apply-profile.js';
import { findProfile, profiles } from '../../src/profiles/profiles.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { runCli } from '../helpers/run-cli.js';
import { listSortedDescending } from '../../src/checks/list-sorted-descending.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';
import { violation } from '../helpers/sample-outcome.js';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function serve(options: ReferenceServerOptions): Promise<{ url: string; origin: string }> {
  const server = await startReferenceServer({ settleMs: 0, ...options });
  closers.push(() => server.close());
  return server;
}

const finding = (fields: Partial<Finding>): Finding => ({ ...violation, ...fields });

describe('profiles', () => {
  test('spec, then Zeebe 8.2 to 8.10, every deviation with a source', () => {
    assert.deepEqual(
      profiles.map((p) => p.id),
      ['spec', 'zeebe-8.2', 'zeebe-8.3', 'zeebe-8.4', 'zeebe-8.5', 'zeebe-8.6', 'zeebe-8.7', 'zeebe-8.8', 'zeebe-8.9', 'zeebe-8.10'],
    );
    for (const profile of profiles) for (const deviation of profile.deviations) assert.match(deviation.source, /\S{6,}/, deviation.id);
  });

  test('an unknown profile is a usage error naming the known ones', () => {
    assert.throws(
      () => findProfile('zeebe-7'),
      (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_USAGE' && /zeebe-8\.5/.test(error.message),
    );
  });

  test('the unsorted list is a known deviation up to 8.9, a violation under the spec and 8.10', () => {
    const unsorted = finding({ checkId: 'list-sorted-descending', kind: 'ascending-pair' });
    const mapped = applyProfile(findProfile('zeebe-8.5'), unsorted);
    assert.equal(mapped.verdict, 'known-deviation');
    assert.equal(mapped.knownDeviation?.id, 'list-unsorted');
    assert.equal(applyProfile(findProfile('zeebe-8.9'), unsorted).verdict, 'known-deviation');
    assert.equal(applyProfile(findProfile('zeebe-8.10'), unsorted).verdict, 'violation');
    assert.equal(applyProfile(findProfile('spec'), unsorted).verdict, 'violation');
  });

  test('list-unsorted excuses the order of the list, not an id listed twice, even after an unsorted pair', async () => {
    const index = await bundledIndex();
    const entry = (backupId: number) => ({ backupId, state: 'COMPLETED', details: [{ partitionId: 1, state: 'COMPLETED' }] });
    const [draft] = listSortedDescending.evaluate(makeInput(index.byRole.list, 200, [entry(1), entry(3), entry(3)]));
    assert.equal(draft?.kind, 'id-repeated', draft?.received);
    assert.match(draft?.received ?? '', /^3 listed twice/);
    const repeated = finding({ checkId: 'list-sorted-descending', kind: draft?.kind, received: draft?.received ?? '' });
    assert.equal(applyProfile(findProfile('zeebe-8.5'), repeated).verdict, 'violation');
    assert.equal(applyProfile(findProfile('zeebe-8.9'), repeated).verdict, 'violation');
    // A finding of the rule with no kind the deviation names is not excused either.
    assert.equal(applyProfile(findProfile('zeebe-8.5'), finding({ checkId: 'list-sorted-descending' })).verdict, 'violation');
  });

  test('each deviation names one rule and the releases it holds for, as data', () => {
    for (const deviation of findProfile('zeebe-8.9').deviations) assert.ok(deviation.releases.from <= 9 && (deviation.releases.to ?? 10) >= 9, deviation.id);
    assert.deepEqual(
      findProfile('zeebe-8.10').deviations.map((d) => d.id),
      ['numeric-string-ids', 'backpressure-503', 'delete-400', 'scaling-409', 'deleted-state', 'asynchronous-delete', 'continuous-backups-400'],
    );
    // A 500 is no deviation of any release, whatever its rule.
    assert.equal(applyProfile(findProfile('zeebe-8.9'), finding({ checkId: 'not-a-server-error', operation: 'POST /', status: 500 })).verdict, 'violation');
  });

  test('DELETED is tolerated from 8.9 only, and only when it is the whole schema problem', () => {
    const deleted = finding({
      checkId: 'response-schema-valid',
      received: '/state must be equal to one of the allowed values DOES_NOT_EXIST, IN_PROGRESS, COMPLETED, FAILED, INCOMPLETE, INCOMPATIBLE, got "DELETED"',
    });
    assert.equal(applyProfile(findProfile('zeebe-8.9'), deleted).verdict, 'known-deviation');
    assert.equal(applyProfile(findProfile('zeebe-8.8'), deleted).verdict, 'violation');
    const more = finding({ checkId: 'response-schema-valid', received: `${deleted.received}; /details/0/createdAt must match format "date-time", got "x"` });
    assert.equal(applyProfile(findProfile('zeebe-8.9'), more).verdict, 'violation');
  });

  test('a 503 on take is a known deviation of every release, a 500 is not', () => {
    assert.equal(
      applyProfile(findProfile('zeebe-8.2'), finding({ checkId: 'not-a-server-error', operation: 'POST /', status: 503, received: '503 (once)' })).verdict,
      'known-deviation',
    );
    assert.equal(
      applyProfile(findProfile('zeebe-8.2'), finding({ checkId: 'not-a-server-error', operation: 'POST /', status: 500, received: '500' })).verdict,
      'violation',
    );
  });
});

describe("deviations recognised by the answer, not by the suite's wording", () => {
  /** A server whose every take is refused as Zeebe refuses it in the named situation. */
  async function refusingTakes(status: number, message: string): Promise<string> {
    const { url } = await serve({
      intercept: (request, planned) => (request.method === 'POST' ? { status, headers: { 'content-type': 'application/json' }, json: { message } } : planned),
    });
    return url;
  }

  test('a 409 "while scaling" to every take is scaling-409 from 8.8, and stays reported under the spec', async () => {
    const url = await refusingTakes(409, 'Cannot take backup while scaling is in progress');
    const under = async (profile: string) =>
      (await (await runCli(['--target', url, '--suite', 'smoke', '--profile', profile], { out: true })).findings()).findings.find(
        (f) => f.checkId === 'take-accepted-above-highest',
      );
    const scaling = await under('zeebe-8.8');
    assert.equal(scaling?.verdict, 'known-deviation');
    assert.equal(scaling?.knownDeviation?.id, 'scaling-409');
    assert.equal(scaling?.status, 409);
    assert.equal(scaling?.answerMessage, 'Cannot take backup while scaling is in progress');
    assert.notEqual((await under('spec'))?.verdict, 'known-deviation');
    assert.notEqual((await under('zeebe-8.7'))?.verdict, 'known-deviation');
  });

  test('a 400 naming continuous backups is continuous-backups-400 from 8.9; a 409 with those words is not', () => {
    const refused = (status: number) =>
      finding({
        checkId: 'take-accepted-above-highest',
        operation: 'POST /',
        status,
        answerMessage: 'Cannot take backup with explicit id: continuous backups are enabled',
        received: String(status),
      });
    assert.equal(applyProfile(findProfile('zeebe-8.9'), refused(400)).knownDeviation?.id, 'continuous-backups-400');
    assert.equal(applyProfile(findProfile('zeebe-8.9'), refused(409)).verdict, 'violation');
    assert.equal(applyProfile(findProfile('zeebe-8.8'), refused(400)).verdict, 'violation');
    // The suite's own text mentioning the words is not the server saying them.
    assert.equal(
      applyProfile(
        findProfile('zeebe-8.9'),
        finding({ checkId: 'take-accepted-above-highest', operation: 'POST /', status: 400, received: 'continuous backups' }),
      ).verdict,
      'violation',
    );
  });
});

describe('profiles against the reference server in Zeebe 8.5 quirks mode', () => {
  const quirky = { quirks: 'zeebe-8.5' as const, seedBackups: [{ id: 1 }, { id: 2 }, { id: 3 }] };

  test('--profile spec reports the unsorted list as a violation, and nothing else', async () => {
    const { url } = await serve(quirky);
    const result = await runCli(['--target', url, '--profile', 'spec']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const violations = (await result.findings()).findings.filter((f) => f.verdict === 'violation');
    assert.deepEqual([...new Set(violations.map((f) => f.checkId))], ['list-sorted-descending']);
  });

  test('--profile zeebe-8.5 exits 0 and lists the known deviations', async () => {
    const { url } = await serve(quirky);
    const result = await runCli(['--target', url, '--profile', 'zeebe-8.5']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /list-sorted-descending \(GET \/\): known deviation/);
    assert.match(result.stdout, /Conforms to Zeebe 8\.5 behaviour; \d+ known deviations? from the spec\./);
    const report = await result.findings();
    assert.ok(report.summary['knownDeviations']! >= 1);
    assert.match(await result.junit(), /<system-out>list-sorted-descending/);
  });
});

describe('discovery of the base path', () => {
  test('finds /actuator/backups from the management address', async () => {
    const { origin } = await serve({});
    const result = await runCli(['--target', origin, '--suite', 'smoke']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /\/actuator\/backups \(found \/actuator\/backups by probing\)/);
  });

  test('finds /actuator/backupRuntime, as Camunda 8.8+ serves it', async () => {
    const { origin } = await serve({ basePath: '/actuator/backupRuntime' });
    const result = await runCli(['--target', `${origin}/`, '--suite', 'smoke']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /found \/actuator\/backupRuntime by probing/);
  });

  test('says so when neither answers like the API', async () => {
    const { origin } = await serve({ basePath: '/elsewhere' });
    const result = await runCli(['--target', origin], { out: false });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /No Backup Management API found at .*tried \/actuator\/backups: 404; \/actuator\/backupRuntime: 404/);
  });

  test('recognises a Zeebe 8.1-style server and calls it unsupported', async () => {
    const legacy: Server = createServer((req, res) => {
      const status = req.url === '/actuator/backups/1' ? 200 : 404;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? JSON.stringify({ backupId: 1, status: 'DOES_NOT_EXIST', failureReason: null, partitions: [] }) : '{}');
    });
    await new Promise<void>((resolve) => legacy.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => legacy.close(() => resolve())));
    const result = await runCli(['--target', `http://127.0.0.1:${(legacy.address() as AddressInfo).port}/actuator/backups`], { out: false });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /looks like Zeebe 8\.1/);
  });
});
