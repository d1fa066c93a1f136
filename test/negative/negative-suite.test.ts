import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { INT64_MAX } from '../../src/spec/int64.js';
import { resolveConfig } from '../../src/config.js';
import type { Finding } from '../../src/findings/finding.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import type { PlannedResponse } from '../../src/server/endpoints/planned-response.js';
import type { ReceivedRequest } from '../../src/server/request/received-request.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { negativeSuite } from '../../suites/negative/negative.js';
import { runNegativeSuite, type NegativeRun } from './run-negative-suite.js';
import { bundledIndex } from '../helpers/bundled-index.js';

const servers: RunningServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function serve(options: ReferenceServerOptions = {}): Promise<RunningServer> {
  const server = await startReferenceServer({ settleMs: 0, ...options });
  servers.push(server);
  return server;
}

/** A target the suite must treat as a shared cluster: no valid ids near 2^63. */
const REMOTE = 'http://zeebe.example:9600/actuator/backups';

const isPost = (request: ReceivedRequest) => request.method === 'POST';
const notJson = (text: string) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};
const plannedStatus = (planned: PlannedResponse) => ('status' in planned ? planned.status : undefined);
const answer = (status: number, message = 'changed by the test'): PlannedResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  json: { message },
});

function show(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.checkId} ${finding.operation}: ${finding.expected} / ${finding.received}`).join('\n');
}

function assertNoViolation(run: NegativeRun): void {
  assert.deepEqual(run.violations(), [], show(run.violations()));
}

/** The body a finding's take sent, read back from its curl line (the only POST among them). */
function sentBody(finding: Finding): string | undefined {
  const curl = finding.reproduction.curl.find((line) => line.startsWith('curl -i -X POST ')) ?? '';
  const match = / --data-raw (?:'((?:[^']|'\\'')*)'|(\S+)) /.exec(curl);
  return match === null ? undefined : (match[1] ?? match[2] ?? '').replace(/'\\''/g, "'");
}

describe('the negative suite against the reference server', () => {
  test('finds no violation, evaluates its four checks, and leaves nothing behind', async () => {
    const server = await serve();
    const run = await runNegativeSuite(server.url);
    assertNoViolation(run);
    const noted = new Set(run.checks.map((entry) => `${entry.operation} ${entry.checkId}`));
    for (const expected of [
      'POST / invalid-take-refused',
      'POST / refused-take-creates-nothing',
      'GET /{backupId} invalid-path-id-refused',
      'DELETE /{backupId} invalid-path-id-refused',
      'POST / int64-id-taken-exactly',
    ]) {
      assert.ok(noted.has(expected), expected);
    }
    assert.equal(server.store.size, 0, 'every backup the suite made was deleted');
    // The embedded server is local: the valid ids beyond 2^53 were taken, up to the top of int64.
    assert.equal(server.store.latestId, INT64_MAX);
  });

  test('on a remote target, reserves ids above the existing ones and never takes ids near 2^63', async () => {
    const server = await serve({ seedBackups: [{ id: 5 }, { id: 9 }] });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    assertNoViolation(run);
    assert.ok(server.store.get(5n) !== undefined && server.store.get(9n) !== undefined, 'the existing backups are untouched');
    assert.equal(server.store.size, 2);
    const latest = server.store.latestId ?? 0n;
    assert.ok(latest > 9n && latest < 2n ** 53n, `the highest id taken is ${latest}`);
    assert.equal(run.of('int64-id-taken-exactly').length, 0);
  });

  test('judges string ids, which Zeebe accepts, inconclusive, and deletes the backups they made', async () => {
    const server = await serve({ quirks: ['string-ids', 'spring-error-bodies', 'actuator-media-type'] });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    assertNoViolation(run);
    const numeric = run.of('invalid-take-refused').filter((finding) => finding.specPointer === 'spec/NOTES.md#numeric-string-ids');
    // One fault, seen on each numeric string id.
    assert.equal(numeric.length, 1, show(run.findings));
    assert.ok((numeric[0]?.occurrences ?? 1) >= 4, show(numeric));
    assert.ok(numeric.every((finding) => finding.verdict === 'inconclusive'));
    assert.ok(
      numeric.some((finding) =>
        [finding, ...(finding.examples ?? [])].some((seen) => /appeared in the list, and the suite deleted it again/.test(seen.received)),
      ),
      show(numeric),
    );
    assert.equal(server.store.size, 0);
  });

  test('takes no more backups than it announces, even where string ids are accepted', async () => {
    for (const options of [{ negativeRuns: '60' }, { negativeRuns: '60', target: REMOTE }, { negativeRuns: '0', target: REMOTE }]) {
      const server = await serve({ quirks: ['string-ids'] });
      await runNegativeSuite(server.url, { seed: '11', ...options });
      const announced = negativeSuite.maxBackups(resolveConfig(options), await bundledIndex());
      assert.ok(server.store.createdCount > 0 && server.store.createdCount <= announced, `${server.store.createdCount} taken, ${announced} announced`);
    }
  });

  test('sends its invalid requests --concurrency at a time, never more, and judges them as it does one at a time', async () => {
    // A server that answers after a while, counting the requests it holds at once, and that
    // accepts negative ids: its faults must be the same findings, in the same order, either way.
    const seen = async (concurrency: string) => {
      let holding = 0;
      let most = 0;
      const server = await serve({
        intercept: async (request, planned) => {
          holding++;
          most = Math.max(most, holding);
          await new Promise((resolve) => setTimeout(resolve, 5));
          holding--;
          return isPost(request) && /^\{"backupId":-\d+\}$/.test(request.bodyText) ? answer(202) : planned;
        },
      });
      const run = await runNegativeSuite(server.url, { concurrency });
      const findings = run.findings.map((f) => `${f.checkId} ${f.operation} ${f.verdict}: ${f.expected} / ${f.received}`);
      return { most, findings, progress: run.progress };
    };
    const single = await seen('1');
    const several = await seen('4');
    assert.equal(single.most, 1);
    assert.ok(several.most > 1 && several.most <= 4, `${several.most} in flight`);
    assert.ok(
      single.findings.some((finding) => finding.startsWith('invalid-take-refused POST / violation')),
      single.findings.join('\n'),
    );
    assert.deepEqual(several.findings, single.findings);
    // The progress says how the takes go: the few a correct server may accept one by one, then the rest together.
    const takes =
      /^send (\d+) invalid takes, with ids reserved above \d+: the (\d+) a correct server may accept one at a time, then (\d+) that must be refused, 4 at a time$/;
    const counts = several.progress.map((line) => takes.exec(line)).find((match) => match !== null);
    assert.ok(counts !== undefined, several.progress.join('\n'));
    assert.equal(Number(counts[2]) + Number(counts[3]), Number(counts[1]));
    assert.ok(Number(counts[2]) > 0 && Number(counts[3]) > Number(counts[2]), counts[0]);
  });

  test('takes its generated requests from --negative-runs, exactly', async () => {
    const none = await runNegativeSuite((await serve()).url, { target: REMOTE, negativeRuns: '0' });
    const some = await runNegativeSuite((await serve()).url, { target: REMOTE, negativeRuns: '25' });
    assert.equal(some.exchanges.length - none.exchanges.length, 25);
  });
});

describe('the negative suite catches a server that', () => {
  test('answers 500 to malformed JSON (not-a-server-error)', async () => {
    const server = await serve({
      intercept: (request, planned) => (isPost(request) && request.bodyText !== '' && notJson(request.bodyText) ? answer(500) : planned),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    // Identical findings are counted, not repeated: one, seen once per malformed body.
    const [error, ...others] = run.of('not-a-server-error').filter((finding) => finding.operation === 'POST /');
    assert.ok(error !== undefined, show(run.findings));
    assert.equal(others.length, 0);
    assert.equal(error.verdict, 'violation');
    assert.ok((error.occurrences ?? 1) >= 5, `seen ${error.occurrences ?? 1} times`);
    assert.equal(error.reproduction.curl.length, 1);
    assert.ok(notJson(sentBody(error) ?? '{}'), error.reproduction.curl[0]);
  });

  test('accepts a negative id (invalid-take-refused)', async () => {
    const server = await serve({
      intercept: (request, planned) => (isPost(request) && /^\{"backupId":-\d+\}$/.test(request.bodyText) ? answer(202) : planned),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    const refused = run.of('invalid-take-refused').filter((finding) => finding.verdict === 'violation');
    const minusOne = refused.find((finding) => sentBody(finding) === '{"backupId":-1}');
    assert.ok(minusOne !== undefined, show(run.findings));
    assert.equal(minusOne.received, '202');
    assert.equal(minusOne.specPointer, '#/paths/~1/post/responses/400/description');
    assert.match(
      minusOne.reproduction.curl[0] ?? '',
      /^curl -i -X POST .*-H 'content-type: application\/json' --data-raw '\{"backupId":-1\}' http:\/\/127\.0\.0\.1:\d+\/actuator\/backups$/,
    );
  });

  test('takes a fractional id, truncated (invalid-take-refused), and the suite deletes the backup it made', async () => {
    const server = await serve({
      behaviour: (base) => ({
        readTakeId: (bodyText) => {
          const fraction = /^\{"backupId":(\d+)\.\d+\}$/.exec(bodyText);
          return fraction?.[1] === undefined ? base.readTakeId(bodyText) : { id: BigInt(fraction[1]) };
        },
      }),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    const half = run.of('invalid-take-refused').find((finding) => /^\{"backupId":\d+\.5\}$/.test(sentBody(finding) ?? ''));
    assert.ok(half !== undefined, show(run.findings));
    assert.equal(half.verdict, 'violation');
    assert.match(half.received, /^202; then backup \d+ appeared in the list, and the suite deleted it again$/);
    assert.equal(half.reproduction.curl.length, 3, 'list, take, list');
    assert.equal(server.store.size, 0);
  });

  test('accepts 2^63 (invalid-take-refused)', async () => {
    const server = await serve({
      intercept: (request, planned) => (isPost(request) && request.bodyText === '{"backupId":9223372036854775808}' ? answer(202) : planned),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    const overflow = run.of('invalid-take-refused').find((finding) => sentBody(finding) === '{"backupId":9223372036854775808}');
    assert.ok(overflow !== undefined, show(run.findings));
    assert.equal(overflow.verdict, 'violation');
    assert.match(overflow.expected, /9223372036854775808, one above the format int64/);
  });

  test('answers 500 to a non-numeric path id (not-a-server-error)', async () => {
    const server = await serve({ intercept: (request, planned) => (!isPost(request) && /\/abc$/.test(request.path) ? answer(500) : planned) });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    for (const operation of ['GET /{backupId}', 'DELETE /{backupId}']) {
      const error = run.of('not-a-server-error').find((finding) => finding.operation === operation);
      assert.ok(error !== undefined, `${operation}\n${show(run.findings)}`);
      assert.equal(error.verdict, 'violation');
      assert.match(error.reproduction.curl[0] ?? '', /^curl -i -X (GET|DELETE) .*\/actuator\/backups\/abc$/);
    }
    assert.equal(run.of('invalid-path-id-refused').filter((finding) => finding.verdict === 'violation').length, 0, "a 5xx is not-a-server-error's to report");
  });

  test('reads the leading digits of a path id (invalid-path-id-refused), and the suite deletes nothing that existed', async () => {
    const server = await serve({
      seedBackups: [{ id: 42 }],
      behaviour: (base) => ({
        readPathId: (segment) => (/^\d+\D/.test(segment) ? { id: BigInt(/^\d+/.exec(segment)?.[0] ?? '0') } : base.readPathId(segment)),
      }),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    const accepted = run.of('invalid-path-id-refused').filter((finding) => finding.verdict === 'violation');
    const read = accepted.find((finding) => finding.operation === 'GET /{backupId}' && finding.received === '200');
    assert.ok(read !== undefined, show(run.findings));
    assert.match(read.reproduction.curl[0] ?? '', /\/actuator\/backups\/42abc$/);
    assert.ok(accepted.some((finding) => finding.operation === 'DELETE /{backupId}' && finding.received === '204'));
    assert.ok(server.store.get(42n) !== undefined, 'deletes carry an id that does not exist');
  });

  test('hangs on malformed JSON (response-received), and the suite still finishes', async () => {
    const server = await serve({
      intercept: (request, planned) => (isPost(request) && request.bodyText !== '' && notJson(request.bodyText) ? { hang: true } : planned),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE, timeout: '250ms', negativeRuns: '5' });
    const timeouts = run.of('response-received').filter((finding) => finding.operation === 'POST /');
    assert.ok(timeouts.length >= 1, show(run.findings));
    assert.match(timeouts[0]?.received ?? '', /^timeout/);
    assert.match(timeouts[0]?.reproduction.curl[0] ?? '', /^curl -i -X POST /);
    const firstTimeout = run.exchanges.findIndex((exchange) => exchange.failure !== undefined);
    const listedAfter = run.exchanges.slice(firstTimeout).some((exchange) => exchange.request.method === 'GET' && exchange.response?.status === 200);
    assert.ok(firstTimeout > 0 && listedAfter, 'the suite went on to list the backups after the takes');
  });

  test('creates a backup for a take it refused (refused-take-creates-nothing), and the suite deletes it', async () => {
    const server = await serve({
      quirks: ['string-ids'],
      intercept: (request, planned) => (isPost(request) && /"backupId":"/.test(request.bodyText) && plannedStatus(planned) === 202 ? answer(400) : planned),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    const created = run.of('refused-take-creates-nothing');
    assert.ok(created.length >= 1, show(run.findings));
    for (const finding of created) {
      assert.equal(finding.verdict, 'violation');
      assert.match(finding.received, /^400; then backup \d+ appeared in the list, and the suite deleted it again$/);
      assert.equal(finding.reproduction.curl.length, 3);
      assert.match(finding.reproduction.curl[1] ?? '', /--data-raw '\{"backupId":"/);
    }
    assert.equal(server.store.size, 0);
  });

  test('creates a backup for a take it refused with 409: inconclusive, as a 409 may leave traces', async () => {
    const server = await serve({
      quirks: ['string-ids'],
      intercept: (request, planned) => (isPost(request) && /"backupId":"/.test(request.bodyText) && plannedStatus(planned) === 202 ? answer(409) : planned),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    const created = run.of('refused-take-creates-nothing');
    assert.ok(created.length >= 1, show(run.findings));
    assert.ok(created.every((finding) => finding.verdict === 'inconclusive' && finding.specPointer === 'spec/NOTES.md#a-refused-take-may-leave-traces'));
    assertNoViolation(run);
  });

  test('creates a backup that no request named: inconclusive, and left alone', async () => {
    const stray = 777_777_777n;
    const server = await serve({
      behaviour: (base) => ({ readTakeId: (bodyText) => (bodyText === '{}' ? { id: stray } : base.readTakeId(bodyText)) }),
      intercept: (request, planned) => (isPost(request) && request.bodyText === '{}' ? answer(400) : planned),
    });
    const run = await runNegativeSuite(server.url, { target: REMOTE });
    const unnamed = run.of('refused-take-creates-nothing').find((finding) => finding.received.includes(String(stray)));
    assert.ok(unnamed !== undefined, show(run.findings));
    assert.equal(unnamed.verdict, 'inconclusive');
    assert.match(unnamed.received, /left in place/);
    assert.ok(server.store.get(stray) !== undefined, 'a backup no request named is not deleted');
  });

  test('stores ids beyond 2^53 as doubles (int64-id-taken-exactly)', async () => {
    const server = await serve({
      behaviour: (base) => ({
        readTakeId: (bodyText) => {
          const reading = base.readTakeId(bodyText);
          return 'id' in reading && reading.id > 2n ** 53n ? { id: BigInt(Number(reading.id)) } : reading;
        },
      }),
    });
    const run = await runNegativeSuite(server.url);
    const rounded = run.of('int64-id-taken-exactly').find((finding) => finding.expected.includes('9007199254740993'));
    assert.ok(rounded !== undefined, show(run.findings));
    assert.equal(rounded.verdict, 'violation');
    assert.match(rounded.received, /^listed as 9007199254740992 instead \(deleted again\)$/);
    assert.equal(server.store.get(2n ** 53n), undefined);
  });

  test('refuses a valid id beyond 2^53: inconclusive (spec/NOTES.md#ids-beyond-2-53)', async () => {
    const server = await serve({
      intercept: (request, planned) => (isPost(request) && request.bodyText === '{"backupId":9007199254740993}' ? answer(400) : planned),
    });
    const run = await runNegativeSuite(server.url);
    const refused = run.of('int64-id-taken-exactly');
    assert.equal(refused.length, 1, show(run.findings));
    assert.equal(refused[0]?.verdict, 'inconclusive');
    assert.equal(refused[0]?.specPointer, 'spec/NOTES.md#ids-beyond-2-53');
  });
});
