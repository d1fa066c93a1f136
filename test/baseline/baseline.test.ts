import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { compareWithBaseline, failsRun, loadBaseline, markKnown } from '../../src/baseline/baseline.js';
import { ConformanceError } from '../../src/errors.js';
import { faultKey } from '../../src/findings/fault-key.js';
import type { Finding } from '../../src/findings/finding.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { runCli } from '../helpers/run-cli.js';
import { xmlProblems } from '../helpers/xml-problems.js';
import { toGitHubAnnotations } from '../../reports/github-annotations.js';
import { toMarkdownSummary } from '../../reports/markdown-summary.js';
import { summaryOf } from '../../src/run-outcome.js';

const JUNIT_XSD = fileURLToPath(new URL('../../../test/fixtures/junit-10.xsd', import.meta.url));

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A reference server on port 0, with the number of requests it has received so far. */
async function serve(options: ReferenceServerOptions = {}): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const intercept = options.intercept;
  const server = await startReferenceServer({
    settleMs: 0,
    ...options,
    intercept: (request, planned) => {
      requests++;
      return intercept === undefined ? planned : intercept(request, planned);
    },
  });
  servers.push(server);
  return { url: server.url, requests: () => requests };
}

const listAscending: ReferenceServerOptions = {
  seedBackups: [{ id: 1 }, { id: 2 }],
  behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) },
};
// Two backups, so the list rule applies there too and the list fault can be seen as fixed.
const takeAnswers200: ReferenceServerOptions = {
  seedBackups: [{ id: 1 }, { id: 2 }],
  intercept: (request, planned) => (request.method === 'POST' && 'status' in planned && planned.status === 202 ? { ...planned, status: 200 } : planned),
};
const fastSuites = ['--suite', 'inventory', '--suite', 'smoke'];

function finding(overrides: Partial<Finding>): Finding {
  return {
    checkId: 'list-sorted-descending',
    title: 'sorted',
    severity: 'medium',
    verdict: 'violation',
    operation: 'GET /',
    expected: 'backupIds strictly descending',
    received: '1 then 2 at position 1 (ids: 1, 2)',
    reproduction: { curl: [] },
    ...overrides,
  };
}

async function baselineFile(content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'conformance-baseline-')), 'findings.json');
  await writeFile(file, content);
  return file;
}

describe('fault identity', () => {
  test('ids and values in the messages do not change the key; check, operation, verdict and kind do', () => {
    const first = finding({});
    assert.equal(faultKey(finding({ received: '1037 then 1041 at position 4 (ids: 1037, 1041)', expected: 'backupIds strictly descending' })), faultKey(first));
    assert.notEqual(faultKey(finding({ operation: 'GET /{backupId}' })), faultKey(first));
    assert.notEqual(faultKey(finding({ verdict: 'inconclusive' })), faultKey(first));
    assert.notEqual(faultKey(finding({ checkId: 'status-code-documented' })), faultKey(first));
    assert.notEqual(faultKey({ ...first, kind: 'duplicate' }), faultKey({ ...first, kind: 'ascending' }));
  });

  test('a baseline finding of many variants knows each of them; it is fixed only when none is seen again', async () => {
    const variants = {
      count: 2,
      kinds: [
        { kind: 'ascending', occurrences: 3 },
        { kind: 'duplicate', occurrences: 1 },
      ],
    };
    const baseline = await loadBaseline(await baselineFile(JSON.stringify({ schemaVersion: 5, findings: [finding({ kind: 'ascending', variants })] })));
    assert.equal(markKnown(finding({ kind: 'duplicate' }), baseline).inBaseline, true);
    assert.equal(markKnown(finding({ kind: 'ascending' }), baseline).inBaseline, true);
    assert.equal(markKnown(finding({ kind: 'unsorted' }), baseline).inBaseline, undefined);
    const evaluated = [{ operation: 'GET /', checkId: 'list-sorted-descending' }];
    assert.deepEqual(compareWithBaseline(baseline, [finding({ kind: 'duplicate' })], evaluated).fixed, []);
    assert.equal(compareWithBaseline(baseline, [], evaluated).fixed.length, 1);
  });

  test('a known violation does not fail the run; a new one does; fixed faults are those checked again and not seen', async () => {
    const file = await baselineFile(
      JSON.stringify({
        schemaVersion: 1,
        findings: [
          finding({}),
          finding({ checkId: 'timestamps-ordered', operation: 'GET /{backupId}' }),
          finding({ checkId: 'deleted-backup-gone', operation: 'DELETE /{backupId}' }),
        ],
      }),
    );
    const baseline = await loadBaseline(file);
    const known = markKnown(finding({ received: 'other ids' }), baseline);
    const fresh = markKnown(finding({ checkId: 'status-code-documented', operation: 'POST /' }), baseline);
    assert.equal(known.inBaseline, true);
    assert.equal(fresh.inBaseline, undefined);
    assert.equal(failsRun(known), false);
    assert.equal(failsRun(fresh), true);
    const comparison = compareWithBaseline(baseline, [known, fresh], [{ operation: 'GET /{backupId}', checkId: 'timestamps-ordered' }]);
    assert.deepEqual({ known: comparison.known, newViolations: comparison.newViolations }, { known: 1, newViolations: 1 });
    assert.deepEqual(
      comparison.fixed.map((f) => f.checkId),
      ['timestamps-ordered'],
    );
    assert.deepEqual(
      comparison.notRechecked.map((f) => f.checkId),
      ['deleted-backup-gone'],
    );
  });
});

describe('CI output', () => {
  test('a known fault is a notice and says so in the job summary; a new one stays an error', () => {
    const known = { ...finding({}), inBaseline: true as const };
    const fresh = finding({ checkId: 'status-code-documented', operation: 'POST /' });
    const annotations = toGitHubAnnotations({ findings: [known, fresh], errors: [] });
    assert.deepEqual(
      annotations.map((line) => line.slice(0, line.indexOf(' '))),
      ['::notice', '::error'],
    );
    assert.match(annotations[0]!, /violation \(in the baseline\)/);
    const summary = toMarkdownSummary({
      target: 'http://x',
      embedded: false,
      specPath: 'spec.yaml',
      profile: { id: 'spec', title: 'the spec' },
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 1,
      requests: 1,
      suites: [],
      checks: [],
      rules: [],
      notChecked: [],
      findings: [known],
      errors: [],
      timeline: [],
      summary: summaryOf({ findings: [known], errors: [], checks: [], requests: 1 }),
      exitCode: 0,
    });
    assert.match(summary, /violation \(in the baseline\) \| <code>list-sorted-descending<\/code>/);
    assert.match(summary, /Conforms to the spec; 1 violation already in the baseline\./);
  });
});

describe('an unreadable baseline is a tool error', () => {
  const cases: [string, string | undefined, RegExp][] = [
    ['missing', undefined, /Cannot read the --baseline file .*ENOENT/],
    ['not JSON', '{"findings": [', /is not JSON/],
    ['not a findings.json', '{"results": []}', /is not a findings\.json/],
    ['a finding without identity', '{"schemaVersion": 3, "findings": [{"checkId": "x"}]}', /findings\[0\]/],
  ];
  for (const [name, content, message] of cases) {
    test(`${name}: CONF_BASELINE_INVALID`, async () => {
      const file = content === undefined ? join(tmpdir(), 'no-such-dir-for-baseline', 'findings.json') : await baselineFile(content);
      await assert.rejects(
        loadBaseline(file),
        (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_BASELINE_INVALID' && message.test(error.message),
      );
    });
  }

  test('the CLI exits 2 with one line, before sending any request', async () => {
    const server = await serve();
    const result = await runCli(['--target', server.url, '--baseline', await baselineFile('not json')]);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stdout + result.stderr, /error: The --baseline file .* is not JSON/);
    assert.doesNotMatch(result.stdout + result.stderr, /^\s+at /m);
    assert.equal(server.requests(), 0);
  });
});

describe('a rerun gated on the first run', () => {
  test('passes against the same faulty server, fails against a server with another fault', async () => {
    const faulty = await serve(listAscending);
    const first = await runCli(['--target', faulty.url, ...fastSuites]);
    assert.equal(first.code, 1, first.stdout + first.stderr);
    const firstFile = join(first.outDir, 'findings.json');

    const again = await runCli(['--target', (await serve(listAscending)).url, ...fastSuites, '--baseline', firstFile]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /list-sorted-descending \(GET \/\): violation \(in the baseline\)/);
    assert.match(again.stdout, /Baseline .*findings\.json: 1 known, 0 new violations, 0 fixed/);
    const record = (await again.findings()) as unknown as { exitCode: number; findings: Finding[]; baseline: { known: number; newViolations: number } };
    assert.equal(record.exitCode, 0);
    assert.equal(record.findings.find((f) => f.checkId === 'list-sorted-descending')?.inBaseline, true);
    assert.deepEqual({ known: record.baseline.known, newViolations: record.baseline.newViolations }, { known: 1, newViolations: 0 });
    const junit = await again.junit();
    assert.match(
      junit,
      /<testcase classname="inventory\.GET \/" name="list-sorted-descending" time="0">\n\s*<skipped message="known fault, in the baseline [^"]*findings\.json: list-sorted-descending \(GET \/\)/,
    );
    assert.match(junit, /failures="0"/);
    assert.equal(await xmlProblems(junit, await readFile(JUNIT_XSD, 'utf8')), '');

    const other = await runCli(['--target', (await serve(takeAnswers200)).url, ...fastSuites, '--baseline', firstFile]);
    assert.equal(other.code, 1, other.stdout + other.stderr);
    assert.match(other.stdout, /status-code-documented \(POST \/\): violation \[/);
    assert.match(other.stdout, /fixed: list-sorted-descending \(GET \/\): violation/);
    assert.match(await other.junit(), /<failure type="violation" message="status-code-documented \(POST \/\)/);
  });
});
