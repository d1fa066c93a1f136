import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { SequenceOutcome } from '../../suites/stateful/driver/stateful-sequence.js';
import { PropertyViolation } from '../../suites/stateful/judges/property-violation.js';
import { ResponseViolation } from '../../suites/stateful/judges/response-violation.js';
import { statefulFinding } from '../../suites/stateful/judges/stateful-finding.js';
import { bundledIndex } from '../helpers/bundled-index.js';

// A stateful failure's finding "carries its own reproduction": the rule broken (a stateful rule, or
// the response check the run stopped on), the curl lines of the whole run and, for a shrunk run, its
// seed, path and commands (STYLE.md, idea 3). A run that broke nothing has no finding.

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const context = () => ({ suite: 'stateful', index, redactedHeaders: new Set<string>() });

function outcome(fields: Partial<SequenceOutcome>): SequenceOutcome {
  return { steps: [], transcript: [], deletedBackups: [], responseViolations: [], ...fields };
}

const stoppedOn = (fields: Partial<Finding> = {}): Finding =>
  ({
    checkId: 'response-schema-valid',
    title: 'x',
    severity: 'error',
    verdict: 'violation',
    operation: 'GET /',
    expected: 'a list',
    received: 'an object',
    ...fields,
  }) as Finding;

describe('stateful-finding', () => {
  test('a run that broke nothing and was not stopped has no finding', () => assert.equal(statefulFinding(outcome({}), context()), undefined));

  test('a violation becomes a finding of its rule, with its kind and evidence, reproduced by the run', () => {
    const violation = new PropertyViolation('deleted-backup-gone', 'GET /{backupId}', 'not found', '200', {
      kind: 'back-after-seen-gone',
      evidence: { visibleAfterDeleteMs: 40 },
    });
    const finding = statefulFinding(outcome({ violation }), context());
    assert.equal(finding?.checkId, 'deleted-backup-gone');
    assert.equal(finding?.verdict, 'violation');
    assert.equal(finding?.operation, 'GET /{backupId}');
    assert.equal(finding?.expected, 'not found');
    assert.equal(finding?.received, '200');
    assert.equal(finding?.kind, 'back-after-seen-gone');
    assert.deepEqual(finding?.evidence, { visibleAfterDeleteMs: 40 });
    assert.equal(finding?.suite, 'stateful');
    assert.deepEqual(finding?.reproduction.curl, []);
    assert.equal(finding?.reproduction.replay, undefined);
  });

  test('a shrunk run carries its seed, path and commands', () => {
    const violation = new PropertyViolation('backup-settles', 'GET /{backupId}', 'COMPLETED', 'IN_PROGRESS');
    const finding = statefulFinding(outcome({ violation, steps: ['Take(+7 = 1037)', 'Take(+5 = 1035)'] }), context(), { seed: 42, path: '3:1' });
    assert.deepEqual(finding?.reproduction.replay, { seed: 42, path: '3:1', commands: 'Take(+7 = 1037), Take(+5 = 1035)' });
  });

  test("a scenario's commands follow its name; before its first command, the name alone says so", () => {
    const violation = new PropertyViolation('backup-settles', 'GET /{backupId}', 'COMPLETED', 'IN_PROGRESS');
    const replay = { seed: 1, path: '' };
    const played = statefulFinding(outcome({ violation, scenario: 'deletes', steps: ['Take(+1 = 31)', 'Delete(31)'] }), context(), replay);
    assert.equal(played?.reproduction.replay?.commands, 'scenario deletes: Take(+1 = 31), Delete(31)');
    const unplayed = statefulFinding(outcome({ violation, scenario: 'deletes' }), context(), replay);
    assert.equal(unplayed?.reproduction.replay?.commands, 'scenario deletes, before its first command');
  });

  test('a run stopped on a response check is its finding, verdict, pointer and kind kept', () => {
    const finding = statefulFinding(
      outcome({ stoppedOn: stoppedOn({ verdict: 'inconclusive', specPointer: '#/paths/~1/get', kind: 'wrong-type' }) }),
      context(),
    );
    assert.equal(finding?.checkId, 'response-schema-valid');
    assert.equal(finding?.verdict, 'inconclusive');
    assert.equal(finding?.operation, 'GET /');
    assert.equal(finding?.expected, 'a list');
    assert.equal(finding?.received, 'an object');
    assert.equal(finding?.specPointer, '#/paths/~1/get');
    assert.equal(finding?.kind, 'wrong-type');
  });

  test("without a pointer or kind of its own, the stopped-on finding takes the rule's pointer and has no kind", () => {
    const finding = statefulFinding(outcome({ stoppedOn: stoppedOn() }), context());
    assert.notEqual(finding?.specPointer, undefined);
    assert.notEqual(finding?.specPointer, '#/paths/~1/get');
    assert.equal(finding !== undefined && 'kind' in finding, false);
  });

  test('a violation wins over a stop: the stateful rule is what the run broke', () => {
    const violation = new PropertyViolation('backup-settles', 'GET /{backupId}', 'COMPLETED', 'IN_PROGRESS');
    assert.equal(statefulFinding(outcome({ violation, stoppedOn: stoppedOn() }), context())?.checkId, 'backup-settles');
  });
});

describe('property-violation and response-violation', () => {
  test('a PropertyViolation says its rule, what was expected and what came, and has no details by default', () => {
    const violation = new PropertyViolation('partition-set-stable', 'GET /', 'partitions 1, 2', 'partitions 1');
    assert.equal(violation.name, 'PropertyViolation');
    assert.equal(violation.message, 'partition-set-stable: expected partitions 1, 2; received partitions 1');
    assert.deepEqual(violation.details, {});
  });

  test('a ResponseViolation says the recorded finding the same way, and keeps it', () => {
    const finding = stoppedOn();
    const violation = new ResponseViolation(finding);
    assert.equal(violation.name, 'ResponseViolation');
    assert.equal(violation.message, 'response-schema-valid: expected a list; received an object');
    assert.equal(violation.finding, finding);
  });
});
