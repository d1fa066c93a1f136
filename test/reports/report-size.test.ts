import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toHtmlReport } from '../../reports/html-report.js';
import { toFindingsJson } from '../../reports/findings-json.js';
import { resolveConfig } from '../../src/config.js';
import { runConformance } from '../../src/run.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';

const BACKUPS = 2_000;
const MIB = 1024 * 1024;

describe('a read-only run against 2,000 backups with one aggregation fault', () => {
  let server: RunningServer;
  let outcome: RunOutcome;
  before(async () => {
    // Every backup has a FAILED partition and is reported COMPLETED: one fault, on every backup.
    server = await startReferenceServer({
      seedBackups: Array.from({ length: BACKUPS }, (_, i) => ({ id: i + 1, state: 'FAILED' as const })),
      behaviour: (base) => ({ aggregate: (states) => (states.includes('FAILED') ? 'COMPLETED' : base.aggregate(states)) }),
    });
    outcome = await runConformance(resolveConfig({ target: server.url, readOnly: true }));
  });
  after(() => server.close());

  it('is one finding per operation, counted over the backups', () => {
    const aggregation = outcome.findings.filter((f) => f.checkId === 'backup-state-aggregated');
    assert.deepEqual(aggregation.map((f) => f.operation).sort(), ['GET /', 'GET /{backupId}']);
    const list = aggregation.find((f) => f.operation === 'GET /');
    assert.equal(list?.backups, BACKUPS);
    assert.ok(outcome.findings.length < 10, `${outcome.findings.length} findings`);
  });

  it('writes a report.html under 1 MiB', () => {
    const bytes = Buffer.byteLength(toHtmlReport(outcome));
    assert.ok(bytes < MIB, `${bytes} bytes`);
    assert.ok(Buffer.byteLength(toFindingsJson(outcome)) < MIB);
  });
});
