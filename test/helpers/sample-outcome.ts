import type { Finding } from '../../src/findings/finding.js';
import { summaryOf, type RunOutcome } from '../../src/run-outcome.js';

export const violation: Finding = {
  checkId: 'list-sorted-descending',
  title: 'The backup list is sorted by backupId, highest first',
  severity: 'medium',
  verdict: 'violation',
  operation: 'GET /',
  expected: 'backupIds strictly descending',
  received: '1 then 2 at position 1 <&"\'>',
  specPointer: '#/paths/~1/get/description',
  specSentence: 'sorted in descending order of backupId',
  suite: 'smoke',
  occurrences: 2,
  reproduction: { curl: ["curl -i -X GET -H 'accept: application/json' http://127.0.0.1:9600/actuator/backups"] },
};

export const inconclusive: Finding = {
  ...violation,
  checkId: 'not-a-server-error',
  title: 'The server does not answer with a server error',
  severity: 'high',
  verdict: 'inconclusive',
  expected: 'a non-5xx answer',
  received: '503 (once)',
  reproduction: { curl: [], replay: { seed: 42, path: '3:1', commands: 'Take(+7 = 1007), Take(+5 = 1005)' } },
};

/** A small run with one passing check, one violation, one inconclusive result and one tool error. */
export function sampleOutcome(overrides: Partial<RunOutcome> = {}): RunOutcome {
  const outcome: Omit<RunOutcome, 'summary'> & Partial<RunOutcome> = {
    target: 'http://127.0.0.1:9600/actuator/backups',
    embedded: false,
    specPath: 'spec/backup-management-api.yaml',
    profile: { id: 'spec', title: 'the spec' },
    startedAt: '2026-11-27T06:00:00.000Z',
    durationMs: 1234.5,
    requests: 9,
    suites: [{ id: 'smoke', title: 'Every operation with valid requests', durationMs: 1000 }],
    checks: [
      { suite: 'smoke', operation: 'GET /', checkId: 'response-schema-valid', runs: 2, failed: 0, outcome: 'passed' },
      { suite: 'smoke', operation: 'GET /', checkId: 'list-sorted-descending', runs: 2, failed: 1, outcome: 'violation' },
      { suite: 'smoke', operation: 'GET /', checkId: 'not-a-server-error', runs: 2, failed: 0, outcome: 'passed' },
    ],
    rules: [
      { id: 'response-schema-valid', title: 'The response body matches the documented schema', exercised: 2, failed: 0, status: 'passed' },
      { id: 'list-sorted-descending', title: 'The backup list is sorted by backupId, highest first', exercised: 2, failed: 1, status: 'violation' },
      { id: 'not-a-server-error', title: 'The server does not answer with a server error', exercised: 2, failed: 1, status: 'inconclusive' },
      {
        id: 'timestamps-ordered',
        title: 'A partition is not updated before it was created',
        exercised: 0,
        failed: 0,
        status: 'not-exercised',
        notExercised: 'the run met no partition with both createdAt and lastUpdatedAt',
      },
    ],
    findings: [violation, inconclusive],
    errors: [{ code: 'CONF_INTERNAL', message: 'the smoke suite stopped <oops>', suite: 'smoke' }],
    notChecked: [],
    timeline: [
      { atMs: 5, backupId: '1', kind: 'take', suite: 'smoke', operation: 'POST /', status: 202 },
      {
        atMs: 9,
        backupId: '1',
        kind: 'view',
        suite: 'smoke',
        operation: 'GET /{backupId}',
        status: 200,
        state: 'IN_PROGRESS',
        partitions: [{ partitionId: 1, state: 'IN_PROGRESS' }],
      },
      { atMs: 20, backupId: '1', kind: 'delete', suite: 'smoke', operation: 'DELETE /{backupId}', status: 204 },
    ],
    exitCode: 2,
    ...overrides,
  };
  return { summary: summaryOf(outcome), ...outcome };
}
