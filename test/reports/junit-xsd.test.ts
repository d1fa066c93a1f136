import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { toJUnit } from '../../reports/junit.js';
import { resolveConfig } from '../../src/config.js';
import { runConformance } from '../../src/run.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { sampleOutcome } from '../helpers/sample-outcome.js';
import { xmlProblems } from '../helpers/xml-problems.js';
import { richOutcome } from './rich-outcome.js';

// Jenkins' junit-10.xsd: see test/fixtures/README.md for its origin and licence.
const XSD = await readFile(new URL('../../../test/fixtures/junit-10.xsd', import.meta.url), 'utf8');

async function validate(xml: string): Promise<{ valid: boolean; messages: string }> {
  const messages = await xmlProblems(xml, XSD);
  return { valid: messages === '', messages };
}

test('junit.xml of a run with a violation, an inconclusive result and a tool error is valid against junit-10.xsd', async () => {
  const { valid, messages } = await validate(toJUnit(sampleOutcome()));
  assert.ok(valid, messages);
});

test('junit.xml of a run with known deviations, markup and control characters from the server is valid', async () => {
  const outcome = richOutcome();
  const garbled = { ...outcome.findings[0]!, received: 'bad \u0000 byte \u001b[31m <x> ]]> &' };
  const { valid, messages } = await validate(toJUnit({ ...outcome, findings: [...outcome.findings, garbled] }));
  assert.ok(valid, messages);
});

test('junit.xml of a clean run and of a run that could not start are valid', async () => {
  const clean = await validate(toJUnit(sampleOutcome({ findings: [], errors: [], exitCode: 0 })));
  assert.ok(clean.valid, clean.messages);
  const unreachable = await validate(
    toJUnit(
      sampleOutcome({
        suites: [],
        checks: [],
        findings: [],
        errors: [{ code: 'CONF_TARGET_UNREACHABLE', message: 'Cannot reach http://127.0.0.1:1' }],
        exitCode: 2,
      }),
    ),
  );
  assert.ok(unreachable.valid, unreachable.messages);
});

test('junit.xml of a real run against a server that lists backups in the wrong order is valid', async () => {
  const server = await startReferenceServer({
    settleMs: 0,
    seedBackups: [{ id: 1 }, { id: 2 }],
    behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) },
  });
  try {
    const outcome = await runConformance(resolveConfig({ target: server.url, suites: ['smoke'] }));
    const xml = toJUnit(outcome);
    assert.match(xml, /<failure type="violation" message="list-sorted-descending/);
    const { valid, messages } = await validate(xml);
    assert.ok(valid, messages);
  } finally {
    await server.close();
  }
});

test('the schema check bites: a document the schema forbids is rejected', async () => {
  const xml = toJUnit(sampleOutcome())
    .replace('<testsuites name="backup-conformance"', '<testsuites skipped="1" name="backup-conformance"')
    .replace(/<testcase classname="smoke.GET \/" name="response-schema-valid"/, '<testcase classname="smoke.GET /"');
  const { valid, messages } = await validate(xml);
  assert.equal(valid, false);
  assert.match(messages, /attribute 'skipped': The attribute 'skipped' is not allowed/);
  assert.match(messages, /The attribute 'name' is required but missing/);
});
