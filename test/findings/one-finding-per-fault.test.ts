import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveConfig } from '../../src/config.js';
import type { Finding } from '../../src/findings/finding.js';
import { runConformance } from '../../src/run.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import type { BehaviourOverride } from '../../src/server/behaviour/behaviour.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';

/** Every partition of every backup answers lastUpdatedAt before createdAt: one fault on every answer. */
async function serverWithTimestampsOutOfOrder(): Promise<RunningServer> {
  return startReferenceServer({
    settleMs: 0,
    seedBackups: [{ id: 1 }, { id: 2 }, { id: 3 }],
    behaviour: (base) => ({
      orderDetails: (statuses) => base.orderDetails(statuses).map((s) => (s.createdAt === undefined ? s : { ...s, lastUpdatedAt: '2000-01-01T00:00:00Z' })),
    }),
  });
}

describe('one finding per fault', () => {
  let server: RunningServer;
  let outcome: RunOutcome;
  before(async () => {
    server = await serverWithTimestampsOutOfOrder();
    outcome = await runConformance(resolveConfig({ target: server.url, runs: '4', maxCommands: '6', negativeRuns: '4', seed: '5' }));
  });
  after(() => server.close());

  const ordering = (): Finding[] => outcome.findings.filter((f) => f.checkId === 'timestamps-ordered');

  it('holds one timestamps-ordered finding per operation, each seen many times', () => {
    const operations = ordering().map((f) => f.operation);
    assert.deepEqual([...operations].sort(), [...new Set(operations)].sort(), `one finding per operation: ${operations.join(', ')}`);
    // The list leaves lastUpdatedAt out (as Zeebe does): only single gets show the fault.
    assert.ok(operations.includes('GET /{backupId}'), operations.join(', '));
    for (const finding of ordering()) {
      assert.ok((finding.occurrences ?? 1) > 1, `${finding.operation} seen ${finding.occurrences ?? 1} times`);
      assert.ok((finding.backups ?? 0) >= 3, `${finding.operation} seen on ${finding.backups} backups`);
      assert.ok(finding.examples !== undefined && finding.examples.length >= 1);
    }
  });

  it('finds nothing else on a server whose only fault is the timestamps', () => {
    const others = outcome.findings.filter((f) => f.checkId !== 'timestamps-ordered' && f.verdict === 'violation');
    assert.deepEqual(
      others.map((f) => `${f.checkId} ${f.operation}: ${f.received}`),
      [],
    );
  });
});

const ascending: BehaviourOverride = { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) };

describe('a list-order fault seen first by a single request, then by the stateful suite', () => {
  let server: RunningServer;
  let outcome: RunOutcome;
  before(async () => {
    server = await startReferenceServer({ settleMs: 0, seedBackups: [{ id: 1 }, { id: 2 }], behaviour: ascending });
    outcome = await runConformance(resolveConfig({ target: server.url, suites: ['inventory', 'smoke', 'stateful'], seed: '5' }));
  });
  after(() => server.close());

  it('is one or two findings, each carrying the replay, with the first sighting kept as an example', () => {
    const order = outcome.findings.filter((f) => f.checkId === 'list-sorted-descending');
    assert.ok(order.length >= 1 && order.length <= 2, `${order.length} findings`);
    for (const finding of order) {
      assert.ok(finding.reproduction.replay !== undefined, `${finding.kind} has no replay`);
      assert.ok((finding.occurrences ?? 1) > 1);
      assert.equal(finding.examples?.[0]?.suite, 'inventory');
    }
  });
});

describe('a list-order fault on a server that starts empty', () => {
  let server: RunningServer;
  let outcome: RunOutcome;
  before(async () => {
    server = await startReferenceServer({ settleMs: 0, behaviour: ascending });
    outcome = await runConformance(resolveConfig({ target: server.url, suites: ['stateful'], seed: '5' }));
  });
  after(() => server.close());

  it('is reproduced by the takes that create what the list shows, then the list', () => {
    const [finding, ...more] = outcome.findings.filter((f) => f.checkId === 'list-sorted-descending');
    assert.ok(finding !== undefined && more.length <= 1);
    assert.ok(finding.reproduction.replay !== undefined);
    const curl = finding.reproduction.curl;
    assert.ok(curl.filter((line) => line.includes('-X POST')).length >= 2, curl.join('\n'));
    assert.match(curl[curl.length - 1]!, /-X GET .*\/actuator\/backups$/);
  });
});

describe('a fault on a backup the run took', () => {
  it('is reproduced from a fresh start: the take that created the backup, then the get that shows the fault', async () => {
    const server = await startReferenceServer({
      settleMs: 0,
      behaviour: (base) => ({
        orderDetails: (statuses) => base.orderDetails(statuses).map((s) => (s.createdAt === undefined ? s : { ...s, lastUpdatedAt: '2000-01-01T00:00:00Z' })),
      }),
    });
    try {
      const outcome = await runConformance(resolveConfig({ target: server.url, suites: ['smoke'] }));
      const finding = outcome.findings.find((f) => f.checkId === 'timestamps-ordered' && f.operation === 'GET /{backupId}');
      const curl = finding?.reproduction.curl ?? [];
      assert.equal(curl.length, 2, curl.join('\n'));
      assert.match(curl[0]!, /^curl -i -X POST .*--data-raw '\{"backupId":(\d+)\}'/);
      const id = /"backupId":(\d+)/.exec(curl[0]!)?.[1];
      assert.match(curl[1]!, new RegExp(`^curl -i -X GET .*/actuator/backups/${id}( #.*)?$`));
    } finally {
      await server.close();
    }
  });
});
