import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { responseChecks } from '../../src/checks/response-checks.js';
import { formatSummary } from '../../src/console/format-summary.js';
import { resolveConfig } from '../../src/config.js';
import { runConformance } from '../../src/run.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { statefulProperties } from '../../suites/stateful/judges/stateful-properties.js';
import { toJUnit } from '../../reports/junit.js';

describe('counts mean what they say', () => {
  let outcome: RunOutcome;
  before(async () => {
    outcome = await runConformance(resolveConfig({ suites: ['inventory', 'smoke'] }));
  });

  it('counts a rule only where it applied: list order on lists, aggregation on bodies with states', () => {
    const where = (checkId: string) => new Set(outcome.checks.filter((c) => c.checkId === checkId).map((c) => c.operation));
    assert.deepEqual(
      [...where('list-sorted-descending')].filter((op) => op !== 'GET /'),
      [],
    );
    for (const op of where('backup-state-aggregated')) assert.match(op, /^GET /, `aggregation counted on ${op}`);
    assert.ok(!where('backup-state-aggregated').has('POST /'));
    for (const entry of outcome.checks) assert.ok(entry.failed <= entry.runs);
  });

  it('lists every rule once, and those it could not exercise as not exercised, with why', () => {
    const ids = outcome.rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of [...responseChecks.map((c) => c.id), ...Object.keys(statefulProperties)]) assert.ok(ids.includes(id), id);
    const stateful = outcome.rules.find((r) => r.id === 'checkpoint-position-monotonic');
    assert.deepEqual([stateful?.status, stateful?.exercised, stateful?.notExercised], ['not-exercised', 0, 'the stateful suite did not run']);
    const schema = outcome.rules.find((r) => r.id === 'response-schema-valid');
    assert.ok(schema !== undefined && schema.status === 'passed' && schema.exercised > 0);
    assert.match(
      formatSummary(outcome),
      /Not exercised \(\d+\): the run says nothing about these rules\n(.|\n)*  checkpoint-position-monotonic: the stateful suite did not run/,
    );
    assert.match(
      toJUnit(outcome),
      /<testcase classname="not-exercised" name="checkpoint-position-monotonic" time="0">\n {6}<skipped message="not exercised: the stateful suite did not run"\/>/,
    );
  });
});
