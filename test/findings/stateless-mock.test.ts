import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatSummary } from '../../src/console/format-summary.js';
import { resolveConfig } from '../../src/config.js';
import { runConformance } from '../../src/run.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';

const BACKUP_1 = {
  backupId: 1,
  state: 'COMPLETED',
  details: [
    {
      partitionId: 1,
      state: 'COMPLETED',
      createdAt: '2026-01-01T00:00:00Z',
      lastUpdatedAt: '2026-01-01T00:00:01Z',
      checkpointPosition: 5,
      brokerId: 0,
      brokerVersion: '8.5.0',
    },
  ],
};

describe('a stateless mock', () => {
  let server: RunningServer;
  let outcome: RunOutcome;
  before(async () => {
    // Like an OpenAPI mock serving the spec's example: every id answers backup 1.
    server = await startReferenceServer({
      settleMs: 0,
      intercept: (request, planned) =>
        request.method === 'GET' && /\/actuator\/backups\/[^/]+$/.test(request.path) ? { status: 200, headers: {}, json: BACKUP_1 } : planned,
    });
    // The deleted backup never goes (every id answers backup 1): a short settle timeout bounds the wait for it to.
    const config = { target: server.url, suites: ['inventory', 'smoke', 'stateful'], runs: '3', maxCommands: '5', seed: '3', settleTimeout: '2s' };
    outcome = await runConformance(resolveConfig(config));
  });
  after(() => server.close());

  it('is recognised and said, beside the findings that prove it', () => {
    const [note, ...more] = outcome.notes ?? [];
    assert.deepEqual(more, []);
    assert.match(
      note ?? '',
      /^every id answers the same backup \(GET of \d+ ids, .*backup 1 each time\): this looks like a stateless mock; the findings .*(unknown-backup-not-found|get-returns-requested-backup)/,
    );
    assert.ok(outcome.findings.some((f) => f.verdict === 'violation' && f.operation === 'GET /{backupId}'));
    assert.match(formatSummary(outcome), /\nNote: every id answers the same backup/);
  });

  it('is not said of the reference server, which keeps state', async () => {
    const correct = await runConformance(resolveConfig({ suites: ['inventory', 'smoke', 'stateful'], runs: '3', maxCommands: '5', seed: '3' }));
    assert.equal(correct.notes, undefined);
  });
});
