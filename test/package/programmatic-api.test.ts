import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULTS, resolveConfig } from '../../src/config.js';
import { toRunOptions } from '../../src/conformance-options.js';
import { ConformanceError, runConformance, startReferenceServer } from '../../src/index.js';

function rejectsWith(code: string, pattern: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof ConformanceError && error.code === code && pattern.test(error.message);
}

describe('runConformance', () => {
  test("without options, tests the embedded reference server with the CLI's defaults", async () => {
    const outcome = await runConformance({ suites: ['inventory', 'smoke'] });
    assert.equal(outcome.embedded, true);
    assert.equal(outcome.specPath, DEFAULTS.specPath);
    assert.equal(outcome.profile.id, 'spec');
    assert.deepEqual(
      outcome.suites.map((suite) => suite.id),
      ['inventory', 'smoke'],
    );
    assert.equal(outcome.exitCode, 0);
    assert.ok(outcome.checks.some((entry) => entry.suite === 'smoke' && entry.checkId === 'deleted-backup-gone'));
  });

  test('the entry modules read no process state and print nothing: that is for the CLI alone', async () => {
    for (const module of ['index', 'node-test', 'conformance-options']) {
      const source = await readFile(new URL(`../../../src/${module}.ts`, import.meta.url), 'utf8');
      assert.doesNotMatch(source, /\bprocess\.|\bconsole\./, module);
    }
  });

  test('a violation is in the outcome with exit code 1; with out, the reports say the same', async () => {
    const server = await startReferenceServer({ quirks: ['list-unsorted'], seedBackups: [{ id: 1 }, { id: 2 }] });
    const out = await mkdtemp(join(tmpdir(), 'conformance-api-'));
    try {
      const outcome = await runConformance({ target: server.url, suites: ['inventory'], out });
      assert.equal(outcome.exitCode, 1);
      assert.deepEqual([...new Set(outcome.findings.filter((f) => f.verdict === 'violation').map((f) => f.checkId))], ['list-sorted-descending']);
      const findings = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { exitCode: number; findings: { checkId: string }[] };
      assert.equal(findings.exitCode, 1);
      assert.deepEqual(
        findings.findings.map((f) => f.checkId),
        outcome.findings.map((f) => f.checkId),
      );
    } finally {
      await server.close();
      await rm(out, { recursive: true, force: true });
    }
  });

  test('the outcome has the summary findings.json has, and an interrupted run the exit code the CLI would exit with', async () => {
    const out = await mkdtemp(join(tmpdir(), 'conformance-api-'));
    try {
      const whole = await runConformance({ suites: ['inventory'], out });
      const written = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { summary: unknown; exitCode: number };
      assert.deepEqual(whole.summary, written.summary);
      assert.ok(whole.summary.requests > 0 && whole.summary.checksRun > 0, JSON.stringify(whole.summary));
      for (const [reason, code] of [
        ['SIGTERM', 143],
        [undefined, 130],
      ] as const) {
        const stop = new AbortController();
        stop.abort(reason);
        const interrupted = await runConformance({ suites: ['inventory'], out }, { signal: stop.signal });
        assert.equal(interrupted.interrupted, 'interrupt');
        assert.equal(interrupted.exitCode, code);
        assert.equal((JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { exitCode: number }).exitCode, code);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  test('counts may be numbers and ids bigints: they resolve to the config the same flags give', () => {
    const fromCode = resolveConfig(
      toRunOptions({ runs: 3, maxCommands: 4, seed: -7, negativeRuns: 0, maxBodyBytes: 4096, rate: 2.5, idBase: 2n ** 60n, timeout: '2s', suites: ['smoke'] }),
    );
    const fromFlags = resolveConfig({
      runs: '3',
      maxCommands: '4',
      seed: '-7',
      negativeRuns: '0',
      maxBodyBytes: '4096',
      rate: '2.5',
      idBase: String(2n ** 60n),
      timeout: '2s',
      suites: ['smoke'],
    });
    assert.deepEqual(fromCode, fromFlags);
    assert.equal(fromCode.stateful.runs, 3);
    assert.equal(fromCode.idBase, 2n ** 60n);
  });

  test('the tool errors are the same ConformanceError codes', async () => {
    await assert.rejects(runConformance({ target: 'ftp://example.test/' }), rejectsWith('CONF_TARGET_INVALID', /http:\/\/ or https:\/\//));
    await assert.rejects(runConformance({ target: 'http://a%zz@127.0.0.1:1' }), rejectsWith('CONF_TARGET_INVALID', /user name with a broken %-escape/));
    await assert.rejects(runConformance({ runs: 0 }), rejectsWith('CONF_USAGE', /--runs takes a whole number/));
    await assert.rejects(runConformance({ spec: join(tmpdir(), 'no-such-spec.yaml') }), rejectsWith('CONF_SPEC_NOT_FOUND', /no-such-spec\.yaml/));
    // A remote target without consent: refused before any request is sent.
    await assert.rejects(runConformance({ target: 'http://backups.example.test/actuator/backups' }), rejectsWith('CONF_USAGE', /Add --yes to agree/));
  });

  test('an aborted signal stops the run between requests and marks the outcome', async () => {
    const outcome = await runConformance({ suites: ['inventory'] }, { signal: AbortSignal.abort() });
    assert.equal(outcome.interrupted, 'interrupt');
  });
});

describe('startReferenceServer', () => {
  test('resolves to the base URL of a working API and a close(), nothing of its internals', async () => {
    const server = await startReferenceServer({ port: 0, seedBackups: [{ id: 5 }] });
    assert.deepEqual(Object.keys(server).sort(), ['close', 'origin', 'port', 'url']);
    assert.equal(server.url, `${server.origin}/actuator/backups`);
    const listed = (await (await fetch(server.url)).json()) as { backupId: number }[];
    assert.deepEqual(
      listed.map((backup) => backup.backupId),
      [5],
    );
    await server.close();
    await assert.rejects(fetch(server.url));
  });

  test('faults and quirks are the ones `conformance serve` takes; an unknown one is CONF_USAGE', async () => {
    const server = await startReferenceServer({ faults: ['not-configured'] });
    try {
      const answer = await fetch(server.url);
      assert.equal(answer.status, 400);
      assert.match(await answer.text(), /No backup store is configured/);
    } finally {
      await server.close();
    }
    await assert.rejects(startReferenceServer({ faults: ['on-fire'] as never }), rejectsWith('CONF_USAGE', /Unknown fault 'on-fire'/));
  });
});
