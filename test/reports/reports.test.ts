import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { toFindingsJson } from '../../reports/findings-json.js';
import { toJUnit } from '../../reports/junit.js';
import { sampleOutcome } from '../helpers/sample-outcome.js';
import { resolveConfig } from '../../src/config.js';
import { formatSummary } from '../../src/console/format-summary.js';
import { flag } from '../../src/flags.js';
import { runConformance } from '../../src/run.js';
import { startReferenceServer } from '../../src/server/reference-server.js';

const schema = JSON.parse(readFileSync(new URL('../../../reports/findings.schema.json', import.meta.url), 'utf8')) as object;

function validateFindings(document: unknown): unknown[] {
  const ajv = new Ajv({ allErrors: true });
  (ajvFormats as unknown as FormatsPlugin)(ajv);
  const validate = ajv.compile(schema);
  return validate(document) ? [] : (validate.errors ?? []);
}

test('findings.json validates against its published JSON Schema', () => {
  const document = JSON.parse(toFindingsJson(sampleOutcome()));
  assert.deepEqual(validateFindings(document), []);
  assert.equal(document.schemaVersion, 5);
  assert.deepEqual(document.summary, { violations: 1, inconclusive: 1, knownDeviations: 0, toolErrors: 1, checksRun: 6, requests: 9 });
});

test('the schema rejects a document that breaks it', () => {
  const document = JSON.parse(toFindingsJson(sampleOutcome()));
  document.findings[0].verdict = 'maybe';
  assert.notDeepEqual(validateFindings(document), []);
});

test('JUnit: violations fail, inconclusive results skip, tool errors error, passes pass', () => {
  const xml = toJUnit(sampleOutcome());
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="backup-conformance" tests="5" failures="1" errors="1" time="/);
  assert.match(xml, /<testsuite name="smoke" tests="3" failures="1" errors="0" skipped="1" /);
  assert.match(xml, /<testcase classname="smoke.GET \/" name="response-schema-valid" time="0"\/>/);
  assert.match(
    xml,
    /<testcase classname="smoke.GET \/" name="list-sorted-descending" time="0">\n {6}<failure type="violation" message="list-sorted-descending \(GET \/\): violation/,
  );
  assert.match(xml, /name="not-a-server-error" time="0">\n {6}<skipped message=/);
  assert.match(xml, /<error type="CONF_INTERNAL" message="the smoke suite stopped &lt;oops&gt;">/);
  assert.match(xml, /\n\nevaluated 2 times: 1 failed, 1 passed<\/failure>/, 'passed and failed apart');
});

test('JUnit: a rule the run could not exercise is skipped, saying why, and never passes', () => {
  const xml = toJUnit(sampleOutcome());
  assert.match(
    xml,
    /<testsuite name="not-exercised" tests="1" failures="0" errors="0" skipped="1" time="0">\n {4}<testcase classname="not-exercised" name="timestamps-ordered" time="0">\n {6}<skipped message="not exercised: the run met no partition with both createdAt and lastUpdatedAt"\/>/,
  );
});

test('JUnit escapes markup and drops characters XML cannot hold', () => {
  const outcome = sampleOutcome();
  const xml = toJUnit({ ...outcome, findings: [{ ...outcome.findings[0]!, received: 'bad \u0000 byte <x>' }] });
  assert.ok(!xml.includes('\u0000'));
  assert.ok(xml.includes('bad \uFFFD byte &lt;x&gt;'));
  assert.ok(!/<x>/.test(xml));
});

test('a run with no findings is all passes', () => {
  const xml = toJUnit(sampleOutcome({ findings: [], errors: [], exitCode: 0 }));
  assert.match(xml, /tests="3" failures="0" errors="0" skipped="0"/);
});

test("a suite's note reaches the summary, findings.json's notes and its suite's entry there", async () => {
  const server = await startReferenceServer({ settleMs: 0 });
  try {
    const outcome = await runConformance(resolveConfig({ target: server.url, suites: ['stateful'], seed: '1', budget: '1ms' }));
    const note = `0 of ${flag('runs').default} random runs fitted in --budget 1ms (the scenarios ran in full); a longer --budget runs the other ${flag('runs').default}`;
    assert.deepEqual(outcome.notes, [`stateful: ${note}`]);
    assert.match(formatSummary(outcome), new RegExp(`Note: stateful: 0 of ${flag('runs').default} random runs fitted`));
    const document = JSON.parse(toFindingsJson(outcome));
    assert.deepEqual(validateFindings(document), []);
    assert.deepEqual(
      document.suites.map((suite: { id: string; notes?: string[] }) => [suite.id, suite.notes]),
      [['stateful', [note]]],
    );
    assert.equal(outcome.exitCode, 0, 'a budget that leaves random runs out still judges every rule through the scenarios');
  } finally {
    await server.close();
  }
});
