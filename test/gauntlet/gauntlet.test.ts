import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { after, describe, test, type TestContext } from 'node:test';
import { runCliMeasured, type MeasuredCliResult } from '../helpers/run-cli-measured.js';
import { xmlProblems } from '../helpers/xml-problems.js';
import { BASE_PATH, responseHead, startHostileServer, type HostileServer, type Misbehaviour, type RawConnection, type RawRequest } from './hostile-server.js';
import { backupInfo, backupList, validAnswer, type Answer } from './valid-answer.js';

// The suite is pointed at staging and production clusters: whatever the server does, a run must
// end, write its reports, stay small and say what happened. Each server here misbehaves on every
// request (or on `GET /` alone, for the list-sized ones), so the preflight meets it too.

const servers: HostileServer[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(misbehaviour: Misbehaviour): Promise<HostileServer> {
  const server = await startHostileServer(misbehaviour);
  servers.push(server);
  return server;
}

/** Small budgets: a request may take 1 s, the run 20 s. */
function budgets(server: HostileServer): string[] {
  return ['--target', server.url, '--timeout', '1s', '--max-duration', '20s'];
}

/**
 * For the tests that move tens of megabytes: reading them is the test, not waiting, and on a loaded
 * machine it can take longer than the 1 s other tests allow a request (the later flag wins).
 */
const BULK_TIMEOUT = ['--timeout', '15s'];

/** A run of the inventory suite alone: GET requests only, a handful of them. */
function inventoryRun(server: HostileServer): Promise<MeasuredCliResult> {
  return runCliMeasured([...budgets(server), '--suite', 'inventory']);
}

/** Ends a run well past its own budgets: the test fails rather than hangs. */
const ENDS = { timeout: 60_000 };
/**
 * A ceiling that tells bounded memory from unbounded: far below the 1 GiB the largest server here
 * sends, with room for the runtime's own growth (Node 24 starts larger than Node 20). The memory
 * targets themselves are benchmarks (bench/memory.ts, bench/validation.ts), not asserted here.
 */
const PEAK_RSS_LIMIT = 384 * 2 ** 20;

interface Report {
  exitCode: number;
  summary: { violations: number; inconclusive: number; toolErrors: number; requests: number };
  findings: { checkId: string; operation: string; verdict: string; received: string; reproduction: { curl: string[] } }[];
  errors: { code: string; message: string }[];
}

/**
 * What every run owes its user whatever the server did: the exit code decided for the case, both
 * reports readable, no stack trace or crash on stderr, and a bounded peak memory.
 */
async function judged(t: TestContext, result: MeasuredCliResult, exitCode: number): Promise<Report> {
  const transcript = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
  assert.equal(result.code, exitCode, transcript);
  assert.doesNotMatch(result.stderr, /^ {4}at /m, transcript);
  assert.doesNotMatch(result.stdout, /^\s+at (?:.+ \()?(?:file:|node:|\/).+:\d+:\d+\)?$/m, transcript);
  assert.doesNotMatch(result.stderr, /Unhandled|internal error|\(node:\d+\) \w*Warning/i, transcript);
  const report = (await result.findings()) as unknown as Report;
  assert.equal(report.exitCode, exitCode);
  assert.equal(await xmlProblems(await readFile(join(result.outDir, 'junit.xml'), 'utf8')), '', 'junit.xml is well-formed XML');
  const peak = `peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB`;
  t.diagnostic(peak);
  assert.ok(result.peakRssBytes < PEAK_RSS_LIMIT, peak);
  return report;
}

function findingOf(report: Report, checkId: string, operation = 'GET /'): Report['findings'][number] {
  const finding = report.findings.find((f) => f.checkId === checkId && f.operation === operation);
  assert.ok(
    finding !== undefined,
    `a ${checkId} finding on ${operation}; found ${report.findings.map((f) => `${f.checkId} (${f.operation})`).join(', ') || 'none'}`,
  );
  return finding;
}

/** Every answer correct in content, written by `send` (which decides how it goes wrong). */
function answering(send: (answer: Answer, connection: RawConnection, request: RawRequest) => void | Promise<void>, count = 3): Misbehaviour {
  const list = backupList(count);
  return { onRequest: (request, connection) => send(validAnswer(request, count, list), connection, request) };
}

const json = (body: string | Uint8Array): Record<string, string | number> => ({
  'content-type': 'application/json',
  'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
});

// These runs spend their seconds waiting out the 1 s request timeout, not computing: side by side.
describe('a server that answers too late or not at all: a response-received finding, exit 1', { concurrency: true }, () => {
  test('accepts the connection and never sends a byte, from the preflight on', ENDS, async (t) => {
    const server = await serve({ onRequest: () => undefined });
    const report = await judged(t, await inventoryRun(server), 1);
    assert.equal(findingOf(report, 'response-received').received, 'timeout: no response within 1000 ms');
    assert.equal(report.summary.toolErrors, 0);
  });

  test('sends the status line and headers, then stalls', ENDS, async (t) => {
    const server = await serve({
      onRequest: (_request, connection) => void connection.write(`${responseHead(200, { 'content-type': 'application/json', 'content-length': 1000 })}[`),
    });
    const report = await judged(t, await inventoryRun(server), 1);
    assert.equal(
      findingOf(report, 'response-received').received,
      'timeout: no complete response within 1000 ms: status 200 and its headers came, then 1 byte of the body of the 1000 its Content-Length announced',
    );
  });

  test('trickles the body a byte a second: cut at the timeout, not waited out', ENDS, async (t) => {
    const server = await serve(
      answering(async ({ status, body }, connection) => {
        if (!(await connection.write(responseHead(status, json(body))))) return;
        for (const byte of Buffer.from(body)) {
          if (!(await connection.write(Uint8Array.of(byte)))) return;
          await Promise.race([sleep(1_000), connection.gone]);
        }
      }),
    );
    const report = await judged(t, await inventoryRun(server), 1);
    assert.match(
      findingOf(report, 'response-received').received,
      /^timeout: no complete response within 1000 ms: status 200 and its headers came, then [12] bytes? of the body of the \d+ its Content-Length announced$/,
    );
    assert.ok(server.bytesWritten < 1_000, `the server wrote ${server.bytesWritten} bytes`);
  });

  test('announces a longer Content-Length than it sends, and keeps the connection open', ENDS, async (t) => {
    const server = await serve(
      answering(
        ({ status, body }, connection) =>
          void connection.write(responseHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) + 100 }) + body),
      ),
    );
    const report = await judged(t, await inventoryRun(server), 1);
    const length = Buffer.byteLength(backupList(3));
    assert.equal(
      findingOf(report, 'response-received').received,
      `timeout: no complete response within 1000 ms: status 200 and its headers came, then ${length} bytes of the body of the ${length + 100} its Content-Length announced`,
    );
  });
});

describe('a server that answers garbage: a finding on what came, exit 1', () => {
  test('malformed JSON', ENDS, async (t) => {
    // Markup and a control character from the server must not break the XML of junit.xml either.
    const broken = '[{"backupId": 3, "state": "<COMPLETED/> & \u001b", "details": [';
    const server = await serve({ onRequest: (_request, connection) => void connection.write(responseHead(200, json(broken)) + broken) });
    const report = await judged(t, await inventoryRun(server), 1);
    assert.match(
      findingOf(report, 'response-schema-valid').received,
      /^a body that is not JSON \(.+\): "\[\{\\"backupId\\": 3, \\"state\\": \\"<COMPLETED\/> & \\u001b\\", \\"details\\": \["$/,
    );
  });

  test('announces a shorter Content-Length than it sends: the body is what was announced', ENDS, async (t) => {
    const server = await serve(
      answering(
        ({ status, body }, connection) => void connection.write(responseHead(status, { 'content-type': 'application/json', 'content-length': 10 }) + body),
      ),
    );
    const report = await judged(t, await inventoryRun(server), 1);
    assert.match(findingOf(report, 'response-schema-valid').received, /^a body that is not JSON \(.+\): "\[\{\\"backupI"$/);
  });

  test('invalid UTF-8 where the spec expects a state: read with replacement characters, judged by the schema', ENDS, async (t) => {
    const server = await serve(
      answering(({ status, body }, connection) => {
        // Latin-1 bytes where UTF-8 belongs: "COMPLETED" becomes "COMPL\xC9TED".
        const bytes = Buffer.from(body.replaceAll('"state":"COMPLETED","details"', '"state":"COMPL\u00c9TED","details"'), 'latin1');
        void connection.write(Buffer.concat([Buffer.from(responseHead(status, json(bytes))), bytes]));
      }),
    );
    const report = await judged(t, await inventoryRun(server), 1);
    assert.match(findingOf(report, 'response-schema-valid').received, /^\/0\/state must be equal to one of the allowed values/);
  });

  for (const status of [301, 302, 307]) {
    test(`redirects to itself with ${status}: not followed, a status judged like any other`, ENDS, async (t) => {
      const server = await serve({
        onRequest: (request, connection) => void connection.write(responseHead(status, { location: request.path, 'content-length': 0 })),
      });
      const report = await judged(t, await inventoryRun(server), 1);
      assert.equal(findingOf(report, 'status-code-documented').received, String(status));
      assert.equal(server.requests.length, report.summary.requests, 'one request on the wire for each the run counted');
    });
  }
});

describe('a server that breaks the connection', () => {
  test('closes every connection as it opens: the target cannot be judged, exit 2 with one clear line', ENDS, async (t) => {
    const server = await serve({
      onConnection: (connection) => {
        connection.end();
        return false;
      },
    });
    const result = await inventoryRun(server);
    const report = await judged(t, result, 2);
    assert.equal(result.stderr.split('\n').length, 2, result.stderr);
    assert.match(
      result.stderr,
      /^error: Cannot reach \S+: the (server closed the connection without sending a response|connection was reset before a response came \(read ECONNRESET\))\. Is the server running, and is --target its Backup Management API base URL/,
    );
    assert.ok(result.stderr.includes(server.url));
    assert.deepEqual(
      report.errors.map((e) => e.code),
      ['CONF_TARGET_UNREACHABLE'],
    );
    assert.match(await result.junit(), /<error type="CONF_TARGET_UNREACHABLE"/);
  });

  test('is not HTTP at all: exit 2, saying so', ENDS, async (t) => {
    const server = await serve({ onRequest: (_request, connection) => connection.end('SSH-2.0-OpenSSH_9.6\r\n') });
    const result = await inventoryRun(server);
    const report = await judged(t, result, 2);
    assert.deepEqual(
      report.errors.map((e) => e.code),
      ['CONF_TARGET_UNREACHABLE'],
    );
    assert.match(
      result.stderr,
      /^error: Cannot reach \S+: the answer is not a valid HTTP response: Response does not match the HTTP\/1\.1 protocol \(Expected HTTP\/.*\)\. Is the server running/,
    );
  });

  test('resets every connection mid-body from the start: the server is there, so findings saying how far it came, exit 1', ENDS, async (t) => {
    const server = await serve(
      answering(async ({ status, body }, connection) => {
        await connection.write(responseHead(status, json(body)) + body.slice(0, 20));
        connection.reset();
      }),
    );
    const result = await inventoryRun(server);
    const report = await judged(t, result, 1);
    assert.deepEqual(report.errors, []);
    assert.match(
      findingOf(report, 'response-received').received,
      /(the connection was reset|the server closed the connection) before the body was complete: status 200 and its headers came, then \d+ bytes of the body of the \d+ its Content-Length announced/,
    );
  });

  test('drops connections mid-body once the run is under way: findings in every suite, no tool error', ENDS, async (t) => {
    // The list always comes whole, so every suite goes on to its other requests; those break.
    const server = await serve(
      answering(async ({ status, body }, connection, request) => {
        const head = responseHead(status, json(body));
        if (request.method === 'GET' && request.path === BASE_PATH) return void connection.write(head + body);
        await connection.write(head + body.slice(0, 20));
        connection.reset();
      }),
    );
    // Every suite, not only the inventory: none may stop on an internal error when answers break.
    const result = await runCliMeasured(budgets(server));
    const report = await judged(t, result, 1);
    for (const operation of ['GET /{backupId}', 'POST /']) {
      assert.match(
        findingOf(report, 'response-received', operation).received,
        /^connection-reset: .* before the body was complete: status \d+ and its headers came, then \d+ bytes of the body of the \d+ its Content-Length announced$/,
      );
    }
    assert.deepEqual(report.errors, []);
  });
});

describe('a server that sends too much: cut at --max-body-bytes, memory bounded', () => {
  // Reading up to a cap costs a few times the cap at the peak (the text, its pieces, socket buffers
  // not yet collected): at the default 32 MiB that is close to the bound, so this case caps at 16.
  test('answers the list with 1 GB: read up to --max-body-bytes, then the connection is dropped', ENDS, async (t) => {
    const ONE_GB = 2 ** 30;
    const CAP = 16 * 2 ** 20;
    const entry = Buffer.from(`${JSON.stringify(backupInfo(1))},`);
    const chunk = Buffer.concat(Array.from({ length: Math.ceil(65_536 / entry.length) }, () => entry));
    const server = await serve({
      onRequest: async (_request, connection) => {
        let sent = 0;
        if (!(await connection.write(`${responseHead(200, { 'content-type': 'application/json', 'content-length': ONE_GB })}[`))) return;
        while (sent < ONE_GB - 1) {
          const piece = chunk.subarray(0, Math.min(chunk.length, ONE_GB - 1 - sent));
          if (!(await connection.write(piece))) return;
          sent += piece.length;
        }
      },
    });
    const result = await runCliMeasured([...budgets(server), ...BULK_TIMEOUT, '--suite', 'inventory', '--max-body-bytes', String(CAP)]);
    const report = await judged(t, result, 0);
    const finding = findingOf(report, 'response-body-within-limit');
    assert.equal(finding.verdict, 'inconclusive');
    assert.match(finding.received, new RegExp(`^more than ${CAP} bytes; the rest was not read`));
    // Two list requests (the preflight's 64 KiB probe and the suite's), each cut at its cap.
    assert.ok(server.bytesWritten < 3 * CAP, `the server wrote ${(server.bytesWritten / 2 ** 20).toFixed(1)} MiB of 1 GiB`);
  });

  test('a valid list of 10,000 backups: read, checked in full, conformant', ENDS, async (t) => {
    const server = await serve(answering(({ status, body }, connection) => void connection.write(responseHead(status, json(body)) + body), 10_000));
    const result = await runCliMeasured([...budgets(server), ...BULK_TIMEOUT, '--suite', 'inventory']);
    const report = await judged(t, result, 0);
    assert.deepEqual(report.findings, []);
    assert.match(result.stdout, /10000 backups listed; reading 25 of them/);
  });
});

describe('a server that answers in unusual but valid HTTP: read as sent, conformant', () => {
  test('HTTP/1.0 with close-delimited bodies', ENDS, async (t) => {
    const server = await serve(
      answering(({ status, body }, connection) => connection.end(responseHead(status, { 'content-type': 'application/json' }, 'HTTP/1.0') + body)),
    );
    const report = await judged(t, await inventoryRun(server), 0);
    assert.deepEqual(report.findings, []);
    assert.ok(
      server.requests.some((r) => r.path === `${BASE_PATH}/3`),
      'the listed backups were read too',
    );
  });

  // No Accept-Encoding is sent, which by RFC 9110 §12.5.3 accepts any coding: gzip is decoded, not
  // reported. The cap applies to the decoded bytes, so a small gzip of a huge body stays small.
  test('gzip-encoded JSON, never asked for: decoded and judged', ENDS, async (t) => {
    const server = await serve(
      answering(({ status, body }, connection) => {
        const gzipped = gzipSync(body);
        void connection.write(Buffer.concat([Buffer.from(responseHead(status, { ...json(gzipped), 'content-encoding': 'gzip' })), gzipped]));
      }),
    );
    const report = await judged(t, await inventoryRun(server), 0);
    assert.deepEqual(report.findings, []);
    assert.ok(server.requests.length > 2 && server.requests.every((r) => r.headers['accept-encoding'] === undefined));
  });
});
