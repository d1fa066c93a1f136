import type { TimelineEvent } from '../../src/findings/backup-timeline.js';
import type { Finding } from '../../src/findings/finding.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { sampleOutcome, violation } from '../helpers/sample-outcome.js';

/** A markup payload a hostile server might send in any string it controls. */
export const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;

const GET = 'GET /{backupId}';

function view(atMs: number, backupId: string, state: string, partitions: readonly string[]): TimelineEvent {
  return {
    atMs,
    backupId,
    kind: 'view',
    suite: 'stateful',
    operation: GET,
    status: 200,
    state,
    partitions: partitions.map((s, i) => ({ partitionId: i + 1, state: s })),
  };
}

function take(atMs: number, backupId: string, status = 202): TimelineEvent {
  return { atMs, backupId, kind: 'take', suite: 'stateful', operation: 'POST /', status };
}

function remove(atMs: number, backupId: string, status = 204): TimelineEvent {
  return { atMs, backupId, kind: 'delete', suite: 'stateful', operation: 'DELETE /{backupId}', status };
}

/**
 * Six backups that show every kind of lane: one that completes, one that stalls IN_PROGRESS on one
 * partition, one that fails, a refused take, one with a missing answer, one on twelve partitions;
 * and a partition state carrying markup.
 */
export function richTimeline(): TimelineEvent[] {
  const ip = 'IN_PROGRESS';
  const ok = 'COMPLETED';
  return [
    take(120, '1001'),
    view(180, '1001', ip, [ip, ip, ip]),
    view(420, '1001', ip, [ok, ip, ip]),
    view(700, '1001', ok, [ok, ok, ok]),
    remove(900, '1001'),
    { atMs: 960, backupId: '1001', kind: 'view', suite: 'stateful', operation: GET, status: 404 },
    take(1000, '1002'),
    view(1100, '1002', ip, [ip, ip, ip]),
    view(1600, '1002', ip, [ok, ip, ok]),
    view(3000, '1002', ip, [ok, ip, ok]),
    view(5200, '1002', ip, [ok, ip, ok]),
    remove(5400, '1002'),
    take(1300, '1003'),
    view(1400, '1003', ip, [ip, ip, ip]),
    view(1900, '1003', 'FAILED', ['FAILED', ok, HOSTILE]),
    remove(2300, '1003'),
    take(2400, '1004', 409),
    take(2600, '1005'),
    view(2700, '1005', ip, [ip, ip, ip]),
    { atMs: 3100, backupId: '1005', kind: 'view', suite: 'stateful', operation: GET, status: 503 },
    view(3600, '1005', ok, [ok, ok, ok]),
    remove(3800, '1005', 500),
    take(4000, '1006'),
    view(
      4200,
      '1006',
      ip,
      Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? ok : ip)),
    ),
    view(
      4800,
      '1006',
      ok,
      Array.from({ length: 12 }, () => ok),
    ),
    remove(5000, '1006'),
  ];
}

/** A stateful finding with a replay, and a violation whose every string is hostile. */
const stalled: Finding = {
  checkId: 'backup-settles',
  title: 'A backup reaches COMPLETED or FAILED within --settle-timeout',
  severity: 'high',
  verdict: 'violation',
  operation: GET,
  expected: 'COMPLETED or FAILED within 4 s of the take',
  received: 'IN_PROGRESS after 4.4 s (partition 2 never completed)',
  specPointer: 'spec/NOTES.md#settle-time',
  suite: 'stateful',
  reproduction: {
    curl: [
      "curl -i -X POST -H 'content-type: application/json' -d '{\"backupId\":1002}' http://127.0.0.1:9600/actuator/backups",
      'curl -i -X GET http://127.0.0.1:9600/actuator/backups/1002',
    ],
    replay: { seed: 1234567, path: '12:3', commands: 'Take(+2), Get(+2)×4' },
  },
};

const hostile: Finding = {
  ...violation,
  checkId: 'response-schema-valid',
  title: 'The response body matches the documented schema',
  operation: GET,
  specPointer: '#/paths/~1{backupId}/get/responses/200/content/application~1json/schema',
  received: HOSTILE,
  expected: `state one of ${HOSTILE}`,
  reproduction: { curl: [`curl -i ${HOSTILE}`] },
};

export function richOutcome(overrides: Partial<RunOutcome> = {}): RunOutcome {
  const base = sampleOutcome();
  return {
    ...base,
    profile: { id: 'zeebe-8.5', title: 'Zeebe 8.5' },
    durationMs: 5600,
    requests: 27,
    suites: [...base.suites, { id: 'stateful', title: 'Model-based sequences of takes, gets and deletes', durationMs: 5400 }],
    checks: [
      ...base.checks,
      { suite: 'stateful', operation: GET, checkId: 'response-schema-valid', runs: 14, failed: 0, outcome: 'passed' },
      { suite: 'stateful', operation: GET, checkId: 'backup-settles', runs: 5, failed: 0, outcome: 'passed' },
    ],
    findings: [
      ...base.findings,
      stalled,
      hostile,
      {
        ...violation,
        checkId: 'list-sorted-descending',
        verdict: 'known-deviation',
        operation: 'GET /',
        suite: 'stateful',
        received: '1 then 2 (Zeebe 8.5 lists in hash order)',
        knownDeviation: {
          id: 'list-unsorted',
          description: 'the list comes in hash order',
          source: 'BackupRequestHandler.aggregateBackupList (camunda/zeebe@8.5.4)',
        },
      },
    ],
    timeline: richTimeline(),
    ...overrides,
  };
}
