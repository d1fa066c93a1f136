import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEvent } from '../../../src/findings/backup-timeline.js';
import { toBackupLanes } from '../../../reports/html/backup-lanes.js';
import { richTimeline } from '../rich-outcome.js';

const GET = 'GET /{backupId}';
const view = (atMs: number, state: string, partitions: string[] = []): TimelineEvent => ({
  atMs,
  backupId: '7',
  kind: 'view',
  suite: 's',
  operation: GET,
  status: 200,
  state,
  partitions: partitions.map((s, i) => ({ partitionId: i + 1, state: s })),
});

test('a state holds from the event that showed it to the next one; repeats merge into one span', () => {
  const [lane] = toBackupLanes([
    { atMs: 10, backupId: '7', kind: 'take', suite: 's', operation: 'POST /', status: 202 },
    view(20, 'IN_PROGRESS'),
    view(30, 'IN_PROGRESS'),
    view(40, 'COMPLETED'),
    { atMs: 50, backupId: '7', kind: 'delete', suite: 's', operation: 'DELETE /{backupId}', status: 204 },
  ]);
  assert.deepEqual(
    lane?.overall.map((span) => [span.startMs, span.endMs, span.state.kind === 'server' ? span.state.state : span.state.kind, span.sightings]),
    [
      [10, 20, 'taken', 1],
      [20, 40, 'IN_PROGRESS', 2],
      [40, 50, 'COMPLETED', 1],
      [50, 50, 'deleted', 1],
    ],
  );
  assert.deepEqual(lane?.lastState, { kind: 'deleted' });
  assert.equal(lane?.lastServerState, 'COMPLETED');
  assert.deepEqual(
    lane?.markers.map((m) => [m.kind, m.atMs, m.accepted]),
    [
      ['take', 10, true],
      ['delete', 50, true],
    ],
  );
});

test('partitions get their own spans, with a gap where a response said nothing of them', () => {
  const [lane] = toBackupLanes([
    view(0, 'IN_PROGRESS', ['IN_PROGRESS', 'COMPLETED']),
    { atMs: 5, backupId: '7', kind: 'view', suite: 's', operation: GET, status: 503 },
    view(9, 'COMPLETED', ['COMPLETED', 'COMPLETED']),
  ]);
  assert.deepEqual(
    lane?.partitions.map((p) => p.partitionId),
    [1, 2],
  );
  assert.deepEqual(
    lane?.partitions[0]?.spans.map((s) => [s.startMs, s.endMs]),
    [
      [0, 5],
      [9, 9],
    ],
  );
  assert.deepEqual(
    lane?.overall.map((s) => s.state),
    [{ kind: 'server', state: 'IN_PROGRESS' }, { kind: 'no-answer' }, { kind: 'server', state: 'COMPLETED' }],
  );
});

test('a refused take or delete is marked and changes no state; a 404 is "not found"', () => {
  const [refused] = toBackupLanes([{ atMs: 1, backupId: '9', kind: 'take', suite: 's', operation: 'POST /', status: 409 }]);
  assert.deepEqual(refused?.overall, []);
  assert.equal(refused?.lastState, undefined);
  assert.deepEqual(
    refused?.markers.map((m) => [m.kind, m.status, m.accepted]),
    [['take', 409, false]],
  );
  const [kept] = toBackupLanes([
    view(0, 'COMPLETED'),
    { atMs: 3, backupId: '7', kind: 'delete', suite: 's', operation: 'DELETE /{backupId}', status: 500 },
    { atMs: 6, backupId: '7', kind: 'view', suite: 's', operation: GET, status: 404 },
  ]);
  assert.deepEqual(
    kept?.overall.map((s) => (s.state.kind === 'server' ? s.state.state : s.state.kind)),
    ['COMPLETED', 'not-found'],
  );
});

test('one lane per backup, in the order the backups were first seen, whatever the order of events', () => {
  const events = richTimeline();
  const lanes = toBackupLanes([...events].reverse());
  assert.deepEqual(
    lanes.map((lane) => lane.backupId),
    ['1001', '1002', '1003', '1004', '1005', '1006'],
  );
  assert.equal(lanes.find((lane) => lane.backupId === '1006')?.partitions.length, 12);
});
